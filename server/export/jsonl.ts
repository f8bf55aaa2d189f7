/** JSON Lines: one JSON object per line, a batch at a time. */
export async function* jsonLines<Row>(
  toJson: (row: Row) => Record<string, unknown>,
  batches: AsyncIterable<Row[]>,
): AsyncGenerator<string> {
  for await (const rows of batches) {
    yield rows.map((row) => `${JSON.stringify(toJson(row))}\n`).join("");
  }
}
