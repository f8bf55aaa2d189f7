import { logger } from "../log.ts";

// Enough of a statement to recognise it; Prisma's statements run to kilobytes.
const SHOWN_CHARS = 200;

/**
 * Logs a statement that took `thresholdMs` or longer (warn, with its duration and first 200
 * characters), once its answer or error is in; the caller gets the same outcome as without.
 * The time includes waiting behind another statement on the same connection.
 */
export function timeStatement<T>(sql: string, answer: Promise<T>, thresholdMs: number): Promise<T> {
  if (thresholdMs <= 0) return answer;
  const startedAt = performance.now();
  const check = (failed: boolean) => {
    const durationMs = performance.now() - startedAt;
    if (durationMs < thresholdMs) return;
    logger.warn(
      { durationMs: Math.round(durationMs), sql: sql.replace(/\s+/g, " ").slice(0, SHOWN_CHARS), failed },
      "slow query",
    );
  };
  return answer.then(
    (value) => {
      check(false);
      return value;
    },
    (error: unknown) => {
      check(true);
      throw error;
    },
  );
}
