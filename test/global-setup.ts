import pg from "pg";
import { applyMigrations } from "../prisma/engine.ts";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../server/database/embedded.ts";

// Tests run against a real PostgreSQL: the server named by DATABASE_URL, or else the embedded
// one (in memory, fresh every run). Test files inherit DATABASE_URL from here.
let embedded: EmbeddedPostgres | undefined;

export async function setup() {
  const given = process.env.DATABASE_URL?.trim();
  if (given) {
    const database = new URL(given).pathname.slice(1);
    // Tests wipe the database they run on: only ever one whose name says it is for tests.
    if (!/test/i.test(database)) {
      throw new Error(
        `DATABASE_URL names "${database}": tests wipe their database, so its name must contain "test".`,
      );
    }
    const client = new pg.Client({ connectionString: given });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
    console.log(`Tests use PostgreSQL at ${given}`);
  } else {
    embedded = await startEmbeddedPostgres(undefined);
    process.env.DATABASE_URL = embedded.connectionString;
    console.log("Tests use the embedded PostgreSQL (PGlite), in memory: no DATABASE_URL given");
  }
  process.env.NEWSGRAPH_SEED = "false";
  // Test files extract in their own process (quicker to start); the pool's child processes have
  // their own test, and `npm start` in the tests runs them as a user's server does.
  process.env.EXTRACTION_WORKERS ??= "0";
  await applyMigrations(process.env.DATABASE_URL as string);
}

export async function teardown() {
  await embedded?.stop();
}
