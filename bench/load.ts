// `npm run bench:load`: the real server (`npm start`, production mode) under mixed load, with its
// PostgreSQL taken away in the middle.
//   - reads as the reader sends them (persisted operations by hash, GET): article page, front page,
//     search, actor page; ~10 % ingests of small generated articles (the persisted mutation);
//   - a database outage: a TCP proxy between server and PostgreSQL cuts every connection and
//     refuses new ones (the database itself is never touched);
//   - reports answers by status and error code, p50/p99 latency, throughput, the server's RSS,
//     the recovery time, and whether every ingest that answered success is stored afterwards.
// Loopback only; bounded by --seconds (plus at most one request timeout). Wipes the database it is
// given, so its name must contain "bench" or "test".
// The RSS figures are taken after an unmeasured warm-up of the same load (code compiled, caches
// filled), and at the end: growth between the two is what a leak would show.
// Options: --seconds 60 --connections 10 --outage-at <middle> --outage-seconds 10 --ingest-share 0.1
//          --warmup-seconds 5 --database-url URL (or BENCH_DATABASE_URL) --skip-build
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { fakerDE } from "@faker-js/faker";
import pg from "pg";
import { isRunning, listProcesses, type ServerProcess, startServerProcess } from "../test/server-process.ts";
import { hashOf } from "./persisted-hashes.ts";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.ts";

const root = new URL("..", import.meta.url).pathname;
const REQUEST_TIMEOUT_MS = 30_000;
const AIMS = { recoverySeconds: 5, rssGrowth: 0.1 };
const UNAVAILABLE = "DATABASE_UNAVAILABLE";

const { values: options } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    connections: { type: "string", default: "10" },
    "outage-at": { type: "string" },
    "outage-seconds": { type: "string", default: "10" },
    "ingest-share": { type: "string", default: "0.1" },
    "warmup-seconds": { type: "string", default: "5" },
    "database-url": {
      type: "string",
      default: process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/newsgraph_bench",
    },
    "skip-build": { type: "boolean", default: false },
  },
});
const seconds = Number(options.seconds);
const connections = Number(options.connections);
const outageSeconds = Number(options["outage-seconds"]);
const outageAt =
  options["outage-at"] === undefined ? (seconds - outageSeconds) / 2 : Number(options["outage-at"]);
const ingestShare = Number(options["ingest-share"]);
const warmupSeconds = Number(options["warmup-seconds"]);
const databaseUrl = new URL(options["database-url"]);
if (![seconds, connections, outageSeconds, outageAt, ingestShare, warmupSeconds].every(Number.isFinite))
  throw new Error(
    "--seconds, --connections, --outage-at, --outage-seconds, --ingest-share, --warmup-seconds take numbers",
  );
if (outageAt < 0 || outageAt + outageSeconds >= seconds)
  throw new Error(
    `The outage (${outageAt} s + ${outageSeconds} s) must end before the run does (${seconds} s)`,
  );
const databaseName = databaseUrl.pathname.slice(1);
if (!/bench|test/i.test(databaseName))
  throw new Error(`The benchmark wipes its database: "${databaseName}" must contain "bench" or "test"`);
if (!["127.0.0.1", "localhost", "[::1]"].includes(databaseUrl.hostname))
  throw new Error(`The benchmark stays on this machine: ${databaseUrl.hostname} is not a loopback address`);

// --- the reader's operations, by name --------------------------------------------------------

const persistedQuery = (operationName: string) => ({
  persistedQuery: { version: 1, sha256Hash: hashOf(operationName) },
});

type Answer = { status: number; body: GraphQLBody | undefined };
type GraphQLBody = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

async function send(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await response.text();
  let body: GraphQLBody | undefined;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
}

/** A query as the reader sends it: GET, by its hash alone. */
function readQuery(base: string, operationName: string, variables: Record<string, unknown>): Promise<Answer> {
  const params = new URLSearchParams({
    operationName,
    variables: JSON.stringify(variables),
    extensions: JSON.stringify(persistedQuery(operationName)),
  });
  return send(`${base}/graphql?${params}`, { headers: { accept: "application/graphql-response+json" } });
}

/** A full query (setup and checks, not part of the load). */
async function fullQuery<T>(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const answer = await send(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
  });
  if (answer.status !== 200 || answer.body?.errors || !answer.body?.data)
    throw new Error(
      `${query.slice(0, 60)}… answered ${answer.status}: ${JSON.stringify(answer.body?.errors)}`,
    );
  return answer.body.data as T;
}

// --- generated articles ----------------------------------------------------------------------

let articlesMade = 0;
/** A small German article no run has sent before, with new people in it. */
function newArticle(): Record<string, string> {
  articlesMade += 1;
  const tag = `${articlesMade}-${randomUUID().slice(0, 8)}`;
  const [visitor, host] = [fakerDE.person, fakerDE.person].map((person) => ({
    first: person.firstName(),
    last: person.lastName(),
  })) as [{ first: string; last: string }, { first: string; last: string }];
  const city = fakerDE.location.city();
  const text = [
    `Ministerin ${visitor.first} ${visitor.last} ist am Dienstag nach ${city} gereist (Meldung ${tag}).`,
    `Dort traf sie den Bürgermeister ${host.first} ${host.last}.`,
    `„Wir werden die Zusammenarbeit ausbauen“, sagte ${visitor.last} nach dem Treffen.`,
    `${host.last} sagte, die Stadt werde ein neues Programm vorlegen.`,
  ].join(" ");
  return {
    text,
    title: `Besuch in ${city} (${tag})`,
    language: "de",
    publishedAt: "2026-03-10",
    source: "bench",
  };
}

// --- the load ----------------------------------------------------------------------------------

type Fixtures = { slugs: string[]; actorIds: string[]; searches: string[] };
type Outcome = {
  operation: string;
  startedAt: number;
  endedAt: number;
  /** "200", "503 DATABASE_UNAVAILABLE", "200 with errors INTERNAL_SERVER_ERROR", "timeout", … */
  kind: string;
  acceptable: boolean;
  stored?: { id: string; slug: string };
};

function stopwatch(): () => number {
  const startedAt = performance.now();
  return () => performance.now() - startedAt;
}

const pickFrom = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

type LoadContext = { base: string; token: string; fixtures: Fixtures };
type Operation = (context: LoadContext) => Promise<Answer>;

const reads: Record<string, Operation> = {
  article: ({ base, fixtures }) => readQuery(base, "Article", { slug: pickFrom(fixtures.slugs) }),
  front: ({ base }) => readQuery(base, "ArticleList", { first: 20 }),
  search: ({ base, fixtures }) => readQuery(base, "Search", { query: pickFrom(fixtures.searches) }),
  actor: ({ base, fixtures }) => readQuery(base, "ActorPage", { id: pickFrom(fixtures.actorIds) }),
};

const ingest: Operation = ({ base, token }) =>
  send(`${base}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json",
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({
      operationName: "IngestArticle",
      variables: { input: newArticle() },
      extensions: persistedQuery("IngestArticle"),
    }),
  });

function classify(answer: Answer): Pick<Outcome, "kind" | "acceptable"> {
  const codes = [...new Set(answer.body?.errors?.map((error) => error.extensions?.code ?? "no code") ?? [])];
  if (answer.status === 200 && codes.length === 0) return { kind: "200", acceptable: true };
  const kind =
    answer.status === 200 ? `200 with errors ${codes.join(",")}` : `${answer.status} ${codes.join(",")}`;
  const unavailable = answer.status === 503 && codes.length === 1 && codes[0] === UNAVAILABLE;
  return { kind: kind.trim(), acceptable: unavailable };
}

function classifyFailure(error: unknown): Pick<Outcome, "kind" | "acceptable"> {
  if (error instanceof Error && error.name === "TimeoutError") return { kind: "timeout", acceptable: false };
  const code = (error as { cause?: { code?: string } }).cause?.code ?? "";
  return { kind: `no answer ${code}`.trim(), acceptable: false };
}

function storedArticle(answer: Answer): Outcome["stored"] {
  const payload = answer.body?.data?.ingestArticle as
    | { article: { id: string; slug: string } | null; userErrors: unknown[] }
    | undefined;
  return payload?.article && payload.userErrors.length === 0 ? payload.article : undefined;
}

/** `connections` clients, each sending one request after another until `untilMs` on `clock`. */
async function runLoad(context: LoadContext, clock: () => number, untilMs: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const readEntries = Object.entries(reads);
  const client = async () => {
    while (clock() < untilMs) {
      const [operation, run] = Math.random() < ingestShare ? ["ingest", ingest] : pickFrom(readEntries);
      const startedAt = clock();
      let outcome: Pick<Outcome, "kind" | "acceptable" | "stored">;
      try {
        const answer = await run(context);
        outcome = { ...classify(answer), stored: operation === "ingest" ? storedArticle(answer) : undefined };
        // Readers open what was just published, too.
        if (outcome.stored) context.fixtures.slugs.push(outcome.stored.slug);
      } catch (error) {
        outcome = classifyFailure(error);
      }
      outcomes.push({ operation, startedAt, endedAt: clock(), ...outcome });
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  return outcomes;
}

// --- the server process -----------------------------------------------------------------------

/** Resident memory of a process, in MB, from /proc/<pid>/status. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** The processes started by `pid` (the extraction workers), at any depth. */
function descendantsOf(pid: number): number[] {
  const processes = listProcesses();
  const found: number[] = [];
  for (let parents = [pid]; parents.length > 0; ) {
    const children = processes.filter((info) => parents.includes(info.ppid)).map((info) => info.pid);
    found.push(...children);
    parents = children;
  }
  return found;
}

function memory(pid: number): { server: number; workers: number } {
  const workers = descendantsOf(pid).reduce((sum, child) => {
    try {
      return sum + rssMb(child);
    } catch {
      return sum;
    }
  }, 0);
  return { server: rssMb(pid), workers };
}

async function untilReady(base: string, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/** Creates the benchmark's database when it is not there yet, else empties it. */
async function wipe(url: URL): Promise<void> {
  const server = new URL(url);
  server.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  const name = url.pathname.slice(1);
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  await admin.end();
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await client.end();
}

async function loadFixtures(base: string): Promise<Fixtures> {
  const data = await fullQuery<{
    articles: { nodes: { slug: string }[] };
    actors: { nodes: { id: string; name: string }[] };
  }>(base, "{ articles(first: 20) { nodes { slug } } actors(first: 20) { nodes { id name } } }");
  const slugs = data.articles.nodes.map((article) => article.slug);
  const actorIds = data.actors.nodes.map((actor) => actor.id);
  if (!slugs.length || !actorIds.length) throw new Error("The seed article (with its actors) is missing");
  const names = data.actors.nodes.map((actor) => actor.name.split(" ").at(-1) ?? actor.name);
  return { slugs, actorIds, searches: [...new Set([...names.slice(0, 5), "Waffen", "Treffen"])] };
}

/** Ingests that answered success and are not stored, or stored without their actors or quotes. */
async function missingArticles(base: string, stored: { id: string; slug: string }[]): Promise<string[]> {
  const missing: string[] = [];
  for (let start = 0; start < stored.length; start += 20) {
    const chunk = stored.slice(start, start + 20);
    const data = await fullQuery<{
      nodes: ({ id: string; actors: { totalCount: number }; quotes: { totalCount: number } } | null)[];
    }>(
      base,
      "query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { id actors(first: 1) { totalCount } quotes(first: 1) { totalCount } } } }",
      { ids: chunk.map((article) => article.id) },
    );
    chunk.forEach((article, index) => {
      const found = data.nodes[index];
      if (!found) missing.push(`${article.slug} (not stored)`);
      else if (!found.actors.totalCount || !found.quotes.totalCount)
        missing.push(`${article.slug} (incomplete)`);
    });
  }
  return missing;
}

// --- figures ---------------------------------------------------------------------------------

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function latencyRow(label: string, outcomes: readonly Outcome[]): string {
  const ms = outcomes.map((outcome) => outcome.endedAt - outcome.startedAt).sort((a, b) => a - b);
  const cells = [percentile(ms, 50), percentile(ms, 99), ms.at(-1) ?? Number.NaN].map((value) =>
    Number.isNaN(value) ? "-" : value.toFixed(0),
  );
  return `  ${label.padEnd(18)}${String(ms.length).padStart(7)}${cells.map((cell) => cell.padStart(9)).join("")}`;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

// --- the run ---------------------------------------------------------------------------------

let server: ServerProcess | undefined;
let proxy: TcpProxy | undefined;
const cleanUp = async () => {
  await server?.stop();
  await proxy?.close();
};
process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));

try {
  if (!options["skip-build"]) {
    console.log("Building the reader…");
    execFileSync("npm", ["run", "--silent", "build", "--", "--logLevel", "warn"], {
      cwd: root,
      stdio: "inherit",
    });
  }
  console.log(`Wiping ${databaseName} and starting the server through a TCP proxy…`);
  await wipe(databaseUrl);
  proxy = await startTcpProxy({ host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) });
  const proxied = new URL(databaseUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(proxy.port);
  const token = randomUUID();
  server = await startServerProcess({
    ...process.env,
    NODE_ENV: "production",
    NEWSGRAPH_SEED: "true",
    NEWSGRAPH_API_TOKEN: token,
    DATABASE_URL: proxied.toString(),
  });
  const { base, serverPid } = server;
  const context: LoadContext = { base, token, fixtures: await loadFixtures(base) };
  for (const run of [...Object.values(reads), ingest]) await run(context);
  const memoryIdle = memory(serverPid);
  console.log(`Warming up for ${warmupSeconds} s (not measured)…`);
  const warmup = await runLoad(context, stopwatch(), warmupSeconds * 1000);
  const memoryAtStart = memory(serverPid);

  console.log(
    `Load: ${seconds} s at ${connections} connections (${Math.round(ingestShare * 100)} % ingests); ` +
      `database outage from ${outageAt} s to ${outageAt + outageSeconds} s\n`,
  );
  const clock = stopwatch();
  const outage = { start: Number.NaN, end: Number.NaN };
  const activeProxy = proxy;
  const outageTimers = [
    setTimeout(() => {
      outage.start = clock();
      void activeProxy.cut();
    }, outageAt * 1000),
    setTimeout(
      () =>
        void activeProxy.restore().then(() => {
          outage.end = clock();
        }),
      (outageAt + outageSeconds) * 1000,
    ),
  ];
  const outcomes = await runLoad(context, clock, seconds * 1000);
  for (const timer of outageTimers) clearTimeout(timer);
  const duration = clock() / 1000;
  const serverAlive = isRunning(serverPid);
  const memoryAtEnd = serverAlive ? memory(serverPid) : { server: Number.NaN, workers: Number.NaN };

  // A request in flight at any moment of the outage belongs to it.
  const phaseOf = (outcome: Outcome) =>
    outcome.endedAt < outage.start ? "before" : outcome.startedAt < outage.end ? "outage" : "after";
  const firstOkAfter = outcomes
    .filter((outcome) => outcome.startedAt >= outage.end && outcome.kind === "200")
    .reduce((first, outcome) => Math.min(first, outcome.endedAt), Number.POSITIVE_INFINITY);
  const recoverySeconds = (firstOkAfter - outage.end) / 1000;
  const failuresAfterRecovery = outcomes.filter(
    (outcome) => outcome.startedAt > firstOkAfter && outcome.kind !== "200",
  ).length;
  const unacceptable = outcomes.filter((outcome) => !outcome.acceptable);
  const stored = [...warmup, ...outcomes].flatMap((outcome) => (outcome.stored ? [outcome.stored] : []));
  const ready = serverAlive && (await untilReady(base, 30_000));
  const missing = ready ? await missingArticles(base, stored) : stored.map((article) => article.slug);
  const rssGrowth = memoryAtEnd.server / memoryAtStart.server - 1;

  console.log(
    `requests: ${outcomes.length} in ${duration.toFixed(1)} s, ${(outcomes.length / duration).toFixed(1)} req/s`,
  );
  console.log("\nanswers by status and error code:");
  for (const [kind, count] of countBy(outcomes, (outcome) => outcome.kind))
    console.log(`  ${kind.padEnd(46)}${String(count).padStart(7)}`);
  console.log("\nanswers by phase:");
  for (const phase of ["before", "outage", "after"]) {
    const kinds = countBy(
      outcomes.filter((outcome) => phaseOf(outcome) === phase),
      (outcome) => outcome.kind,
    );
    console.log(
      `  ${phase.padEnd(8)}${kinds.map(([kind, count]) => `${kind}: ${count}`).join(", ") || "none"}`,
    );
  }
  console.log(`\nlatency (ms)          count      p50      p99      max`);
  console.log(latencyRow("all", outcomes));
  for (const operation of [...Object.keys(reads), "ingest"])
    console.log(
      latencyRow(
        operation,
        outcomes.filter((outcome) => outcome.operation === operation),
      ),
    );
  console.log(
    latencyRow(
      "all, outside outage",
      outcomes.filter((outcome) => phaseOf(outcome) !== "outage"),
    ),
  );
  const mb = (value: number) => `${value.toFixed(0)} MB`;
  console.log(
    `\nRSS of the server process (pid ${serverPid}): ${mb(memoryIdle.server)} idle after start-up, ` +
      `${mb(memoryAtStart.server)} after the warm-up, ` +
      `${serverAlive ? mb(memoryAtEnd.server) : "gone"} at end (${(rssGrowth * 100).toFixed(1)} %)`,
  );
  console.log(
    `RSS of its child processes (extraction workers, tsx's esbuild): ${mb(memoryAtStart.workers)} at start, ${mb(memoryAtEnd.workers)} at end`,
  );
  console.log(
    `recovery: first 200 ${Number.isFinite(recoverySeconds) ? `${recoverySeconds.toFixed(2)} s` : "never"} after the outage ended; ` +
      `answers other than 200 after that: ${failuresAfterRecovery}`,
  );
  console.log(
    `ingests that answered success: ${stored.length}; missing or incomplete afterwards: ${missing.length}`,
  );
  for (const slug of missing.slice(0, 10)) console.log(`  ${slug}`);
  if (!serverAlive) console.log(`\nThe server died. Its last output:\n${server.output().slice(-3000)}`);

  const aims: [string, boolean, string][] = [
    [`only 200 or 503 ${UNAVAILABLE}`, unacceptable.length === 0, `${unacceptable.length} other answers`],
    [
      `recovery ≤ ${AIMS.recoverySeconds} s`,
      recoverySeconds <= AIMS.recoverySeconds,
      `${recoverySeconds.toFixed(2)} s`,
    ],
    [
      `RSS growth ≤ ${AIMS.rssGrowth * 100} %`,
      rssGrowth <= AIMS.rssGrowth,
      `${(rssGrowth * 100).toFixed(1)} %`,
    ],
    ["nothing lost", ready && missing.length === 0, `${missing.length} of ${stored.length} missing`],
  ];
  console.log("\naims:");
  for (const [aim, met, figure] of aims)
    console.log(`  ${met ? "met   " : "MISSED"}  ${aim.padEnd(40)}${figure}`);
  process.exitCode = aims.every(([, met]) => met) ? 0 : 1;
} finally {
  await cleanUp();
}
