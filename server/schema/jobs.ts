import { GraphQLError } from "graphql";
import { prisma } from "../db.ts";
import {
  findIngestJob,
  type IngestJobView,
  type JobArticleError,
  MAX_JOB_ARTICLES,
  MAX_JOB_TEXT_BYTES,
} from "../jobs/ingest-job.ts";
import { submitIngestJob } from "../jobs/service.ts";
import { pubsub } from "../pubsub.ts";
import { Article, IngestArticleInput } from "./article.ts";
import { builder } from "./builder.ts";
import { requireWrite, UserError } from "./common.ts";

const IngestJobState = builder.enumType("IngestJobState", {
  description: "Where an ingest job stands.",
  values: {
    QUEUED: { description: "Waiting for a worker." },
    RUNNING: { description: "A worker is reading its articles (or will go on after a retry)." },
    COMPLETED: { description: "Every article was stored, refused or failed; see the counts." },
    FAILED: {
      description: "The job stopped after its retries (see `failure`); its counts say how far it got.",
    },
  },
});

const IngestJobError = builder.objectRef<JobArticleError>("IngestJobError").implement({
  description: "Why one article of a job was not stored.",
  fields: (t) => ({
    index: t.exposeInt("index", { description: "The article's place in the batch, from 0." }),
    field: t.exposeStringList("field", { description: 'Path to the input field at fault, e.g. ["text"].' }),
    message: t.exposeString("message", { description: "What was wrong and what to do, in plain words." }),
    code: t.exposeString("code", {
      description: "A UserErrorCode for a refused article; INGEST_FAILED for one that could not be stored.",
    }),
  }),
});

export const IngestJob = builder.prismaNode("IngestJob", {
  id: { field: "id" },
  // Select mode: a job's inputs (up to megabytes) are never loaded to show it.
  select: { id: true },
  description: "A batch of articles ingested in the background by a worker.",
  fields: (t) => ({
    state: t.expose("state", { type: IngestJobState, description: "Where the job stands." }),
    total: t.exposeInt("total", { description: "Articles in the batch." }),
    done: t.exposeInt("done", { description: "Articles stored (new, or already stored before)." }),
    refused: t.exposeInt("refused", { description: "Articles refused for their input (see `errors`)." }),
    failed: t.exposeInt("failed", { description: "Articles that could not be stored (see `errors`)." }),
    errors: t.field({
      type: [IngestJobError],
      select: { errors: true },
      description: "Why each refused or failed article was not stored, in batch order.",
      resolve: (job) => job.errors as JobArticleError[],
    }),
    failure: t.exposeString("failure", {
      nullable: true,
      description: "Why the job itself stopped, when its state is FAILED.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was submitted." }),
    startedAt: t.expose("startedAt", {
      type: "DateTime",
      nullable: true,
      description: "When a worker first took it.",
    }),
    finishedAt: t.expose("finishedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it completed or failed.",
    }),
  }),
});

const IngestArticlesInput = builder.inputType("IngestArticlesInput", {
  description: `Articles to ingest as one background job: 1 to ${MAX_JOB_ARTICLES}, at most ${MAX_JOB_TEXT_BYTES / 1_000_000} MB of text together.`,
  fields: (t) => ({
    articles: t.field({
      type: [IngestArticleInput],
      required: true,
      description:
        "The articles, each as for `ingestArticle`; each is checked (and maybe refused) by the job.",
    }),
  }),
});

const IngestArticlesPayload = builder
  .objectRef<{ job: IngestJobView | null; userErrors: (typeof UserError.$inferType)[] }>(
    "IngestArticlesPayload",
  )
  .implement({
    description: "The job that will ingest the articles.",
    fields: (t) => ({
      job: t.field({
        type: IngestJob,
        nullable: true,
        description:
          "The queued job; follow it with `job(id:)` or the `jobProgress` subscription. Null when refused.",
        resolve: (payload) => payload.job,
      }),
      userErrors: t.field({
        type: [UserError],
        description: "Why the batch was refused as a whole; empty when a job was queued.",
        resolve: (payload) => payload.userErrors,
      }),
    }),
  });

builder.mutationFields((t) => ({
  ingestArticles: t.field({
    type: IngestArticlesPayload,
    description:
      "Queues a batch of articles as a background job and returns it at once; a worker reads and stores them one by one.",
    args: { input: t.arg({ type: IngestArticlesInput, required: true, description: "The batch." }) },
    resolve: async (_root, { input }, context) => {
      requireWrite(context);
      const submitted = await submitIngestJob(input.articles);
      return submitted.job
        ? { job: submitted.job, userErrors: [] }
        : { job: null, userErrors: [submitted.refusal] };
    },
  }),
}));

builder.queryFields((t) => ({
  job: t.prismaField({
    type: "IngestJob",
    nullable: true,
    description: "An ingest job by its ID; null when there is none.",
    args: { id: t.arg.globalID({ for: IngestJob, required: true, description: "The job's global ID." }) },
    resolve: (query, _root, { id }) => prisma.ingestJob.findUnique({ ...query, where: { id: id.id } }),
  }),
}));

// A subscription is an open connection: each ends by itself after this long; clients reconnect.
const SUBSCRIPTION_LIFETIME_MS = 60 * 60_000;
// Events can be missed (a Redis reconnect): a job is read again this often even without one.
const JOB_RECHECK_MS = 5_000;

function finished(job: IngestJobView): boolean {
  return job.state === "COMPLETED" || job.state === "FAILED";
}

function sleep(ms: number): Promise<"tick"> {
  return new Promise((resolve) => setTimeout(() => resolve("tick"), ms).unref());
}

/** The job now, then again after each of its progress events, until it has finished. */
async function* followJob(jobId: string): AsyncGenerator<IngestJobView> {
  const events = pubsub().subscribe("job-progress", jobId);
  // The repeater listens from its first next(): asked before the first read, so no change between
  // the two is missed.
  let pending = events.next();
  const endAt = Date.now() + SUBSCRIPTION_LIFETIME_MS;
  try {
    let job = await findIngestJob(prisma, jobId);
    if (!job) {
      throw new GraphQLError("No job has this ID.", { extensions: { code: "NOT_FOUND" } });
    }
    yield job;
    while (!finished(job) && Date.now() < endAt) {
      const woken = await Promise.race([pending, sleep(JOB_RECHECK_MS)]);
      if (woken !== "tick") pending = events.next();
      const current = await findIngestJob(prisma, jobId);
      if (!current) return;
      if (
        current.done + current.refused + current.failed !== job.done + job.refused + job.failed ||
        current.state !== job.state
      ) {
        job = current;
        yield job;
      }
    }
  } finally {
    await events.return();
  }
}

/** Every article stored from now on, by any process, for an hour. */
async function* storedArticles(): AsyncGenerator<string> {
  const events = pubsub().subscribe("article-stored");
  const endAt = Date.now() + SUBSCRIPTION_LIFETIME_MS;
  try {
    let pending = events.next();
    while (Date.now() < endAt) {
      const woken = await Promise.race([pending, sleep(endAt - Date.now())]);
      if (woken === "tick" || woken.done) return;
      pending = events.next();
      yield woken.value.articleId;
    }
  } finally {
    await events.return();
  }
}

builder.subscriptionType({
  description:
    "Live events over Server-Sent Events (`Accept: text/event-stream`), from every API process and worker.",
});

builder.subscriptionFields((t) => ({
  jobProgress: t.field({
    type: IngestJob,
    description: "The job now, then after each article it reads; ends when the job has completed or failed.",
    args: { id: t.arg.globalID({ for: IngestJob, required: true, description: "The job's global ID." }) },
    subscribe: (_root, { id }) => followJob(id.id),
    resolve: (job: IngestJobView) => job,
  }),
  articleIngested: t.field({
    type: Article,
    description: "Each article stored from now on (new, or completed with metadata), by any client or job.",
    subscribe: () => storedArticles(),
    resolve: (articleId: string) => ({ id: articleId }),
  }),
}));
