/**
 * Extraction speed over the whole shared corpus (SpkAtt articles + GermEval sentences), on one core:
 * lexicon load time, words/s and docs/s after a warm-up pass, peak memory. Then a `--jsonl` run of
 * the CLI over 5,000 short documents, which must load the lexicons once (its time would be
 * thousands of lexicon loads otherwise).
 * Usage: npm run bench:extract [-- --no-jsonl] [-- --check]   (--check exits 1 below the targets)
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sharedData } from "../server/extract/eval/data.ts";
import { loadGermEval } from "../server/extract/eval/ner.ts";
import { extract, warmUp } from "../server/extract/index.ts";

// The extractor's targets: ≥ 50,000 words/s on one core, peak RSS ≤ 200 MB.
const TARGETS = { wordsPerSecond: 50_000, lexiconSeconds: 1, peakMegabytes: 200 };
const JSONL_DOCUMENTS = 5_000;

type Doc = { text: string; language: "de"; publishedAt: string | null };

function corpus(): Doc[] | null {
  const spkatt = sharedData("spkatt-train.jsonl");
  const germeval = loadGermEval("all");
  if (!spkatt || !germeval) return null;
  const articles = readFileSync(spkatt, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { text: string; publishedAt?: string })
    .map(
      (article): Doc => ({ text: article.text, language: "de", publishedAt: article.publishedAt ?? null }),
    );
  const sentences = germeval
    .filter((sentence) => sentence.text.trim().length > 0)
    .map((sentence): Doc => ({ text: sentence.text, language: "de", publishedAt: null }));
  return [...articles, ...sentences];
}

const words = (text: string) => text.split(/\s+/u).filter(Boolean).length;
const megabytes = () => process.resourceUsage().maxRSS / 1024;

function timedPass(docs: Doc[]): number {
  const started = performance.now();
  for (const doc of docs) extract(doc.text, { language: doc.language, publishedAt: doc.publishedAt });
  return (performance.now() - started) / 1000;
}

/** Runs the CLI in --jsonl mode over short documents; returns its wall time and line count. */
function jsonlRun(docs: Doc[]): { seconds: number; lines: number; errors: number } {
  const input = Array.from({ length: JSONL_DOCUMENTS }, (_, k) => {
    const doc = docs[k % docs.length] as Doc;
    return JSON.stringify({ id: `d${k}`, text: doc.text, language: "de" });
  }).join("\n");
  const cli = fileURLToPath(new URL("../server/cli.ts", import.meta.url));
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", cli, "extract", "--jsonl"], {
    input,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`extract --jsonl failed: ${result.stderr}`);
  const lines = result.stdout.split("\n").filter(Boolean);
  return { seconds, lines: lines.length, errors: lines.filter((line) => line.includes('"error"')).length };
}

function main(): void {
  const args = process.argv.slice(2);
  const loadStarted = performance.now();
  warmUp();
  const lexiconSeconds = (performance.now() - loadStarted) / 1000;
  const docs = corpus();
  if (!docs) {
    console.log("Skipping the benchmark: ../shared/data is absent (it lies beside the repository).");
    return;
  }
  const totalWords = docs.reduce((sum, doc) => sum + words(doc.text), 0);
  const warmupSeconds = timedPass(docs.slice(0, 300));
  const seconds = timedPass(docs);
  const wordsPerSecond = Math.round(totalWords / seconds);
  const peak = megabytes();
  console.log(`corpus                 ${docs.length} documents, ${totalWords} words (SpkAtt + GermEval)`);
  console.log(`lexicon load           ${lexiconSeconds.toFixed(2)} s (target ≤ ${TARGETS.lexiconSeconds} s)`);
  console.log(`warm-up                300 documents, ${warmupSeconds.toFixed(2)} s`);
  console.log(
    `speed after warm-up    ${wordsPerSecond} words/s, ${Math.round(docs.length / seconds)} docs/s (${seconds.toFixed(1)} s, one core; target ≥ ${TARGETS.wordsPerSecond} words/s)`,
  );
  console.log(`peak memory (RSS)      ${peak.toFixed(0)} MB (target ≤ ${TARGETS.peakMegabytes} MB)`);
  let jsonlOk = true;
  if (!args.includes("--no-jsonl")) {
    const short = docs.filter((doc) => words(doc.text) <= 40);
    const run = jsonlRun(short);
    // Reloading the lexicons per line would cost at least 5,000 × the load time measured above.
    const perLineLoads = JSONL_DOCUMENTS * lexiconSeconds;
    jsonlOk = run.lines === JSONL_DOCUMENTS && run.seconds < perLineLoads / 10;
    console.log(
      `--jsonl                ${run.lines} lines (${run.errors} errors) in ${run.seconds.toFixed(1)} s, ${Math.round(run.lines / run.seconds)} docs/s incl. start-up: ${jsonlOk ? "one lexicon load" : "FAILED"} (per-line loading would take ≥ ${perLineLoads.toFixed(0)} s)`,
    );
  }
  const met =
    wordsPerSecond >= TARGETS.wordsPerSecond &&
    lexiconSeconds <= TARGETS.lexiconSeconds &&
    peak <= TARGETS.peakMegabytes &&
    jsonlOk;
  console.log(met ? "all targets met" : "TARGETS MISSED");
  if (args.includes("--check") && !met) process.exitCode = 1;
}

main();
