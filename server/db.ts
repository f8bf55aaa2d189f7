import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { startEmbeddedPostgres } from "./database/embedded.ts";
import { FolderLockedError } from "./database/folder-lock.ts";
import { endWithRequest } from "./database/request-deadline.ts";
import { timeStatement } from "./database/slow-queries.ts";
import { env } from "./env.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { logger } from "./log.ts";

// DATABASE_URL names a real PostgreSQL; without it the embedded one under .data/ serves.
// Another process holding its folder is a user's situation, not a bug: one line, no stack.
const embedded = env.databaseUrl
  ? undefined
  : await startEmbeddedPostgres(env.dataDir).catch((error: unknown) => {
      if (!(error instanceof FolderLockedError)) throw error;
      console.error(error.message);
      process.exit(1);
    });

export const connectionString = env.databaseUrl ?? embedded?.connectionString ?? "";
// Child processes (extraction workers, which store what they read) reach the same database.
process.env.DATABASE_URL ??= connectionString;

let statementsSent = 0;
const statementListeners = new Set<(sql: string) => void>();
// PGlite neither enforces statement_timeout nor honours cancels (it runs one statement at a time,
// on this thread): its statements are left to finish.
const sendForRequest = embedded ? undefined : endWithRequest(connectionString);

const pool = new pg.Pool({
  connectionString,
  max: embedded ? 4 : 10,
  connectionTimeoutMillis: 10_000,
  // Per connection, so that no statement of any caller (API, CLI, ingest) can run unbounded.
  statement_timeout: env.statementTimeoutMs,
});
// A pool error (the server went away) must not crash the process: the next query reports it.
pool.on("error", (error) => logger.warn({ err: error }, `database connection lost: ${error.message}`));
pool.on("connect", (client) => {
  const send = client.query.bind(client) as (...args: unknown[]) => unknown;
  const backend = client as unknown as { processID: number | null };
  (client as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    statementsSent += 1;
    const sql = typeof args[0] === "string" ? args[0] : String((args[0] as { text?: unknown }).text);
    for (const listener of statementListeners) listener(sql);
    const promised = typeof args.at(-1) !== "function" && !(args[0] as { submit?: unknown }).submit;
    if (!promised) return send(...args);
    const timed = () => timeStatement(sql, send(...args) as Promise<unknown>, env.slowQueryMs);
    return sendForRequest ? sendForRequest(timed, { backendPid: backend.processID, sql }) : timed();
  };
});
// pg-pool's own query() hands out a connection through a callback, which runs in the context of
// whichever request released that connection: taking it with a promise keeps the statement with
// the request it is sent for (request-deadline.ts).
(pool as { query: (config: string | pg.QueryConfig) => Promise<pg.QueryResult> }).query = async (config) => {
  const client = await pool.connect();
  // A connection cut mid-statement fails the statement and also emits "error" on its client,
  // which would end the process if nobody listened.
  const failedStatement = () => undefined;
  client.on("error", failedStatement);
  try {
    const result = await client.query(config);
    client.release();
    return result;
  } catch (error) {
    // As pg-pool does: a connection whose statement failed is not trusted again.
    client.release(error instanceof Error ? error : true);
    throw error;
  } finally {
    client.off("error", failedStatement);
  }
};

export const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });

/** The connection pool's connections (open, idle) and the callers waiting for one (/metrics). */
export function poolStatus(): { total: number; idle: number; waiting: number } {
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

/** SQL statements sent to the server so far by this process: tests use it to catch N+1 queries. */
export function sqlStatementCount(): number {
  return statementsSent;
}

/** Calls `listener` with every SQL statement sent until the returned function is called (tests). */
export function onSqlStatement(listener: (sql: string) => void): () => void {
  statementListeners.add(listener);
  return () => statementListeners.delete(listener);
}

export async function closeDatabase(): Promise<void> {
  await prisma.$disconnect();
  await pool.end().catch(() => undefined);
  await embedded?.stop();
}
