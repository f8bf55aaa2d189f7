// npm run db:migrate            apply pending migrations (DATABASE_URL, or the embedded database)
// npm run db:reset              drop everything in the database, then apply all migrations
// npm run db:new-migration NAME write prisma/migrations/<timestamp>_NAME: the change from the
//                               committed schema.prisma (git HEAD) to the one in the work tree
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../server/database/embedded.ts";
import { env } from "../server/env.ts";
import { applyMigrations, diffSchema, migrationsDir } from "./engine.ts";

async function main(args: string[]): Promise<void> {
  const embedded = env.databaseUrl ? undefined : await startEmbeddedPostgres(env.dataDir);
  const connectionString = env.databaseUrl ?? embedded?.connectionString ?? "";
  try {
    if (args[0] === "--create") {
      const name = (args[1] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
      if (!name) throw new Error("Usage: npm run db:new-migration -- NAME");
      const hasMigrations = readdirSync(migrationsDir).some((entry) => /^\d/.test(entry));
      const sql = await diffSchema(connectionString, hasMigrations ? committedSchema() : null);
      if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
        console.log("schema.prisma and prisma/migrations agree: nothing to write.");
        return;
      }
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = join(migrationsDir, `${stamp}_${name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "migration.sql"), sql);
      console.log(`Wrote ${dir}/migration.sql: review it, then run npm run db:migrate.`);
      return;
    }
    if (args[0] === "--reset") {
      const client = new pg.Client({ connectionString });
      await client.connect();
      await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
      await client.end();
      console.log("Dropped every table in the public schema.");
    }
    const applied = await applyMigrations(connectionString);
    console.log(applied.length ? `Applied ${applied.join(", ")}` : "The database is up to date.");
  } finally {
    await embedded?.stop();
  }
}

function committedSchema(): string {
  return execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
