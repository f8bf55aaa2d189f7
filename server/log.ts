import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { env } from "./env.ts";

/** What every log line written while a request is answered carries (request-log.ts fills it). */
export type RequestScope = { requestId: string };

const requestScope = new AsyncLocalStorage<RequestScope>();

/** The scope of the request being answered, if any. */
export function currentRequestScope(): RequestScope | undefined {
  return requestScope.getStore();
}

/** Runs `handle` with `scope` attached to every log line it writes (slow queries, errors). */
export function inRequestScope<T>(scope: RequestScope, handle: () => T): T {
  return requestScope.run(scope, handle);
}

// Standard error, so that a command's data on standard output (`npm run export > file`) stays clean.
const stderr = pino.destination({ dest: 2, sync: true });
const listeners = new Set<(line: string) => void>();
// While a test listens, lines go to it instead of standard error.
const sink = {
  write(line: string) {
    if (listeners.size === 0) stderr.write(line);
    for (const listener of listeners) listener(line);
  },
};

/**
 * The process's log: one JSON object a line on standard error (pino), at LOG_LEVEL. Lines written while a
 * request is answered carry its request id.
 */
export const logger = pino(
  {
    level: env.logLevel,
    base: { service: "newsgraph" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const scope = requestScope.getStore();
      return scope ? { requestId: scope.requestId } : {};
    },
  },
  sink,
);

/**
 * Tests: collects the log's lines (parsed) at `level` instead of printing them, until `stop()`.
 */
export function collectLogLines(level: pino.LevelWithSilent = "info") {
  const lines: Record<string, unknown>[] = [];
  const listener = (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>);
  const before = logger.level;
  logger.level = level;
  listeners.add(listener);
  return {
    lines,
    stop() {
      listeners.delete(listener);
      logger.level = before;
    },
  };
}

/** The same log in the shape yoga's `logging` option takes (its own messages: unexpected errors). */
export const yogaLogger = {
  debug: (...args: unknown[]) => logger.debug({ yoga: args.map(String) }, "yoga"),
  info: (...args: unknown[]) => logger.info({ yoga: args.map(String) }, "yoga"),
  warn: (...args: unknown[]) => logger.warn({ yoga: args.map(String) }, "yoga"),
  error: (...args: unknown[]) => {
    const error = args.find((arg) => arg instanceof Error);
    logger.error({ err: error ?? args.map(String) }, error?.message ?? "yoga error");
  },
};
