/**
 * npm run bench:ingest-throughput [-- --documents 700 --small 20 --workers N]
 *
 * Bulk ingest against extraction alone, over the same shared documents, in one run: `npm run
 * extract -- --jsonl` and `npm run ingest -- --jsonl` (into a fresh PostgreSQL database each time),
 * each on the first `--small` and on `--documents` documents. Counting past start-up, a rate is
 * (documents − small) / (time − small's time). Aim (issue 8): ingest ≥ 0.5× extraction.
 * Uses DATABASE_URL's server (default the local one); its databases are named newsgraph_bench_ingest_*.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { sharedFile } from "../test/helpers.ts";

const { values } = parseArgs({
  options: {
    documents: { type: "string", default: "700" },
    small: { type: "string", default: "20" },
    workers: { type: "string" },
  },
});
const documents = Number(values.documents);
const small = Number(values.small);
const corpus = sharedFile("data/spkatt-train.jsonl");
if (!corpus) throw new Error("needs ../shared/data/spkatt-train.jsonl");
const lines = corpus.split("\n").filter(Boolean);
if (lines.length < documents) throw new Error(`the corpus has only ${lines.length} documents`);

const server = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
const root = new URL("..", import.meta.url).pathname;

function freshDatabase(name: string): string {
  const admin = new URL(server);
  admin.pathname = "/postgres";
  for (const sql of [`DROP DATABASE IF EXISTS ${name}`, `CREATE DATABASE ${name}`])
    execFileSync("psql", [admin.toString(), "-qc", sql], { stdio: "ignore" });
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Seconds one CLI run over the first `count` documents takes, start-up included. */
function timed(command: "extract" | "ingest", count: number): number {
  const env = { ...process.env };
  if (command === "ingest") env.DATABASE_URL = freshDatabase(`newsgraph_bench_ingest_${count}`);
  const args = [
    "server/cli.ts",
    command,
    "--jsonl",
    ...(values.workers ? ["--workers", values.workers] : []),
  ];
  const started = performance.now();
  const run = spawnSync("node_modules/.bin/tsx", command === "ingest" ? args : args.slice(0, 3), {
    cwd: root,
    env,
    input: `${lines.slice(0, count).join("\n")}\n`,
    stdio: ["pipe", "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} failed: ${String(run.stderr).slice(-2000)}`);
  return seconds;
}

const rate = (command: "extract" | "ingest") => {
  const few = timed(command, small);
  const many = timed(command, documents);
  const perSecond = (documents - small) / (many - few);
  console.log(
    `${command.padEnd(8)} ${small} documents ${few.toFixed(1)} s, ${documents} documents ${many.toFixed(1)} s → ${perSecond.toFixed(1)} documents/s past start-up`,
  );
  return perSecond;
};

const extraction = rate("extract");
const ingest = rate("ingest");
const ratio = ingest / extraction;
console.log(`ingest / extraction: ${ratio.toFixed(2)} (aim ≥ 0.5) ${ratio >= 0.5 ? "met" : "MISSED"}`);
process.exitCode = ratio >= 0.5 ? 0 : 1;
