import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";
import { prisma } from "../../server/db.ts";
import { IngestBusyError } from "../../server/ingest/extraction-pool.ts";
import { ingestArticle } from "../../server/ingest/ingest.ts";
import type { ArticleInput } from "../../server/ingest/input.ts";
import { createIngestJob, failIngestJob, runIngestJob } from "../../server/jobs/ingest-job.ts";
import { startIngestWorkers, stopJobs } from "../../server/jobs/service.ts";
import { createTestClient, uniqueGermanArticle } from "../helpers.ts";
import { nextEvents, subscribe } from "./sse.ts";

const { gql, app } = createTestClient();
const fetchApp = (url: string, init: RequestInit) => Promise.resolve(app.fetch(url, init));

const SUBMIT = `mutation Submit($input: IngestArticlesInput!) {
  ingestArticles(input: $input) {
    job { id state total done }
    userErrors { field code message }
  }
}`;

const PROGRESS = `subscription Progress($id: ID!) {
  jobProgress(id: $id) { id state total done refused failed errors { index field code message } }
}`;

type Job = {
  id: string;
  state: string;
  total: number;
  done: number;
  refused: number;
  failed: number;
  errors: { index: number; field: string[]; code: string; message: string }[];
};
type SubmitData = {
  ingestArticles: { job: Job | null; userErrors: { field: string[]; code: string; message: string }[] };
};

async function submit(articles: Record<string, unknown>[]) {
  const response = await gql<SubmitData>(SUBMIT, { input: { articles } });
  expect(response.errors).toBeUndefined();
  return (response.data as SubmitData).ingestArticles;
}

/** Every jobProgress event of a job, until the subscription ends with the finished job. */
async function followToEnd(jobId: string): Promise<Job[]> {
  const response = await subscribe(fetchApp, "http://localhost", PROGRESS, { id: jobId });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const seen: Job[] = [];
  for await (const result of nextEvents<{ jobProgress: Job }>(response)) {
    expect(result.errors).toBeUndefined();
    seen.push((result.data as { jobProgress: Job }).jobProgress);
  }
  return seen;
}

beforeAll(() => startIngestWorkers(1));
afterAll(() => stopJobs());

describe("ingestArticles (a batch as a job on pg-boss)", () => {
  it("queues the batch, a worker stores and refuses article by article, progress comes over SSE", async () => {
    const stored = [uniqueGermanArticle(), uniqueGermanArticle()];
    const submitted = await submit([
      { text: stored[0], language: "de", source: "Jobs" },
      { text: "   " },
      { text: stored[1], publishedAt: "2024-05-01" },
      { text: uniqueGermanArticle(), language: "fr" },
    ]);
    expect(submitted.userErrors).toEqual([]);
    expect(submitted.job).toMatchObject({ state: "QUEUED", total: 4, done: 0 });
    const jobId = submitted.job?.id as string;

    const events = await followToEnd(jobId);
    const last = events.at(-1) as Job;
    expect(last).toMatchObject({ state: "COMPLETED", total: 4, done: 2, refused: 2, failed: 0 });
    expect(last.errors.map((error) => [error.index, error.code])).toEqual([
      [1, "EMPTY_TEXT"],
      [3, "UNSUPPORTED_LANGUAGE"],
    ]);
    // Progress only grows, and the stream ends with the finished job.
    const counts = events.map((event) => event.done + event.refused + event.failed);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));

    const articles = await prisma.article.findMany({
      where: { text: { in: stored } },
      select: { source: true },
    });
    expect(articles).toHaveLength(2);
    expect(articles.map((article) => article.source).sort()).toEqual(["Jobs", null]);
    // The inputs are not kept once they are articles.
    const row = await prisma.ingestJob.findUniqueOrThrow({ where: { id: (await decode(jobId)).id } });
    expect(row.articles).toBeNull();

    const read = await gql<{ job: Job }>(`query($id: ID!) { job(id: $id) { id state done refused } }`, {
      id: jobId,
    });
    expect(read.data?.job).toMatchObject({ id: jobId, state: "COMPLETED", done: 2, refused: 2 });
  });

  it("tells an articleIngested subscriber of each stored article", async () => {
    const controller = new AbortController();
    const response = await subscribe(
      fetchApp,
      "http://localhost",
      "subscription { articleIngested { slug source } }",
      {},
      controller.signal,
    );
    const events = nextEvents<{ articleIngested: { slug: string; source: string } }>(response);
    const first = events.next();
    const text = uniqueGermanArticle();
    const ingested = await gql<{ ingestArticle: { article: { slug: string } } }>(
      `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { slug } } }`,
      { input: { text, source: "Live" } },
    );
    const event = await first;
    expect(event.value?.data?.articleIngested).toEqual({
      slug: ingested.data?.ingestArticle.article.slug,
      source: "Live",
    });
    controller.abort();
  });

  it("refuses an empty or oversized batch as a whole, with userErrors", async () => {
    const empty = await submit([]);
    expect(empty.job).toBeNull();
    expect(empty.userErrors).toEqual([
      { field: ["input", "articles"], code: "EMPTY_BATCH", message: expect.any(String) },
    ]);
    const many = await submit(Array.from({ length: 101 }, (_, index) => ({ text: `Text ${index}` })));
    expect(many.job).toBeNull();
    expect(many.userErrors[0]?.code).toBe("BATCH_TOO_LARGE");
    expect(many.userErrors[0]?.message).toMatch(/at most 100 articles/);
    // Over the job's text limit, in a body that a server with a larger MAX_BODY_BYTES accepts.
    const roomy = createApp({ apiToken: undefined, production: false, maxBodyBytes: 8_000_000 });
    const heavy = await roomy.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: SUBMIT,
        variables: { input: { articles: Array.from({ length: 5 }, () => ({ text: "a".repeat(900_000) })) } },
      }),
    });
    const refused = (await heavy.json()) as { data: SubmitData };
    expect(refused.data.ingestArticles.userErrors[0]?.code).toBe("BATCH_TOO_LARGE");
    expect(refused.data.ingestArticles.userErrors[0]?.message).toMatch(/at most 4 MB of text/);
  });

  it("needs the API token when one is set", async () => {
    const guarded = createTestClient({ apiToken: "jobs-secret" });
    const refused = await guarded.gql(SUBMIT, { input: { articles: [{ text: uniqueGermanArticle() }] } });
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const allowed = await guarded.gql<SubmitData>(
      SUBMIT,
      { input: { articles: [{ text: uniqueGermanArticle() }] } },
      { authorization: "Bearer jobs-secret" },
    );
    expect(allowed.data?.ingestArticles.job?.state).toBe("QUEUED");
    await followToEnd(allowed.data?.ingestArticles.job?.id as string);
  });

  it("answers NOT_FOUND for a job that does not exist", async () => {
    const id = Buffer.from("IngestJob:00000000-0000-4000-8000-000000000000").toString("base64");
    const read = await gql<{ job: Job | null }>(`query($id: ID!) { job(id: $id) { id } }`, { id });
    expect(read.data?.job).toBeNull();
    const response = await subscribe(fetchApp, "http://localhost", PROGRESS, { id });
    const results = [];
    for await (const result of nextEvents(response)) results.push(result);
    expect(results[0]?.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("a try that is cut short", () => {
  it("goes on where it stopped on its retry, counting no article twice", async () => {
    const texts = [uniqueGermanArticle(), uniqueGermanArticle(), uniqueGermanArticle()];
    const job = await createIngestJob(
      prisma,
      texts.map((text) => ({ text })),
    );
    // The first article is read; then extraction stays busy past the try's budget, so the try
    // fails as pg-boss would see it fail, and is retried.
    let reads = 0;
    const busyAfterOne = async (input: ArticleInput) => {
      reads += 1;
      if (reads > 1) throw new IngestBusyError(16);
      return ingestArticle(prisma, input);
    };
    await expect(
      runIngestJob(prisma, job.id, { deadline: Date.now() + 3_000, ingest: busyAfterOne }),
    ).rejects.toBeInstanceOf(IngestBusyError);
    expect(await prisma.ingestJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      state: "RUNNING",
      done: 1,
    });
    const ingest = (input: ArticleInput) => ingestArticle(prisma, input);
    await runIngestJob(prisma, job.id, { deadline: Date.now() + 60_000, ingest });
    expect(await prisma.ingestJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      state: "COMPLETED",
      done: 3,
      refused: 0,
      failed: 0,
    });
    expect(await prisma.article.count({ where: { text: { in: texts } } })).toBe(3);
  });

  it("stops starting articles once its time is up", async () => {
    const job = await createIngestJob(prisma, [{ text: uniqueGermanArticle() }]);
    await expect(runIngestJob(prisma, job.id, { deadline: Date.now() - 1 })).rejects.toThrow(
      /ran out of time after 0 of 1 articles; its retry goes on from there/,
    );
  });

  it("is marked FAILED with its reason once every try failed, keeping its unread articles", async () => {
    const job = await createIngestJob(prisma, [{ text: uniqueGermanArticle() }]);
    await failIngestJob(prisma, job.id, "database unavailable");
    const row = await prisma.ingestJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ state: "FAILED", failure: "database unavailable", done: 0 });
    expect(row.articles).toHaveLength(1);
  });
});

async function decode(globalId: string) {
  const [, id] = Buffer.from(globalId, "base64").toString("utf8").split(":");
  return { id: id as string };
}
