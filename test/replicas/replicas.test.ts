import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onEmbeddedDatabase, uniqueGermanArticle } from "../helpers.ts";
import { nextEvents, subscribe } from "../jobs/sse.ts";
import { type ServerProcess, startServerProcess } from "../server-process.ts";

// Two API processes and a worker on one PostgreSQL and one Redis, as docker-compose.yml runs
// them: a job submitted to one replica is run by the worker, its progress and its article reach
// a subscriber of the other replica, and that replica's next read shows the article.

const root = new URL("../..", import.meta.url).pathname;
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

async function redisAnswers(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function skipReason(): Promise<string | null> {
  if (await onEmbeddedDatabase()) return "it runs in the PostgreSQL pass (npm test with DATABASE_URL)";
  if (await redisAnswers()) return null;
  const missing = `no Redis answers at ${REDIS_URL}`;
  if (process.env.CI === "true") throw new Error(`The replicas test must run under CI, but ${missing}`);
  return missing;
}

const skip = await skipReason();
if (skip) console.warn(`Skipping the two-replica test: ${skip}.`);

type Worker = { output: () => string; stop: () => Promise<void>; kill: () => void };

/** `npm run worker` as docker-compose runs it; resolves once it takes jobs. */
function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<Worker> {
  const child: ChildProcess = spawn("npm", ["run", "worker"], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const kill = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    const deadline = setTimeout(kill, 20_000);
    await exited;
    clearTimeout(deadline);
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/newsgraph worker: running/.test(output)) resolve({ output: () => output, stop, kill });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`npm run worker exited with ${code}:\n${output}`)));
  });
}

/** The reader's front-page operation, sent by its persisted id as a GET (what a response cache keeps). */
function frontPageUrl(base: string): string {
  const manifest = JSON.parse(readFileSync(`${root}/client/persisted-operations.json`, "utf8")) as Record<
    string,
    string
  >;
  const id = Object.keys(manifest).find((key) => /^query ArticleList\b/.test(manifest[key] as string));
  if (!id) throw new Error("client/persisted-operations.json has no ArticleList query");
  const params = new URLSearchParams({
    operationName: "ArticleList",
    variables: JSON.stringify({ first: 20 }),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id.replace(/^sha256:/, "") } }),
  });
  return `${base}/graphql?${params}`;
}

async function frontPageTexts(base: string): Promise<{ count: number; slugs: string[] }> {
  const response = await fetch(frontPageUrl(base), {
    headers: { accept: "application/graphql-response+json" },
  });
  const body = (await response.json()) as {
    data?: {
      articles: { totalCount: number; nodes?: { slug: string }[]; edges?: { node: { slug: string } }[] };
    };
    errors?: unknown[];
  };
  expect(body.errors).toBeUndefined();
  const articles = body.data?.articles;
  const slugs =
    articles?.nodes?.map((node) => node.slug) ?? articles?.edges?.map((edge) => edge.node.slug) ?? [];
  return { count: articles?.totalCount ?? -1, slugs };
}

describe.skipIf(skip !== null)("two API replicas and a worker on PostgreSQL and Redis", () => {
  const databaseName = `test_replicas_${randomUUID().slice(0, 8)}`;
  const adminUrl = new URL(process.env.DATABASE_URL as string);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${databaseName}`;
  const redisPrefix = `newsgraph-test-${randomUUID().slice(0, 8)}:`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    NEWSGRAPH_SEED: "false",
    NEWSGRAPH_API_TOKEN: "",
    EXTRACTION_WORKERS: "0",
  };
  let replicaA: ServerProcess;
  let replicaB: ServerProcess;
  let worker: Worker;

  async function admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: adminUrl.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${databaseName}"`);
    // The first replica applies the migrations; the others start on a migrated database.
    replicaA = await startServerProcess({ ...env, WORKERS_IN_PROCESS: "0" });
    [replicaB, worker] = await Promise.all([
      startServerProcess({ ...env, WORKERS_IN_PROCESS: "0" }),
      startWorkerProcess({ ...env, WORKERS_IN_PROCESS: "1" }),
    ]);
  });

  afterAll(async () => {
    await Promise.allSettled([replicaA?.stop(), replicaB?.stop(), worker?.stop()]);
    await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  });

  it("runs a job submitted to A on the worker; B's subscribers hear it and B's next read shows it", async () => {
    expect(replicaA.output()).toMatch(/Ingest jobs: none run in this process/);
    const before = await frontPageTexts(replicaB.base);
    expect(before.count).toBe(0);

    // A subscriber of every stored article, on B, before anything is submitted.
    const listening = new AbortController();
    const stored = nextEvents<{ articleIngested: { slug: string; source: string } }>(
      await subscribe(
        fetch,
        replicaB.base,
        "subscription { articleIngested { slug source } }",
        {},
        listening.signal,
      ),
    );
    const firstStored = stored.next();

    const text = uniqueGermanArticle();
    const submitted = await fetch(`${replicaA.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `mutation($input: IngestArticlesInput!) { ingestArticles(input: $input) { job { id state } userErrors { code } } }`,
        variables: { input: { articles: [{ text, source: "Replicas" }] } },
      }),
    });
    const body = (await submitted.json()) as {
      data: { ingestArticles: { job: { id: string; state: string }; userErrors: unknown[] } };
    };
    expect(body.data.ingestArticles.userErrors).toEqual([]);
    const jobId = body.data.ingestArticles.job.id;

    // The job's progress, followed on B, ends with the job done by the worker.
    const progress = nextEvents<{ jobProgress: { state: string; done: number; total: number } }>(
      await subscribe(
        fetch,
        replicaB.base,
        `subscription($id: ID!) { jobProgress(id: $id) { state done total } }`,
        {
          id: jobId,
        },
      ),
    );
    const states: string[] = [];
    for await (const event of progress) {
      expect(event.errors).toBeUndefined();
      states.push(event.data?.jobProgress.state as string);
    }
    expect(states.at(-1)).toBe("COMPLETED");

    const heard = await firstStored;
    expect(heard.value?.data?.articleIngested.source).toBe("Replicas");
    listening.abort();

    // B answered the front page before; its next answer has the article (its cache was dropped).
    const after = await frontPageTexts(replicaB.base);
    expect(after.count).toBe(1);
    expect(after.slugs).toEqual([heard.value?.data?.articleIngested.slug]);
    expect(worker.output()).toMatch(/newsgraph worker: running 1 ingest job/);
  });
});
