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

export type InsertOptions<Row> = {
  skipDuplicates?: boolean;
  /** A column's SQL expression over the row's values instead of the value (e.g. a JSON list made an array). */
  select?: Partial<Record<keyof Row & string, string>>;
};

/** Rows for one table, with the SQL types of their columns. */
export type RowSet<Row extends Record<string, unknown> = Record<string, unknown>> = {
  table: string;
  types: ColumnTypes<Row>;
  rows: Row[];
  options?: InsertOptions<Row>;
};

/** INSERT … SELECT … FROM unnest(one array per column) for `rows`. */
function insertStatement<Row extends Record<string, unknown>>(set: RowSet<Row>, rows: Row[]): Prisma.Sql {
  const { table, types, options = {} } = set;
  const columns = Object.keys(types) as (keyof Row & string)[];
  const into = Prisma.raw(`${quoted(table)} (${columns.map(quoted).join(", ")})`);
  const values = Prisma.raw(columns.map((column) => options.select?.[column] ?? quoted(column)).join(", "));
  const names = Prisma.raw(columns.map(quoted).join(", "));
  const onConflict = Prisma.raw(options.skipDuplicates ? " ON CONFLICT DO NOTHING" : "");
  const arrays = columns.map(
    (column) => Prisma.sql`${rows.map((row) => row[column] ?? null)}::${Prisma.raw(types[column])}[]`,
  );
  return Prisma.sql`INSERT INTO ${into} SELECT ${values} FROM unnest(${Prisma.join(arrays)}) AS given(${names})${onConflict}`;
}

/**
 * Inserts rows into `table` with one statement per slice, each column sent as one array
 * parameter. Values are sent as they are: dates as "YYYY-MM-DD", JSON as a string.
 */
export async function insertRows<Row extends Record<string, unknown>>(
  tx: Tx,
  table: string,
  types: ColumnTypes<Row>,
  rows: Row[],
  options: InsertOptions<Row> = {},
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await tx.$executeRaw(
      insertStatement({ table, types, rows, options }, rows.slice(start, start + ROWS_PER_STATEMENT)),
    );
  }
}

/**
 * Inserts several tables' rows, in order. An article of usual size goes in one statement (each
 * table's INSERT a step of one WITH): every statement is a round trip and a few milliseconds of the
 * driver's work, which made up most of an ingest. Constraints are checked at the statement's end,
 * so a row may refer to one inserted by an earlier step. Larger sets go table by table in slices.
 */
export async function insertRowSets(tx: Tx, sets: RowSet[]): Promise<void> {
  const filled = sets.filter((set) => set.rows.length > 0);
  if (filled.some((set) => set.rows.length > ROWS_PER_STATEMENT)) {
    for (const set of filled) await insertRows(tx, set.table, set.types, set.rows, set.options);
    return;
  }
  const last = filled.at(-1);
  if (!last) return;
  const steps = filled
    .slice(0, -1)
    .map((set, index) => Prisma.sql`${Prisma.raw(`"step${index}"`)} AS (${insertStatement(set, set.rows)})`);
  const main = insertStatement(last, last.rows);
  await tx.$executeRaw(steps.length ? Prisma.sql`WITH ${Prisma.join(steps)} ${main}` : main);
}
