import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { startEmbeddedPostgres } from "./database/embedded.ts";
import { env } from "./env.ts";
import { PrismaClient } from "./generated/prisma/client.ts";

// DATABASE_URL names a real PostgreSQL; without it the embedded one under .data/ serves.
const embedded = env.databaseUrl ? undefined : await startEmbeddedPostgres(env.dataDir);

export const connectionString = env.databaseUrl ?? embedded?.connectionString ?? "";

let statementsSent = 0;

const pool = new pg.Pool({ connectionString, max: embedded ? 4 : 10, connectionTimeoutMillis: 10_000 });
// A pool error (the server went away) must not crash the process: the next query reports it.
pool.on("error", (error) => console.error(`database connection lost: ${error.message}`));
pool.on("connect", (client) => {
  const send = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    statementsSent += 1;
    return send(...args);
  };
});

export const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });

/** SQL statements sent to the server so far by this process: tests use it to catch N+1 queries. */
export function sqlStatementCount(): number {
  return statementsSent;
}

export async function closeDatabase(): Promise<void> {
  await prisma.$disconnect();
  await pool.end().catch(() => undefined);
  await embedded?.stop();
}
