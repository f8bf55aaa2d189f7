// Extraction off the request thread: a few child processes (extraction-worker.ts) take documents
// from a bounded queue, each within a time budget. A document over its budget has its worker
// killed and replaced; a full queue refuses at once (INGEST_BUSY) instead of piling up memory.
// A worker either reads a text and answers its annotation, or ingests an article whole (reads
// and stores it): then the megabytes of annotation never cross into the API process.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DatabaseUnavailableError } from "../database/outage.ts";
import { env } from "../env.ts";
import { type AnnotationDocument, ExtractionError, type ExtractOptions } from "../extract/types.ts";
import type { IngestResult } from "./ingest.ts";
import type { ArticleInput } from "./input.ts";

export type WorkerTask =
  | { kind: "extract"; text: string; options: ExtractOptions }
  | { kind: "ingest"; input: ArticleInput };
export type WorkerRequest = { id: number; task: WorkerTask };
export type WorkerReply =
  | { type: "ready" }
  /** The text is read; what is left (storing) is bounded by its transaction, not the time budget. */
  | { type: "extracted"; id: number }
  | { type: "done"; id: number; doc: AnnotationDocument }
  | { type: "stored"; id: number; result: IngestResult }
  | {
      type: "failed";
      id: number;
      error: {
        message: string;
        code: ExtractionError["code"] | null;
        field: string | null;
        /** Why the database could not be used, when that is what failed. */
        databaseFault: string | null;
      };
    };

/** The queue is full: the caller should try again later (HTTP 503 with Retry-After). */
export class IngestBusyError extends Error {
  readonly code = "INGEST_BUSY";
  constructor(queueSize: number) {
    super(
      `${queueSize} documents are already waiting for extraction: try again in a few seconds, or raise INGEST_QUEUE_SIZE / EXTRACTION_WORKERS.`,
    );
    this.name = "IngestBusyError";
  }
}

/** This document could not be read: over the time budget, or the extractor failed on it. */
export class ExtractionFailure extends Error {
  constructor(
    readonly code: "EXTRACTION_TIMEOUT" | "EXTRACTION_FAILED",
    message: string,
  ) {
    super(message);
    this.name = "ExtractionFailure";
  }
}

export type ExtractionPoolOptions = {
  /** Child processes; 0 extracts in this process (no time budget: synchronous code cannot be stopped). */
  workers: number;
  /** Documents that may wait for a free worker. */
  queueSize: number;
  /** Time budget of one document, in ms. */
  timeoutMs: number;
};

export type ExtractionPool = {
  /** `timeoutMs` overrides the pool's time budget for this document. */
  extract(text: string, options: ExtractOptions, timeoutMs?: number): Promise<AnnotationDocument>;
  /** Reads and stores an article in a worker (ingest.ts's ingestArticle there); the reading is
   * held to the time budget. */
  ingest(input: ArticleInput): Promise<IngestResult>;
  /** Starts the workers now (they load the lexicons) rather than on the first document. */
  start(): void;
  status(): { workers: number; busy: number; queued: number };
  close(): Promise<void>;
};

type Job = WorkerRequest & {
  timeoutMs: number;
  resolve: (value: AnnotationDocument | IngestResult) => void;
  reject: (error: Error) => void;
};

type Worker = {
  child: ChildProcess;
  ready: boolean;
  job: Job | null;
  timer?: NodeJS.Timeout;
  startedAt: number;
  /** When its current document was handed to it (performance.now()). */
  readingSince?: number;
};

const WORKER_FILE = fileURLToPath(new URL("./extraction-worker.ts", import.meta.url));
// The workers run TypeScript like the server does; resolved here so any working directory works.
const TSX_LOADER = import.meta.resolve("tsx");
// A runaway document dies on this heap limit instead of taking the machine's memory.
const WORKER_HEAP_MB = 1536;
// A worker that dies this soon after starting is not restarted at once (no busy crash loop).
const RESTART_DELAY_MS = 1000;

const extractionTimers = new Set<(seconds: number) => void>();
/** Calls `listener` with the reading time of every document a worker has read (/metrics). */
export function onExtractionTimed(listener: (seconds: number) => void): () => void {
  extractionTimers.add(listener);
  return () => extractionTimers.delete(listener);
}
function reportReadingTime(worker: Worker, message: WorkerReply): void {
  if (message.type !== "extracted" && message.type !== "done") return;
  if (worker.job?.id !== message.id || worker.readingSince === undefined) return;
  const seconds = (performance.now() - worker.readingSince) / 1000;
  worker.readingSince = undefined;
  for (const listener of extractionTimers) listener(seconds);
}

/** What a worker's failure message stands for, as the error the caller would have met itself. */
function failureOf(error: Extract<WorkerReply, { type: "failed" }>["error"]): Error {
  if (error.code) return new ExtractionError(error.code, error.message, error.field ?? "text");
  if (error.databaseFault) return new DatabaseUnavailableError(error.databaseFault);
  return new ExtractionFailure("EXTRACTION_FAILED", `The extractor failed on this text: ${error.message}`);
}

function inProcessPool(): ExtractionPool {
  const loaded = import("../extract/index.ts");
  return {
    async extract(text, options) {
      const { extract } = await loaded;
      return extract(text, options);
    },
    async ingest(input) {
      const [{ ingestArticle }, { prisma }] = await Promise.all([import("./ingest.ts"), import("../db.ts")]);
      return ingestArticle(prisma, input);
    },
    start() {
      // Load the lexicons now; an import failure shows on the first document.
      loaded.then((extractor) => extractor.warmUp()).catch(() => undefined);
    },
    status: () => ({ workers: 0, busy: 0, queued: 0 }),
    close: async () => {},
  };
}

export function createExtractionPool(options: ExtractionPoolOptions): ExtractionPool {
  if (options.workers === 0) return inProcessPool();
  const workers = new Set<Worker>();
  const waiting: Job[] = [];
  let nextId = 1;
  let closed = false;

  function settle(worker: Worker): Job | null {
    const job = worker.job;
    clearTimeout(worker.timer);
    worker.job = null;
    return job;
  }

  function spawnWorker(): void {
    if (closed) return;
    const child = fork(WORKER_FILE, [], {
      execArgv: ["--import", TSX_LOADER, `--max-old-space-size=${WORKER_HEAP_MB}`],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const worker: Worker = { child, ready: false, job: null, startedAt: Date.now() };
    workers.add(worker);
    child.on("message", (message: WorkerReply) => {
      reportReadingTime(worker, message);
      if (message.type === "ready") worker.ready = true;
      else if (message.type === "extracted") {
        if (worker.job?.id === message.id) clearTimeout(worker.timer);
        return;
      } else {
        const job = settle(worker);
        if (job && job.id === message.id) {
          if (message.type === "done") job.resolve(message.doc);
          else if (message.type === "stored") job.resolve(message.result);
          else job.reject(failureOf(message.error));
        }
      }
      dispatch();
    });
    child.on("exit", (code, signal) => {
      workers.delete(worker);
      const job = settle(worker);
      job?.reject(
        new ExtractionFailure(
          "EXTRACTION_FAILED",
          `The extraction process stopped while reading this text (${signal ?? `exit code ${code}`}; out of memory?).`,
        ),
      );
      if (closed) return;
      const quickDeath = Date.now() - worker.startedAt < RESTART_DELAY_MS * 5;
      setTimeout(spawnWorker, quickDeath ? RESTART_DELAY_MS : 0).unref();
    });
  }

  function dispatch(): void {
    for (const worker of workers) {
      if (!worker.ready || worker.job || !worker.child.connected) continue;
      const job = waiting.shift();
      if (!job) return;
      worker.job = job;
      worker.readingSince = performance.now();
      worker.timer = setTimeout(() => {
        settle(worker);
        worker.ready = false;
        job.reject(
          new ExtractionFailure(
            "EXTRACTION_TIMEOUT",
            `Reading this text took longer than ${job.timeoutMs / 1000} s (EXTRACTION_TIMEOUT): split it into smaller articles.`,
          ),
        );
        worker.child.kill("SIGKILL");
      }, job.timeoutMs);
      worker.child.send({ id: job.id, task: job.task } satisfies WorkerRequest);
    }
  }

  function start(): void {
    while (!closed && workers.size < options.workers) spawnWorker();
  }

  function submit(task: WorkerTask, timeoutMs: number): Promise<AnnotationDocument | IngestResult> {
    if (closed) return Promise.reject(new Error("The extraction pool is closed."));
    start();
    if (waiting.length >= options.queueSize) return Promise.reject(new IngestBusyError(options.queueSize));
    return new Promise((resolve, reject) => {
      waiting.push({ id: nextId++, task, timeoutMs, resolve, reject });
      dispatch();
    });
  }

  return {
    extract: (text, extractOptions, timeoutMs = options.timeoutMs) =>
      submit({ kind: "extract", text, options: extractOptions }, timeoutMs) as Promise<AnnotationDocument>,
    ingest: (input) => submit({ kind: "ingest", input }, options.timeoutMs) as Promise<IngestResult>,
    start,
    status: () => ({
      workers: workers.size,
      busy: [...workers].filter((worker) => worker.job).length,
      queued: waiting.length,
    }),
    async close() {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(new Error("The extraction pool was closed."));
      await Promise.all(
        [...workers].map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.child.exitCode !== null || worker.child.signalCode !== null) return resolve();
              worker.child.once("exit", () => resolve());
              worker.child.kill("SIGTERM");
            }),
        ),
      );
    },
  };
}

let shared: ExtractionPool | undefined;

/** The process's pool, sized by EXTRACTION_WORKERS, INGEST_QUEUE_SIZE and EXTRACTION_TIMEOUT. */
export function extractionPool(): ExtractionPool {
  shared ??= createExtractionPool({
    workers: env.extractionWorkers,
    queueSize: env.ingestQueueSize,
    timeoutMs: env.extractionTimeoutMs,
  });
  return shared;
}
