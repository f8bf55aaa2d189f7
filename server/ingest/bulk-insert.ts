import { Prisma } from "../generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

/** Each column of a row and the SQL type of its values, e.g. `{ start: "int", form: '"MentionForm"' }`. */
export type ColumnTypes<Row> = { [Column in keyof Row]: string };

// Prisma builds every statement on the API's thread, at a cost that grows with its values:
// createMany of 10,000 mentions blocked all other requests for 3.5 s. One array per column
// (INSERT … SELECT FROM unnest) costs a fraction of that, and slices of this many rows keep each
// step short, with the event loop free between them.
const ROWS_PER_STATEMENT = 1000;

const quoted = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Inserts rows into `table` with one statement per slice, each column sent as one array
 * parameter. Values are sent as they are: dates as "YYYY-MM-DD", JSON as a string. `select` gives
 * a column an SQL expression over the row's values instead (e.g. a JSON list made an array).
 */
export async function insertRows<Row extends Record<string, unknown>>(
  tx: Tx,
  table: string,
  types: ColumnTypes<Row>,
  rows: Row[],
  options: { skipDuplicates?: boolean; select?: Partial<Record<keyof Row & string, string>> } = {},
): Promise<void> {
  const columns = Object.keys(types) as (keyof Row & string)[];
  const into = Prisma.raw(`${quoted(table)} (${columns.map(quoted).join(", ")})`);
  const values = Prisma.raw(columns.map((column) => options.select?.[column] ?? quoted(column)).join(", "));
  const names = Prisma.raw(columns.map(quoted).join(", "));
  const onConflict = Prisma.raw(options.skipDuplicates ? " ON CONFLICT DO NOTHING" : "");
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const slice = rows.slice(start, start + ROWS_PER_STATEMENT);
    const arrays = columns.map(
      (column) => Prisma.sql`${slice.map((row) => row[column] ?? null)}::${Prisma.raw(types[column])}[]`,
    );
    await tx.$executeRaw`INSERT INTO ${into} SELECT ${values} FROM unnest(${Prisma.join(arrays)}) AS given(${names})${onConflict}`;
  }
}
