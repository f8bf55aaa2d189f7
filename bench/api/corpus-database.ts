// A PostgreSQL database holding the first N articles of the benchmark corpus, stored through the
// real ingest path (`npm run ingest -- --jsonl`). Building 10,000 takes many minutes, so each
// built database is kept as a pg_dump, keyed by everything that decides its content (N, the
// corpus generator, the source documents, the extractor, the migrations): a rerun restores it.
// When only migrations were added since a dump was made, that dump is restored and migrated
// forward, as a deployed database would be, and dumped again under the new key.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { applyMigrations, migrationsDir } from "../../prisma/engine.ts";
import { EXTRACTOR } from "../../server/extract/version.ts";
import { CORPUS_VERSION, corpusArticles, readSourceDocuments, sourceFingerprint } from "./corpus.ts";

const root = new URL("../..", import.meta.url).pathname;
export const DEFAULT_CACHE_DIR = join(root, "node_modules/.cache/newsgraph-bench");
const PROGRESS_EVERY_MS = 30_000;
// Documents the extractor refuses are made up for by later ones; this many rounds at most.
const MAX_INGEST_PASSES = 5;

export type CorpusDatabase = {
  url: URL;
  size: number;
  /** How the database came to hold the corpus in this run. */
  origin: "reused" | "restored" | "built";
  seconds: number;
  dumpFile: string;
};

type Options = { url: URL; size: number; cacheDir: string; rebuild: boolean };

type CorpusKey = {
  /** What the articles depend on: N, the generator, the source documents, the extractor. */
  data: string;
  /** The migrations, in order, each with a hash of its SQL. */
  migrations: string[];
  /** Both: the name of the dump and the mark of a database that holds it. */
  full: string;
};

function migrationList(): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map(
      (name) => `${name}:${hashOf(readFileSync(join(migrationsDir, name, "migration.sql"))).slice(0, 12)}`,
    );
}

export function corpusKey(size: number, migrations = migrationList()): CorpusKey {
  const inputs = { size, corpus: CORPUS_VERSION, source: sourceFingerprint(), extractor: EXTRACTOR.version };
  const data = `${size}-${hashOf(JSON.stringify(inputs)).slice(0, 12)}`;
  return { data, migrations, full: `${data}-${hashOf(migrations.join("\n")).slice(0, 8)}` };
}

const dumpPath = (cacheDir: string, key: string) => join(cacheDir, `corpus-${key}.dump`);
const migrationsPath = (cacheDir: string, key: string) => join(cacheDir, `corpus-${key}.migrations.json`);

/** What a dump holds beside its articles: the migrations it was made under, and whether it was
 * built through ingest (kept) or migrated forward from an older dump (replaced by the next one). */
type Sidecar = { migrations: string[]; built: boolean };

function readSidecar(file: string): Sidecar {
  const value = JSON.parse(readFileSync(file, "utf8")) as Sidecar | string[];
  return Array.isArray(value) ? { migrations: value, built: false } : value;
}

/** The cached dump of the same articles with the longest run of the current migrations, if any. */
function bestDump(cacheDir: string, key: CorpusKey): CorpusKey | undefined {
  let best: CorpusKey | undefined;
  for (const file of readdirSync(cacheDir)) {
    const match = /^corpus-(.+)\.migrations\.json$/.exec(file);
    if (!match?.[1]?.startsWith(`${key.data}-`) || !readdirSync(cacheDir).includes(`corpus-${match[1]}.dump`))
      continue;
    const { migrations } = readSidecar(join(cacheDir, file));
    const prefix = migrations.every((migration, index) => key.migrations[index] === migration);
    if (prefix && migrations.length > (best?.migrations.length ?? -1))
      best = { data: key.data, migrations, full: match[1] };
  }
  return best;
}

function hashOf(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The name of a benchmark database; refuses anything that is not one, before it is dropped. */
export function benchDatabaseName(url: URL): string {
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/bench/i.test(name))
    throw new Error(`"${name}" is dropped and rebuilt: its name must contain "bench"`);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname))
    throw new Error(`The benchmark stays on this machine: ${url.hostname} is not a loopback address`);
  return name;
}

async function withClient<T>(url: URL, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function adminUrl(url: URL): URL {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return admin;
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
const MARK_PREFIX = "newsgraph-bench corpus ";

/** The corpus key the database was marked with when it was built or restored, if any. */
async function markOf(url: URL): Promise<string | undefined> {
  return withClient(adminUrl(url), async (admin) => {
    const { rows } = await admin.query<{ mark: string | null }>(
      "SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = $1",
      [benchDatabaseName(url)],
    );
    const mark = rows[0]?.mark;
    return mark?.startsWith(MARK_PREFIX) ? mark.slice(MARK_PREFIX.length) : undefined;
  });
}

async function recreate(url: URL): Promise<void> {
  const name = quoteIdentifier(benchDatabaseName(url));
  await withClient(adminUrl(url), async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  });
}

async function mark(url: URL, key: string): Promise<void> {
  const name = quoteIdentifier(benchDatabaseName(url));
  await withClient(adminUrl(url), (admin) =>
    admin.query(`COMMENT ON DATABASE ${name} IS '${MARK_PREFIX}${key}'`),
  );
}

export async function articleCount(url: URL): Promise<number> {
  return withClient(url, async (client) => {
    const exists = await client.query(`SELECT to_regclass('"Article"') IS NOT NULL AS ok`);
    if (!exists.rows[0]?.ok) return 0;
    const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "Article"`);
    return rows[0]?.count ?? 0;
  });
}

/** Runs the ingest command line over a JSON-lines file, printing the database's progress. */
async function ingestFile(url: URL, file: string, target: number, startedAt: number): Promise<void> {
  const input = openSync(file, "r");
  const child = spawn("npm", ["run", "--silent", "ingest", "--", "--jsonl"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url.toString(), NODE_ENV: "production" },
    stdio: [input, "ignore", "pipe"],
  });
  closeSync(input);
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  const progress = setInterval(() => {
    void articleCount(url).then(
      (count) => {
        const rate = count / ((performance.now() - startedAt) / 1000);
        const eta = (target - count) / rate;
        console.log(
          `  ${count.toLocaleString("en")}/${target.toLocaleString("en")} articles, ${rate.toFixed(1)}/s, ETA ${Math.ceil(eta / 60)} min`,
        );
      },
      () => undefined,
    );
  }, PROGRESS_EVERY_MS);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(progress);
  // The summary (and any refusals) end the command's error output.
  const summary = output
    .split(/[\r\n]/)
    .filter((line) => / documents: /.test(line))
    .at(-1);
  if (summary) console.log(`  ingest: ${summary.trim()}`);
  if (code !== 0) throw new Error(`npm run ingest exited with ${code}:\n${output.slice(-3000)}`);
}

async function build(url: URL, size: number, cacheDir: string): Promise<void> {
  await recreate(url);
  const documents = readSourceDocuments();
  const startedAt = performance.now();
  let given = 0;
  for (let pass = 1; ; pass++) {
    const stored = await articleCount(url);
    if (stored >= size) return;
    if (pass > MAX_INGEST_PASSES)
      throw new Error(`After ${MAX_INGEST_PASSES} passes only ${stored} of ${size} articles are stored`);
    const lines: string[] = [];
    for (const article of corpusArticles(documents, given)) {
      lines.push(JSON.stringify(article));
      if (lines.length === size - stored) break;
    }
    given += lines.length;
    const file = join(cacheDir, `corpus-${size}-pass-${pass}.jsonl`);
    writeFileSync(file, `${lines.join("\n")}\n`);
    console.log(`  pass ${pass}: ingesting ${lines.length.toLocaleString("en")} articles`);
    try {
      await ingestFile(url, file, size, startedAt);
    } finally {
      rmSync(file, { force: true });
    }
  }
}

function dump(url: URL, cacheDir: string, key: CorpusKey, built: boolean): void {
  const file = dumpPath(cacheDir, key.full);
  const partial = `${file}.partial`;
  execFileSync("pg_dump", ["--format=custom", "--no-owner", `--file=${partial}`, `--dbname=${url}`], {
    stdio: "inherit",
  });
  const sidecar: Sidecar = { migrations: key.migrations, built };
  writeFileSync(migrationsPath(cacheDir, key.full), JSON.stringify(sidecar, null, 2));
  renameSync(partial, file);
  // Dumps migrated forward from a built one are replaced by the newest; a built dump stays, as
  // the ground to migrate from when a migration is changed in place.
  for (const old of readdirSync(cacheDir)) {
    const match = /^corpus-(.+)\.migrations\.json$/.exec(old);
    if (!match?.[1]?.startsWith(`${key.data}-`) || match[1] === key.full) continue;
    if (readSidecar(join(cacheDir, old)).built) continue;
    for (const stale of [dumpPath(cacheDir, match[1]), join(cacheDir, old)]) rmSync(stale, { force: true });
  }
}

async function restore(url: URL, file: string): Promise<void> {
  await recreate(url);
  execFileSync("pg_restore", ["--no-owner", "--exit-on-error", "--jobs=2", `--dbname=${url}`, file], {
    stdio: "inherit",
  });
}

/**
 * Makes `url` hold the first `size` corpus articles: as it is when it already does (marked with
 * the current key), else restored from a dump (migrated forward when migrations were added since),
 * else built through ingest and dumped.
 */
export async function prepareCorpusDatabase({
  url,
  size,
  cacheDir,
  rebuild,
}: Options): Promise<CorpusDatabase> {
  const name = benchDatabaseName(url);
  const key = corpusKey(size);
  mkdirSync(cacheDir, { recursive: true });
  const startedAt = performance.now();
  const seconds = () => (performance.now() - startedAt) / 1000;
  const cached = rebuild ? undefined : bestDump(cacheDir, key);

  let origin: CorpusDatabase["origin"];
  if (!rebuild && (await markOf(url).catch(() => undefined)) === key.full) {
    origin = "reused";
    if (cached?.full !== key.full) dump(url, cacheDir, key, false);
  } else if (cached) {
    console.log(`Restoring ${name} from ${dumpPath(cacheDir, cached.full)}…`);
    await restore(url, dumpPath(cacheDir, cached.full));
    origin = "restored";
    if (cached.full !== key.full) {
      const applied = await applyMigrations(url.toString());
      console.log(`Migrated forward (${applied.join(", ")}); dumping under the new key…`);
      dump(url, cacheDir, key, false);
    }
  } else {
    console.log(`Building ${name}: ${size.toLocaleString("en")} articles through npm run ingest…`);
    await build(url, size, cacheDir);
    console.log(`Built in ${seconds().toFixed(0)} s; dumping to ${dumpPath(cacheDir, key.full)}…`);
    dump(url, cacheDir, key, true);
    origin = "built";
  }
  // pg_restore brings no planner statistics: both servers deserve the same, fresh ones.
  if (origin !== "reused") await withClient(url, (client) => client.query("ANALYZE"));
  await mark(url, key.full);
  const count = await articleCount(url);
  if (count !== size) throw new Error(`${name} holds ${count} articles, not ${size}: rerun with --rebuild`);
  return { url, size, origin, seconds: seconds(), dumpFile: dumpPath(cacheDir, key.full) };
}
