import { connectionString, prisma } from "../db.ts";
import { env } from "../env.ts";
import type { ArticleInput } from "../ingest/input.ts";
import {
  type BatchRefusal,
  checkBatch,
  createIngestJob,
  failIngestJob,
  type IngestJobView,
  runIngestJob,
} from "./ingest-job.ts";
import { type JobQueue, startJobQueue } from "./queue.ts";

// This process's side of the job queue: API replicas submit, workers (in `npm start` or
// `npm run worker`) run. The queue connects on first use.

// A try stops starting articles this long before its budget ends: one article may still be read
// (EXTRACTION_TIMEOUT) and written before pg-boss would count the try as lost.
const WRITE_MARGIN_MS = 30_000;

let queue: Promise<JobQueue> | undefined;

function jobQueue(options: { supervise: boolean }): Promise<JobQueue> {
  queue ??= startJobQueue({ connectionString, jobTimeoutMs: env.jobTimeoutMs, supervise: options.supervise });
  return queue;
}

/** Stores the batch as a job and queues it; a batch too large or empty is refused as a whole. */
export async function submitIngestJob(
  articles: readonly ArticleInput[],
): Promise<{ job: IngestJobView; refusal: null } | { job: null; refusal: BatchRefusal }> {
  const refusal = checkBatch(articles);
  if (refusal) return { job: null, refusal };
  const job = await createIngestJob(prisma, articles);
  try {
    await (await jobQueue({ supervise: false })).sendIngest(job.id);
  } catch (error) {
    await prisma.ingestJob.delete({ where: { id: job.id } }).catch(() => undefined);
    throw error;
  }
  return { job, refusal: null };
}

/** Runs `concurrency` ingest workers in this process until stopJobs(). */
export async function startIngestWorkers(concurrency: number): Promise<void> {
  const budget = Math.max(WRITE_MARGIN_MS, env.jobTimeoutMs - env.extractionTimeoutMs - WRITE_MARGIN_MS);
  await (await jobQueue({ supervise: true })).work({
    concurrency,
    run: (jobId) => runIngestJob(prisma, jobId, { deadline: Date.now() + budget }),
    giveUp: (jobId, reason) => failIngestJob(prisma, jobId, reason),
  });
}

/** Lets running jobs finish (up to `timeoutMs`; the rest is retried by another worker later). */
export async function stopJobs(timeoutMs = 20_000): Promise<void> {
  const started = queue;
  queue = undefined;
  if (started) await (await started).stop(timeoutMs);
}
