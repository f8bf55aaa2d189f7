/**
 * npm run bench:ingest-responsiveness [-- --bytes 1000000] [--kind news|quotes]
 *
 * Starts `npm start` (on DATABASE_URL, else a fresh embedded database), ingests one large generated
 * article through the API, and meanwhile asks /healthz every 10 ms and a GraphQL read (the front
 * page's article list) every 50 ms. Prints their latency during the ingest: extraction runs in a
 * child process, so the API's thread must stay free. Aims (issue 7): /healthz p99 ≤ 50 ms, and on
 * PostgreSQL reads p99 ≤ 100 ms; exits 1 when one is missed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startServerProcess } from "../test/server-process.ts";
import { generateText, TEXT_KINDS, type TextKind } from "./generate-text.ts";

const { values } = parseArgs({
  options: { bytes: { type: "string", default: "1000000" }, kind: { type: "string", default: "news" } },
});
const kind = values.kind as TextKind;
if (!TEXT_KINDS.includes(kind)) throw new Error(`--kind must be one of ${TEXT_KINDS.join(", ")}`);
const text = generateText(kind, Number(values.bytes), Date.now() % 1000);

const onPostgres = Boolean(process.env.DATABASE_URL);
const dataDir = onPostgres ? undefined : mkdtempSync(join(tmpdir(), "newsgraph-bench-"));
const server = await startServerProcess({
  ...process.env,
  NEWSGRAPH_SEED: "false",
  NODE_ENV: "production",
  EXTRACTION_WORKERS: process.env.EXTRACTION_WORKERS ?? "1",
  ...(dataDir ? { NEWSGRAPH_DATA_DIR: dataDir } : {}),
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function timed(request: () => Promise<Response>): Promise<number> {
  const start = performance.now();
  const response = await request();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`HTTP ${response.status} during the ingest`);
  return performance.now() - start;
}

/** Calls `request` every `everyMs` (never two at once) until `done` settles; returns the latencies. */
async function poll(request: () => Promise<Response>, everyMs: number, done: Promise<unknown>) {
  const latencies: number[] = [];
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  while (!finished) {
    latencies.push(await timed(request));
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return latencies.sort((a, b) => a - b);
}

const readQuery = JSON.stringify({
  query: "{ articles(first: 20) { totalCount nodes { slug displayTitle } } }",
});
const ingestQuery = JSON.stringify({
  query:
    "mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { slug } userErrors { code message } } }",
  variables: { input: { text, language: "de", title: `Responsiveness ${Date.now()}` } },
});
const json = { "content-type": "application/json" };

try {
  const started = performance.now();
  const ingest = fetch(`${server.base}/graphql`, { method: "POST", headers: json, body: ingestQuery }).then(
    (response) => response.json() as Promise<{ data?: { ingestArticle: unknown }; errors?: unknown }>,
  );
  const [health, reads, result] = await Promise.all([
    poll(() => fetch(`${server.base}/healthz`), 10, ingest),
    poll(
      () => fetch(`${server.base}/graphql`, { method: "POST", headers: json, body: readQuery }),
      50,
      ingest,
    ),
    ingest,
  ]);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `ingest of ${Buffer.byteLength(text)} bytes (${kind}) on ${onPostgres ? "PostgreSQL" : "the embedded database"}: ${seconds.toFixed(1)} s`,
  );
  console.log(`result: ${JSON.stringify(result).slice(0, 300)}`);
  const row = (name: string, sorted: number[]) =>
    console.log(
      `${name.padEnd(8)} n=${String(sorted.length).padStart(5)}  p50 ${percentile(sorted, 50).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms  max ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms`,
    );
  row("/healthz", health);
  row("reads", reads);
  const healthOk = percentile(health, 99) <= 50;
  const readsOk = !onPostgres || percentile(reads, 99) <= 100;
  console.log(
    `aims: /healthz p99 ≤ 50 ms ${healthOk ? "met" : "MISSED"}; reads p99 ≤ 100 ms on PostgreSQL ${onPostgres ? (readsOk ? "met" : "MISSED") : "(not measured: embedded)"}`,
  );
  process.exitCode = healthOk && readsOk ? 0 : 1;
} finally {
  await server.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
