/** Rows a query returns per round trip: large enough to be quick, small enough to keep memory flat. */
export const BATCH_SIZE = 1_000;

/**
 * Reads a result in keyset batches: each batch starts after the last row of the one before, so
 * the database never holds a cursor open and no batch costs more than the first.
 */
export async function* keysetBatches<Row>(
  fetchAfter: (last: Row | null, limit: number) => Promise<Row[]>,
  { maxRows = Number.POSITIVE_INFINITY, batchSize = BATCH_SIZE, signal }: BatchOptions = {},
): AsyncGenerator<Row[]> {
  let last: Row | null = null;
  let remaining = maxRows;
  while (remaining > 0 && !signal?.aborted) {
    const rows: Row[] = await fetchAfter(last, Math.min(batchSize, remaining));
    if (rows.length === 0) return;
    yield rows;
    remaining -= rows.length;
    if (rows.length < Math.min(batchSize, remaining + rows.length)) return;
    last = rows[rows.length - 1] ?? null;
  }
}

export type BatchOptions = { maxRows?: number; batchSize?: number; signal?: AbortSignal };
