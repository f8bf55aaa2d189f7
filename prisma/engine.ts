import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

// Prisma's schema engine compiled to WebAssembly: the native binary the CLI would download
// is out of reach on our machines, and this one speaks through the same `pg` adapter.
// It writes the same `_prisma_migrations` rows, so `prisma migrate deploy` agrees with it.

export const prismaDir = fileURLToPath(new URL(".", import.meta.url));
export const migrationsDir = join(prismaDir, "migrations");
const schemaPath = join(prismaDir, "schema.prisma");
const lockfileName = "migration_lock.toml";

type SchemaEngine = Awaited<ReturnType<typeof wasmBindings.SchemaEngine.new>>;

let wasmReady: Promise<typeof wasmBindings> | undefined;

function loadWasm() {
  wasmReady ??= (async () => {
    // The package exports only its JS; the .wasm lies beside it.
    const bindingsPath = createRequire(import.meta.url).resolve(
      "@prisma/schema-engine-wasm/schema_engine_bg",
    );
    const wasmPath = join(dirname(bindingsPath), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      "./schema_engine_bg.js": wasmBindings as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    wasmBindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return wasmBindings;
  })();
  return wasmReady;
}

/**
 * Sends a migration script to PostgreSQL whole, as `prisma migrate deploy` does: PrismaPg splits
 * scripts at every ";", which cuts function bodies (triggers) apart. One simple-protocol query
 * also runs the script as one transaction, so a failing migration leaves nothing half done.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    const reportError = (adapter as unknown as { onError: (error: unknown) => never }).onError.bind(adapter);
    adapter.executeScript = async (script: string) => {
      await pool.query(script).catch(reportError);
    };
    return adapter;
  }
}

async function withEngine<T>(
  connectionString: string,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadWasm();
  // Our own pool, so that it is closed when we are done rather than idling the process on.
  const pool = new pg.Pool({ connectionString, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg(pool));
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", readFileSync(schemaPath, "utf8")]] },
    // The engine logs every script it runs at INFO: keep only what explains a failure.
    (line: string) => {
      if (!line.includes('"level":"INFO"')) logs.push(line);
    },
    adapter,
  );
  try {
    return await run(engine);
  } catch (error) {
    throw new Error(`Schema engine failed: ${describe(error)}${logs.length ? `\n${logs.join("\n")}` : ""}`);
  } finally {
    engine.free();
    await pool.end();
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error) return JSON.stringify(error);
  return String(error);
}

const noFilters = { externalTables: [], externalEnums: [] };

function migrationsList() {
  if (!existsSync(migrationsDir)) mkdirSync(migrationsDir, { recursive: true });
  const lockfile = join(migrationsDir, lockfileName);
  if (!existsSync(lockfile)) writeFileSync(lockfile, 'provider = "postgresql"\n');
  const directories = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockfileName, content: readFileSync(join(migrationsDir, lockfileName), "utf8") },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((path) => ({
      path,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: readFileSync(join(migrationsDir, path, "migration.sql"), "utf8"),
        },
      },
    })),
  };
}

/** Applies every migration in prisma/migrations that the database lacks; returns their names. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  return withEngine(connectionString, async (engine) => {
    const output = await engine.applyMigrations({ migrationsList: migrationsList(), filters: noFilters });
    return output.appliedMigrationNames;
  });
}

/**
 * The SQL that takes `previousSchema` (null: an empty database) to the current schema.prisma.
 * We diff two datamodels rather than replaying the migrations: the engine's reading of a live
 * PostgreSQL schema fails through the `pg` adapter ("Column type 'char' could not be deserialized").
 */
export async function diffSchema(connectionString: string, previousSchema: string | null): Promise<string> {
  return withEngine(connectionString, async (engine) => {
    const result = await engine.diff({
      from:
        previousSchema === null
          ? { tag: "empty" }
          : { tag: "schemaDatamodel", files: [{ path: schemaPath, content: previousSchema }] },
      to: {
        tag: "schemaDatamodel",
        files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }],
      },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  });
}
