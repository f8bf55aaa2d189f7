// A table export (quotes, events, actors): one SQL source read in keyset batches, each row given
// as a JSON object (JSON Lines) and as flat columns (CSV).
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { type BatchOptions, keysetBatches } from "./batches.ts";
import type { ExportFilter, FilterName } from "./filters.ts";

export type CsvValue = string | number | boolean | null | undefined;

export type Column<Row> = { header: string; value: (row: Row) => CsvValue };

export type TableExport<Row> = {
  name: string;
  filters: readonly FilterName[];
  /** The selected columns. */
  select: Prisma.Sql;
  /** `FROM … WHERE …` for the filter: the keyset condition is appended with AND. */
  source: (filter: ExportFilter) => Prisma.Sql;
  /** The columns of the unique sort key, e.g. `q."articleId"`, `q.start`, `q.id`, ascending. */
  key: Prisma.Sql[];
  /** The key's values of a row, in the same order. */
  keyOf: (row: Row) => Prisma.Sql;
  json: (row: Row) => Record<string, unknown>;
  columns: Column<Row>[];
};

/**
 * Rows of a table export in keyset batches; nothing is read ahead of the consumer. The key's
 * columns are ordered one by one (not as one row value) so that an index can give the order.
 */
export function tableBatches<Row>(
  prisma: PrismaClient,
  table: TableExport<Row>,
  filter: ExportFilter,
  options: BatchOptions = {},
): AsyncGenerator<Row[]> {
  return keysetBatches<Row>(
    (last, limit) =>
      prisma.$queryRaw<Row[]>`
        SELECT ${table.select} ${table.source(filter)}
        ${last ? Prisma.sql`AND (${Prisma.join(table.key)}) > ${table.keyOf(last)}` : Prisma.empty}
        ORDER BY ${Prisma.join(table.key)} LIMIT ${limit}`,
    options,
  );
}

/** How many rows the filter selects, counting no further than `limit`. */
export async function countUpTo(
  prisma: PrismaClient,
  table: Pick<TableExport<unknown>, "source">,
  filter: ExportFilter,
  limit: number,
): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: bigint | number }[]>`
    SELECT count(*) AS count FROM (SELECT 1 ${table.source(filter)} LIMIT ${limit}) AS selected`;
  return Number(row?.count ?? 0);
}

/** A date column as YYYY-MM-DD (PostgreSQL `date` comes back as a Date at midnight UTC). */
export function isoDay(value: Date | string | null): string | null {
  if (value === null) return null;
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** Nothing in the data model records an editor yet: every item is the extractor's. */
export const ORIGIN = "EXTRACTOR";
