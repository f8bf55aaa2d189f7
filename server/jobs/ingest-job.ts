import { describeError, isDatabaseUnavailable } from "../database/outage.ts";
import { type IngestJob, Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { IngestBusyError } from "../ingest/extraction-pool.ts";
import { type IngestResult, ingestInWorker } from "../ingest/ingest.ts";
import type { ArticleInput, UserError } from "../ingest/input.ts";
import { announceArticleStored, pubsub } from "../pubsub.ts";

// One ingest job: a batch of articles read one after another by ingestInWorker (the same path as
// the single-article mutation), its counts and refusals kept in its IngestJob row after every
// article, so that a retried try goes on where the last one stopped.

/** Articles one job takes at most. */
export const MAX_JOB_ARTICLES = 100;
/** UTF-8 bytes of text one job takes at most, all articles together. */
export const MAX_JOB_TEXT_BYTES = 4_000_000;

/** A refused article's reasons, or a failed one's (code INGEST_FAILED), by its place in the batch. */
export type JobArticleError = { index: number; field: string[]; message: string; code: string };

export type BatchRefusal = { field: string[]; message: string; code: "EMPTY_BATCH" | "BATCH_TOO_LARGE" };

/** Why a batch cannot become a job at all (its articles are checked one by one by the job). */
export function checkBatch(articles: readonly ArticleInput[]): BatchRefusal | null {
  if (articles.length === 0) {
    return { field: ["input", "articles"], code: "EMPTY_BATCH", message: "Send at least one article." };
  }
  if (articles.length > MAX_JOB_ARTICLES) {
    return {
      field: ["input", "articles"],
      code: "BATCH_TOO_LARGE",
      message: `A job takes at most ${MAX_JOB_ARTICLES} articles (this one has ${articles.length}): split it into several jobs.`,
    };
  }
  const bytes = articles.reduce((sum, article) => sum + Buffer.byteLength(article.text ?? "", "utf8"), 0);
  if (bytes > MAX_JOB_TEXT_BYTES) {
    return {
      field: ["input", "articles"],
      code: "BATCH_TOO_LARGE",
      message: `A job takes at most ${MAX_JOB_TEXT_BYTES / 1_000_000} MB of text (this one has ${(bytes / 1_000_000).toFixed(1)} MB): split it into several jobs.`,
    };
  }
  return null;
}

/** A job as shown: its counts and errors, without its (possibly megabytes of) inputs. */
export type IngestJobView = Omit<IngestJob, "articles">;

export async function createIngestJob(
  prisma: PrismaClient,
  articles: readonly ArticleInput[],
): Promise<IngestJobView> {
  return prisma.ingestJob.create({
    data: { articles: articles.map((article) => ({ ...article })), total: articles.length },
    omit: { articles: true },
  });
}

function announceProgress(jobId: string): void {
  pubsub().publish("job-progress", jobId, { jobId });
}

type ArticleOutcome =
  | { kind: "done" }
  | { kind: "refused"; errors: JobArticleError[] }
  | { kind: "failed"; errors: JobArticleError[] };

const BUSY_WAIT_MS = 1_000;

async function ingestOne(input: ArticleInput, index: number, options: RunOptions): Promise<ArticleOutcome> {
  const ingest = options.ingest ?? ingestInWorker;
  for (;;) {
    try {
      const result = await ingest(input);
      if (!result.article) {
        const errors = result.userErrors.map((error: UserError) => ({ index, ...error }));
        return { kind: "refused", errors };
      }
      announceArticleStored({ articleId: result.article.id, created: result.created });
      return { kind: "done" };
    } catch (error) {
      // The extraction queue is shared with this process's API: wait for a place, within the budget.
      if (error instanceof IngestBusyError && Date.now() + BUSY_WAIT_MS < options.deadline) {
        await new Promise((resolve) => setTimeout(resolve, BUSY_WAIT_MS));
        continue;
      }
      // Nothing about this article: the whole try fails and is retried later, from this article.
      if (isDatabaseUnavailable(error) || error instanceof IngestBusyError) throw error;
      const message = `This article could not be stored (${describeError(error)}); the others went on.`;
      return {
        kind: "failed",
        errors: [{ index, field: ["input", "articles", String(index)], message, code: "INGEST_FAILED" }],
      };
    }
  }
}

/**
 * Records one article's outcome, but only if the job still stands where this try left it: a try
 * that outlived its budget (and was retried meanwhile) must not count twice. False: stop.
 */
async function recordOutcome(
  prisma: PrismaClient,
  jobId: string,
  position: number,
  outcome: ArticleOutcome,
): Promise<boolean> {
  const errors = outcome.kind === "done" ? [] : outcome.errors;
  const moved = await prisma.$executeRaw`
    UPDATE "IngestJob"
       SET done = done + ${outcome.kind === "done" ? 1 : 0},
           refused = refused + ${outcome.kind === "refused" ? 1 : 0},
           failed = failed + ${outcome.kind === "failed" ? 1 : 0},
           errors = errors || ${JSON.stringify(errors)}::jsonb
     WHERE id = ${jobId}::uuid AND state = 'RUNNING' AND done + refused + failed = ${position}`;
  return moved === 1;
}

export type RunOptions = {
  /** When this try must stop starting articles (epoch ms): the rest is left to the next try. */
  deadline: number;
  /** Replaces how one article is read and stored (default: in an extraction worker, as the mutation does). */
  ingest?: (input: ArticleInput) => Promise<IngestResult>;
};

/** Runs (or goes on with) the job stored under `jobId`; throws when this try must be retried. */
export async function runIngestJob(prisma: PrismaClient, jobId: string, options: RunOptions): Promise<void> {
  const job = await prisma.ingestJob.findUnique({ where: { id: jobId } });
  if (!job || job.state === "COMPLETED" || job.state === "FAILED") return;
  const articles = (job.articles ?? []) as ArticleInput[];
  await prisma.ingestJob.update({
    where: { id: jobId },
    data: { state: "RUNNING", startedAt: job.startedAt ?? new Date() },
  });
  announceProgress(jobId);
  for (let position = job.done + job.refused + job.failed; position < articles.length; position++) {
    if (Date.now() > options.deadline) {
      throw new Error(
        `The job ran out of time after ${position} of ${articles.length} articles; its retry goes on from there.`,
      );
    }
    const outcome = await ingestOne(articles[position] as ArticleInput, position, options);
    if (!(await recordOutcome(prisma, jobId, position, outcome))) return;
    announceProgress(jobId);
  }
  // The inputs are stored as articles now (or refused with their reasons): their copy goes.
  await prisma.ingestJob.updateMany({
    where: { id: jobId, state: "RUNNING" },
    data: { state: "COMPLETED", finishedAt: new Date(), articles: Prisma.DbNull },
  });
  announceProgress(jobId);
}

/** Marks a job that failed every try; its unread articles stay in its row. */
export async function failIngestJob(prisma: PrismaClient, jobId: string, reason: string): Promise<void> {
  await prisma.ingestJob.updateMany({
    where: { id: jobId, state: { in: ["QUEUED", "RUNNING"] } },
    data: { state: "FAILED", failure: reason, finishedAt: new Date() },
  });
  announceProgress(jobId);
}

/** The job as `job(id)` shows it, without its inputs; null when there is none. */
export function findIngestJob(prisma: PrismaClient, jobId: string) {
  return prisma.ingestJob.findUnique({ where: { id: jobId }, omit: { articles: true } });
}
