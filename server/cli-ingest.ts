// npm run ingest: files or JSON lines into the database. Each document is stored or refused with
// a code, the run goes on and ends with a summary; it fails (non-zero exit) only when a document
// failed for no stated reason or the run could not go on (the database went away).
import { availableParallelism } from "node:os";
import { createInterface } from "node:readline";
import { SingleBar } from "cli-progress";
import { z } from "zod";
import { describeError } from "./database/outage.ts";
import { env } from "./env.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { createExtractionPool } from "./ingest/extraction-pool.ts";
import { type IngestResult, ingestArticle } from "./ingest/ingest.ts";
import type { ArticleInput, UserErrorCode } from "./ingest/input.ts";
import { readTextFile } from "./text-file.ts";

/** Why the command line refuses a document before it reaches ingest: its line or file is unreadable. */
type InputRefusalCode = "INVALID_LINE" | "UNREADABLE_FILE";

export type Refusal = { code: UserErrorCode | InputRefusalCode; field?: string; message: string };

export type BatchItem = { id: string; input: ArticleInput } | { id: string; refusal: Refusal };

export type DocumentOutcome =
  | { id: string; status: "created" | "stored" }
  | { id: string; status: "refused"; refusals: Refusal[] }
  | { id: string; status: "failed"; message: string };

export type BatchSummary = {
  documents: number;
  created: number;
  alreadyStored: number;
  /** Refused documents by the code of their first refusal, most frequent first. */
  refusedByCode: [string, number][];
  failed: number;
  seconds: number;
};

const OptionalText = z.string().nullish();
const JsonLine = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string({ error: 'needs a "text" string' }),
  title: OptionalText,
  url: OptionalText,
  source: OptionalText,
  language: OptionalText,
  publishedAt: OptionalText,
});

/** One line of `--jsonl` input as a document; null for a blank line. */
export function parseJsonLine(raw: string, lineNumber: number): BatchItem | null {
  if (!raw.trim()) return null;
  const lineId = `line ${lineNumber}`;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { id: lineId, refusal: { code: "INVALID_LINE", message: `not JSON (${describeError(error)})` } };
  }
  const given = (value as { id?: unknown } | null)?.id;
  const id = typeof given === "string" || typeof given === "number" ? String(given) : lineId;
  const parsed = JsonLine.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "line"}: ${issue.message}`,
    );
    return { id, refusal: { code: "INVALID_LINE", message: problems.join("; ") } };
  }
  const { id: _id, ...input } = parsed.data;
  return { id, input };
}

async function readJsonLines(): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  let lineNumber = 0;
  for await (const raw of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber += 1;
    const item = parseJsonLine(raw, lineNumber);
    if (item) items.push(item);
  }
  return items;
}

function readFileItem(file: string, metadata: Omit<ArticleInput, "text">): BatchItem {
  try {
    const { text, encoding } = readTextFile(file);
    if (encoding !== "utf-8") console.error(`${file} is not UTF-8: read it as ${encoding}.`);
    return { id: file, input: { ...metadata, text } };
  } catch (error) {
    return { id: file, refusal: { code: "UNREADABLE_FILE", message: describeError(error) } };
  }
}

async function databaseAnswers(prisma: PrismaClient): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

/** Stores one document; ingestArticle in this process unless a worker pool does it. */
export type IngestOne = (input: ArticleInput) => Promise<IngestResult>;

export type BatchOptions = {
  /** Documents in flight at once: while one is written, the next ones are read. */
  concurrency?: number;
  ingest?: IngestOne;
};

async function ingestItem(
  prisma: PrismaClient,
  item: BatchItem,
  ingest: IngestOne,
): Promise<DocumentOutcome> {
  if ("refusal" in item) return { id: item.id, status: "refused", refusals: [item.refusal] };
  try {
    const result = await ingest(item.input);
    return result.userErrors.length
      ? {
          id: item.id,
          status: "refused",
          refusals: result.userErrors.map(({ code, field, message }) => ({
            code,
            field: field.join("."),
            message,
          })),
        }
      : { id: item.id, status: result.created ? "created" : "stored" };
  } catch (error) {
    if (!(await databaseAnswers(prisma))) {
      throw new Error(`The database stopped answering at document ${item.id}: ${describeError(error)}`);
    }
    return { id: item.id, status: "failed", message: describeError(error) };
  }
}

/**
 * Ingests documents, `concurrency` at a time. A refusal or a failure of one document is its outcome
 * and the batch goes on. When the database stops answering it throws: no later document would
 * fare better.
 */
export async function ingestBatch(
  prisma: PrismaClient,
  items: BatchItem[],
  onOutcome: (outcome: DocumentOutcome) => void = () => {},
  { concurrency = 1, ingest = (input) => ingestArticle(prisma, input) }: BatchOptions = {},
): Promise<BatchSummary> {
  const started = performance.now();
  const outcomes: DocumentOutcome[] = [];
  let next = 0;
  let stopped: unknown = null;
  const lane = async () => {
    while (next < items.length && stopped === null) {
      const item = items[next++] as BatchItem;
      try {
        const outcome = await ingestItem(prisma, item, ingest);
        outcomes.push(outcome);
        onOutcome(outcome);
      } catch (error) {
        stopped ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  if (stopped !== null) throw stopped;
  return summarise(outcomes, (performance.now() - started) / 1000);
}

function summarise(outcomes: DocumentOutcome[], seconds: number): BatchSummary {
  const refusedByCode = new Map<string, number>();
  for (const outcome of outcomes) {
    if (outcome.status !== "refused") continue;
    const code = outcome.refusals[0]?.code ?? "";
    refusedByCode.set(code, (refusedByCode.get(code) ?? 0) + 1);
  }
  const count = (status: DocumentOutcome["status"]) =>
    outcomes.filter((outcome) => outcome.status === status).length;
  return {
    documents: outcomes.length,
    created: count("created"),
    alreadyStored: count("stored"),
    refusedByCode: [...refusedByCode].sort((a, b) => b[1] - a[1]),
    failed: count("failed"),
    seconds,
  };
}

/** "refused c: INVALID_CHARACTERS (title) The title contains …", or null for a stored document. */
export function describeOutcome(outcome: DocumentOutcome): string | null {
  if (outcome.status === "refused") {
    const reasons = outcome.refusals.map(
      (refusal) => `${refusal.code}${refusal.field ? ` (${refusal.field})` : ""} ${refusal.message}`,
    );
    return `refused ${outcome.id}: ${reasons.join("; ")}`;
  }
  if (outcome.status === "failed") return `failed ${outcome.id}: ${outcome.message}`;
  return null;
}

/** "7 documents: 2 created, 0 already stored, 5 refused (INVALID_LINE 2, …), 0 failed in 1.2 s" */
export function describeSummary(summary: BatchSummary): string {
  const refused = summary.refusedByCode.reduce((sum, [, count]) => sum + count, 0);
  const codes = summary.refusedByCode.map(([code, count]) => `${code} ${count}`).join(", ");
  return (
    `${summary.documents} documents: ${summary.created} created, ${summary.alreadyStored} already stored, ` +
    `${refused} refused${codes ? ` (${codes})` : ""}, ${summary.failed} failed in ${summary.seconds.toFixed(1)} s`
  );
}

function parseFlags(args: string[]) {
  const files: string[] = [];
  const metadata: Omit<ArticleInput, "text"> = {};
  let jsonl = false;
  let workers: number | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === "--jsonl") jsonl = true;
    else if (arg === "--language") metadata.language = value();
    else if (arg === "--published-at") metadata.publishedAt = value();
    else if (arg === "--source") metadata.source = value();
    else if (arg === "--title") metadata.title = value();
    else if (arg === "--workers") {
      workers = Number(value());
      if (!Number.isInteger(workers) || workers < 0 || workers > 64)
        throw new Error("--workers takes a whole number from 0 to 64");
    } else if (arg.startsWith("--")) throw new Error(`Unknown option ${arg}`);
    else files.push(arg);
  }
  return { files, metadata, jsonl, workers };
}

/**
 * A bar on a terminal; on a pipe, a line every few seconds. Both with the rate, the time left and
 * the refusals so far.
 */
function batchProgress(total: number) {
  const bar = new SingleBar({
    format:
      "ingesting [{bar}] {value}/{total} · {rate} documents/s · ETA {eta_formatted} · {refused} refused",
    stream: process.stderr,
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 5_000,
    etaBuffer: 50,
  });
  const started = performance.now();
  let count = 0;
  let refused = 0;
  return {
    start: () => bar.start(total, 0, { rate: "0.0", refused: 0 }),
    done(outcome: DocumentOutcome) {
      count += 1;
      if (outcome.status === "refused") refused += 1;
      const rate = (count / Math.max(0.001, (performance.now() - started) / 1000)).toFixed(1);
      bar.update(count, { rate, refused });
    },
    stop: () => bar.stop(),
  };
}

/**
 * npm run ingest -- FILE… [--language de] [--published-at YYYY-MM-DD] [--source S] [--title T]
 * npm run ingest -- --jsonl < articles.jsonl   (one {"id"?, "text", "title"?, "publishedAt"?, …} a line)
 * --workers N: extraction processes, each reading and storing documents (default: EXTRACTION_WORKERS
 * when set, else one per CPU; 0 reads in this process).
 * Exit 0: every document was stored or refused with a code; 1: a document failed, or the run stopped.
 */
export async function runIngest(args: string[]): Promise<number> {
  const { files, metadata, jsonl, workers: givenWorkers } = parseFlags(args);
  if (!jsonl && files.length === 0) {
    console.error(
      "Usage: npm run ingest -- FILE… [--language de] [--published-at 2023-10-14] [--source S]\n   or: npm run ingest -- --jsonl < articles.jsonl",
    );
    return 1;
  }
  const items = jsonl ? await readJsonLines() : files.map((file) => readFileItem(file, metadata));

  // The database opens only now, so that usage errors answer at once.
  const { closeDatabase, connectionString, prisma } = await import("./db.ts");
  const { applyMigrations } = await import("../prisma/engine.ts");
  const workers =
    givenWorkers ?? (process.env.EXTRACTION_WORKERS ? env.extractionWorkers : availableParallelism());
  // Each worker reads and stores whole documents; twice as many in flight keep every worker busy.
  const pool = createExtractionPool({
    workers,
    queueSize: Math.max(1, workers) * 2,
    timeoutMs: env.extractionTimeoutMs,
  });
  const progress = batchProgress(items.length);
  const reports: string[] = [];
  try {
    await applyMigrations(connectionString);
    progress.start();
    const summary = await ingestBatch(
      prisma,
      items,
      (outcome) => {
        const report = describeOutcome(outcome);
        if (report) reports.push(report);
        progress.done(outcome);
      },
      { concurrency: Math.max(1, workers) * 2, ingest: workers ? pool.ingest : undefined },
    );
    progress.stop();
    for (const report of reports) console.error(report);
    console.error(describeSummary(summary));
    return summary.failed ? 1 : 0;
  } catch (error) {
    progress.stop();
    for (const report of reports) console.error(report);
    console.error(`Stopped: ${describeError(error)}`);
    return 1;
  } finally {
    await pool.close();
    await closeDatabase();
  }
}
