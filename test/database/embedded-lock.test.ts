import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inEmbeddedPass, uniqueGermanArticle } from "../helpers.ts";
import { embeddedServers, isRunning, type ServerProcess } from "../server-process.ts";

const embeddedPass = await inEmbeddedPass("the data folder lock tests");

// Two `npm start` on one embedded data folder used to both write to it and lose articles:
// the folder is locked, a second start refuses, and a lock left by a killed process is taken over.
const servers = embeddedServers("newsgraph-lock-", { NEWSGRAPH_SEED: "false" });
const { dataDir } = servers;
const startServer = servers.start;

afterAll(() => servers.cleanUp());

async function gql<T>(base: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function ingest(base: string): Promise<string> {
  const data = await gql<{ ingestArticle: { article: { slug: string } | null } }>(
    base,
    "mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { article { slug } } }",
    { input: { text: uniqueGermanArticle(), language: "de", title: "Lock test" } },
  );
  const slug = data.ingestArticle.article?.slug;
  if (!slug) throw new Error("ingest refused the article");
  return slug;
}

async function storedArticle(base: string, slug: string) {
  const data = await gql<{
    article: { actors: { totalCount: number }; quotes: { totalCount: number } } | null;
  }>(
    base,
    "query ($slug: String!) { article(slug: $slug) { actors { totalCount } quotes { totalCount } } }",
    {
      slug,
    },
  );
  return data.article;
}

async function waitUntilDead(pid: number): Promise<void> {
  for (let tries = 0; isRunning(pid); tries++) {
    if (tries > 100) throw new Error(`process ${pid} still runs 5 s after SIGKILL`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!embeddedPass)("the embedded database's data folder", () => {
  let first: ServerProcess;
  let slug: string;

  it("refuses a second npm start on the same folder, naming the process that holds it", async () => {
    first = await startServer();
    slug = await ingest(first.base);

    const refusal = await startServer().then(
      (second) => `second start succeeded on ${second.base}`,
      (error: Error) => error.message,
    );
    expect(refusal).toMatch(/exited with [1-9]/);
    expect(refusal).toContain(`process ${first.serverPid}`);
    expect(refusal).toContain(dataDir);

    // The first server was not disturbed.
    const article = await storedArticle(first.base, slug);
    expect(article?.actors.totalCount).toBeGreaterThan(0);
    expect(article?.quotes.totalCount).toBeGreaterThan(0);
  }, 120_000);

  it("is taken over after its holder was killed, with the holder's data intact", async () => {
    first.kill();
    await waitUntilDead(first.serverPid);

    const next = await startServer();
    expect(next.output()).toContain(`process ${first.serverPid}`);
    const article = await storedArticle(next.base, slug);
    expect(article?.actors.totalCount).toBeGreaterThan(0);
    expect(article?.quotes.totalCount).toBeGreaterThan(0);
    const lock = readFileSync(join(dataDir, "newsgraph.lock"), "utf8");
    expect(JSON.parse(lock)).toMatchObject({ pid: next.serverPid });

    await next.stop();
    expect(existsSync(join(dataDir, "newsgraph.lock"))).toBe(false);
  }, 120_000);
});
