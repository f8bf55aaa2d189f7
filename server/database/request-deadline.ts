import { AsyncLocalStorage } from "node:async_hooks";
import { handleStreamOrSingleExecutionResult } from "@envelop/core";
import { type ExecutionResult, GraphQLError, getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import pg from "pg";
import { env } from "../env.ts";
import { logger } from "../log.ts";

// Ties each GraphQL read to the SQL statements it sends, so that a read whose client has left or
// whose deadline has passed stops on the database server too, instead of running on unseen.
const currentRequest = new AsyncLocalStorage<AbortSignal>();

const QUERY_CANCELED = "57014";

/**
 * Cancels `sql` on backend `pid` over a connection of its own (the pool's may all be busy), and
 * only while that statement still runs there: the backend may already serve another request.
 */
async function cancelStatement(connectionString: string, pid: number, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(
      `SELECT pg_cancel_backend(pid) FROM pg_stat_activity
        WHERE pid = $1 AND state = 'active' AND starts_with($2, query)`,
      [pid, sql],
    );
  } finally {
    await client.end();
  }
}

/**
 * Wraps the sending of SQL statements (db.ts) so that each one belongs to the request it is sent
 * for: refused once that request is over, cancelled on the server when it ends while it runs.
 */
export function endWithRequest(connectionString: string) {
  return <T>(send: () => Promise<T>, statement: { backendPid: number | null; sql: string }): Promise<T> => {
    const signal = currentRequest.getStore();
    if (!signal) return send();
    if (signal.aborted) return Promise.reject(signal.reason);
    const { backendPid, sql } = statement;
    const cancel = () => {
      if (backendPid === null) return;
      cancelStatement(connectionString, backendPid, sql).catch((error: unknown) =>
        logger.warn({ err: error }, `Could not cancel a statement of an ended request: ${String(error)}`),
      );
    };
    signal.addEventListener("abort", cancel, { once: true });
    return send().finally(() => signal.removeEventListener("abort", cancel));
  };
}

/**
 * Runs `work` as part of a request outside GraphQL (an export): its SQL statements are refused
 * once `signal` aborts, and cancelled on the server if they run then.
 */
export function withinRequest<T>(signal: AbortSignal, work: () => T): T {
  return currentRequest.run(signal, work);
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

function requestTimeout(timeoutMs: number): GraphQLError {
  return new GraphQLError(
    `The request ran longer than ${seconds(timeoutMs)} and was stopped: ask for less (smaller pages, fewer nested lists) or try again later.`,
    { extensions: { code: "REQUEST_TIMEOUT", http: { status: 504 } } },
  );
}

const clientGone = () =>
  new GraphQLError("The client closed the request before it was answered.", {
    extensions: { code: "CLIENT_CLOSED_REQUEST", http: { status: 499 } },
  });

/** True when PostgreSQL cancelled the statement (57014), as pg, the adapter or Prisma report it. */
function isCancelledStatement(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const { code, originalCode, cause, originalError, meta } = error as Record<string, unknown>;
  if (code === QUERY_CANCELED || originalCode === QUERY_CANCELED) return true;
  const driverError = (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  return [cause, originalError, driverError].some((inner) => isCancelledStatement(inner, depth + 1));
}

/**
 * A statement of a request still being answered was cut off by `statement_timeout` (or by an
 * administrator): say so, instead of "Unexpected error".
 */
function withQueryTimeouts(result: ExecutionResult, statementTimeoutMs: number): ExecutionResult {
  if (!result.errors?.some((error) => isCancelledStatement(error.originalError))) return result;
  return {
    ...result,
    errors: result.errors.map((error) =>
      isCancelledStatement(error.originalError)
        ? new GraphQLError(
            `A database statement ran longer than ${seconds(statementTimeoutMs)} (the statement timeout) and was stopped: ask for less (smaller pages, fewer nested lists) or try again later.`,
            { nodes: error.nodes, path: error.path, extensions: { code: "QUERY_TIMEOUT" } },
          )
        : error,
    ),
  };
}

/**
 * Every read ends when its client leaves or after `timeoutMs` (then with REQUEST_TIMEOUT, HTTP
 * 504), and the SQL it still runs is cancelled. Writes run to their end: ingest has a time budget
 * of its own, and a write half done by a cancel would only be rolled back and retried.
 */
export function requestDeadlinePlugin({
  timeoutMs = env.requestTimeoutMs,
  statementTimeoutMs = env.statementTimeoutMs,
} = {}): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation === "query") {
        const clientSignal = (args.contextValue as { request?: Request }).request?.signal;
        setExecuteFn(async (executionArgs) => {
          const request = new AbortController();
          const deadline = setTimeout(() => request.abort(requestTimeout(timeoutMs)), timeoutMs);
          const onClientGone = () => request.abort(clientGone());
          clientSignal?.addEventListener("abort", onClientGone, { once: true });
          const ended = new Promise<ExecutionResult>((resolve) =>
            request.signal.addEventListener("abort", () => resolve({ errors: [request.signal.reason] })),
          );
          try {
            // yoga's executor stops resolving further fields once `signal` is aborted.
            const withSignal: typeof executionArgs & { signal: AbortSignal } = {
              ...executionArgs,
              signal: request.signal,
            };
            const execution = Promise.resolve(
              currentRequest.run(request.signal, () => executeFn(withSignal)),
            );
            // Once the request has ended, its execution only settles its cancelled statements.
            execution.catch(() => undefined);
            return await Promise.race([execution, ended]);
          } finally {
            clearTimeout(deadline);
            clientSignal?.removeEventListener("abort", onClientGone);
          }
        });
      }
      return {
        onExecuteDone: (payload) =>
          handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) =>
            setResult(withQueryTimeouts(result, statementTimeoutMs)),
          ),
      };
    },
  };
}
