// npm run worker: runs ingest jobs (and nothing else) on the PostgreSQL at DATABASE_URL, beside
// any number of API processes (`npm start`, with WORKERS_IN_PROCESS=0 if they should not).
import { applyMigrations } from "../prisma/engine.ts";
import { describeError, waitForDatabase } from "./database/outage.ts";
import { env } from "./env.ts";

if (!env.databaseUrl) {
  console.error(
    "npm run worker needs DATABASE_URL: the embedded database belongs to the one process that opened it, and `npm start` runs its ingest jobs itself (WORKERS_IN_PROCESS).",
  );
  process.exit(1);
}

// Imported only now: without DATABASE_URL, db.ts would open the embedded database.
const { closeDatabase, connectionString, prisma } = await import("./db.ts");
const { extractionPool } = await import("./ingest/extraction-pool.ts");
const { startIngestWorkers, stopJobs } = await import("./jobs/service.ts");
const { closePubSub } = await import("./pubsub.ts");

try {
  await waitForDatabase(() => prisma.$queryRaw`SELECT 1`, {
    retries: env.databaseStartRetries,
    log: (line) => console.warn(line),
  });
  await applyMigrations(connectionString);
} catch (error) {
  console.error(`Cannot prepare the database (PostgreSQL at DATABASE_URL): ${describeError(error)}`);
  process.exit(1);
}

const workers = Math.max(1, env.workersInProcess);
extractionPool().start();
await startIngestWorkers(workers);
console.log(
  `newsgraph worker: running ${workers} ingest job(s) at a time from PostgreSQL at DATABASE_URL${env.redisUrl ? ", events through Redis" : " (no REDIS_URL: API processes hear nothing of its progress)"}.`,
);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing the running jobs, then stopping`);
  await stopJobs();
  await closePubSub();
  await extractionPool().close();
  await closeDatabase();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
