import { stringify } from "csv-stringify/sync";
import type { Column, CsvValue } from "./table.ts";

/** RFC 4180: CRLF between records, fields with commas, quotes or line breaks in double quotes. */
const OPTIONS = { record_delimiter: "windows", quoted_match: /^\s|\s$/ } as const;

function cell(value: CsvValue): string | number {
  if (value === null || value === undefined) return "";
  return typeof value === "boolean" ? String(value) : value;
}

/** A header line, then one CSV record per row, a batch at a time. */
export async function* csvLines<Row>(
  columns: Column<Row>[],
  batches: AsyncIterable<Row[]>,
): AsyncGenerator<string> {
  yield stringify([columns.map((column) => column.header)], OPTIONS);
  for await (const rows of batches) {
    yield stringify(
      rows.map((row) => columns.map((column) => cell(column.value(row)))),
      OPTIONS,
    );
  }
}
