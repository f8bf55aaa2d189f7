import { createServer } from "node:http";
import { applyMigrations } from "../prisma/engine.ts";
import { createApp } from "./app.ts";
import { describeError, waitForDatabase } from "./database/outage.ts";
import { closeDatabase, connectionString, prisma } from "./db.ts";
import { env } from "./env.ts";
import { invalidateCachedResponses } from "./http/response-cache.ts";
import { extractionPool } from "./ingest/extraction-pool.ts";
import { reextractOutdated } from "./ingest/ingest.ts";
import { seedIfEmpty } from "./ingest/seed.ts";
import { startIngestWorkers, stopJobs } from "./jobs/service.ts";
import { logger } from "./log.ts";
import { closePubSub, onArticlesChanged } from "./pubsub.ts";

const where = env.databaseUrl ? "PostgreSQL at DATABASE_URL" : `embedded PostgreSQL in ${env.dataDir}`;

// A database that is not up yet (starting with it, e.g. under docker compose) is waited for.
async function prepareDatabase(): Promise<string[]> {
  await waitForDatabase(() => prisma.$queryRaw`SELECT 1`, {
    retries: env.databaseStartRetries,
    // Start-up talk for the person starting it, like the refusal below: plain text.
    log: (line) => console.warn(line),
  });
  return applyMigrations(connectionString);
}

const applied = await prepareDatabase().catch((error: unknown) => {
  console.error(`Cannot prepare the database (${where}): ${describeError(error)}`);
  console.error(
    env.databaseUrl ? "Start that PostgreSQL server, or unset DATABASE_URL to use the embedded one." : "",
  );
  process.exit(1);
});
if (applied.length) logger.info({ migrations: applied }, `Applied migrations: ${applied.join(", ")}`);
// The extraction workers load their lexicons now rather than on the first ingest.
extractionPool().start();
if (env.seed) {
  const seeded = await seedIfEmpty(prisma);
  if (seeded) logger.info(`Ingested ${seeded} seed article(s).`);
}

// A write by any process (a job, another replica) drops this process's cached answers.
onArticlesChanged(invalidateCachedResponses);

if (env.workersInProcess > 0) {
  await startIngestWorkers(env.workersInProcess);
  // pg-boss runs over the embedded database too; only a separate worker process cannot share it.
  console.log(
    `Ingest jobs: ${env.workersInProcess} worker(s) in this process${env.databaseUrl ? "" : " (embedded database: jobs run here only, `npm run worker` needs DATABASE_URL)"}.`,
  );
} else {
  console.log("Ingest jobs: none run in this process (WORKERS_IN_PROCESS=0); `npm run worker` runs them.");
}

const server = createServer(createApp(env));
server.listen(env.port, env.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.port;
  const base = `http://${env.host === "0.0.0.0" ? "localhost" : env.host}:${port}`;
  // performance.now() counts from process start, so this includes loading the code.
  const seconds = (performance.now() / 1000).toFixed(1);
  console.log(`newsgraph is ready in ${seconds} s on ${where}`);
  console.log(`  reader      ${base}/`);
  console.log(`  GraphQL     ${base}/graphql (playground in a browser)`);
  // Articles read by an older extractor are re-read while the server already answers
  // (they keep serving their stored reading until their turn).
  reextractOutdated(prisma, (done, total) => {
    // Each re-read article changes what its reads answer.
    invalidateCachedResponses();
    if (done === total || done % 100 === 0)
      logger.info(`Re-read ${done}/${total} article(s) with the current extractor.`);
  }).catch((error: unknown) =>
    logger.error({ err: error }, `Re-extraction stopped: ${error instanceof Error ? error.message : error}`),
  );
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: shutting down`);
  server.close();
  await stopJobs();
  await closePubSub();
  await extractionPool().close();
  await closeDatabase();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
