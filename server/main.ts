import { createServer } from "node:http";
import { applyMigrations } from "../prisma/engine.ts";
import { createApp } from "./app.ts";
import { describeError, waitForDatabase } from "./database/outage.ts";
import { closeDatabase, connectionString, prisma } from "./db.ts";
import { env } from "./env.ts";
import { extractionPool } from "./ingest/extraction-pool.ts";
import { reextractOutdated } from "./ingest/ingest.ts";
import { seedIfEmpty } from "./ingest/seed.ts";

const where = env.databaseUrl ? "PostgreSQL at DATABASE_URL" : `embedded PostgreSQL in ${env.dataDir}`;

// A database that is not up yet (starting with it, e.g. under docker compose) is waited for.
async function prepareDatabase(): Promise<string[]> {
  await waitForDatabase(() => prisma.$queryRaw`SELECT 1`, {
    retries: env.databaseStartRetries,
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
if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
// The extraction workers load their lexicons now rather than on the first ingest.
extractionPool().start();
if (env.seed) {
  const seeded = await seedIfEmpty(prisma);
  if (seeded) console.log(`Ingested ${seeded} seed article(s).`);
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
    if (done === total || done % 100 === 0)
      console.log(`Re-read ${done}/${total} article(s) with the current extractor.`);
  }).catch((error: unknown) =>
    console.error(`Re-extraction stopped: ${error instanceof Error ? error.message : error}`),
  );
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  server.close();
  await extractionPool().close();
  await closeDatabase();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
