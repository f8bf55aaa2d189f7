import { afterAll, describe, expect, it } from "vitest";
import { inEmbeddedPass } from "./helpers.ts";
import { embeddedServers, startServerProcess } from "./server-process.ts";

const embeddedPass = await inEmbeddedPass("the npm start tests");

// `npm start` as a user runs it on a fresh machine: no DATABASE_URL, so the embedded
// PostgreSQL under a data folder, seeded on first start and kept across restarts.
const servers = embeddedServers("newsgraph-start-");
const startServer = servers.start;

afterAll(() => servers.cleanUp());

async function articleCount(base: string): Promise<{ total: number; quotes: number; speakers: number }> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: "{ articles { totalCount nodes { quotes(first: 50) { nodes { speaker { name } } } } } }",
    }),
  });
  const body = (await response.json()) as {
    data: {
      articles: {
        totalCount: number;
        nodes: { quotes: { nodes: { speaker: { name: string } | null }[] } }[];
      };
    };
  };
  const quotes = body.data.articles.nodes.flatMap((article) => article.quotes.nodes);
  return {
    total: body.data.articles.totalCount,
    quotes: quotes.length,
    speakers: quotes.filter((q) => q.speaker).length,
  };
}

describe.skipIf(!embeddedPass)("npm start without DATABASE_URL", () => {
  it("serves the seed article on the embedded database, and keeps it across a restart", async () => {
    const first = await startServer();
    console.log(`fresh start: ready in ${first.seconds} s`);
    expect((await fetch(`${first.base}/healthz`)).status).toBe(200);
    expect((await fetch(`${first.base}/readyz`)).status).toBe(200);
    const seeded = await articleCount(first.base);
    expect(seeded.total).toBe(1);
    expect(seeded.speakers).toBeGreaterThanOrEqual(2);
    const page = await fetch(`${first.base}/`);
    expect(await page.text()).toContain("newsgraph");
    const playground = await fetch(`${first.base}/graphql`, { headers: { accept: "text/html" } });
    expect(await playground.text()).toContain("newsgraph playground");
    await first.stop();

    const second = await startServer();
    console.log(`warm start: ready in ${second.seconds} s`);
    expect(second.output()).not.toContain("Ingested");
    expect((await articleCount(second.base)).total).toBe(1);
    await second.stop();
  }, 180_000);
});

describe.skipIf(!embeddedPass)("npm start with an unreachable DATABASE_URL", () => {
  it("retries with backoff, saying why, then stops with a message that says what to do", async () => {
    const env = {
      ...process.env,
      DATABASE_URL: "postgresql://postgres@127.0.0.1:9/none",
      DATABASE_START_RETRIES: "2",
    };
    const failure = await startServerProcess(env).then(
      () => new Error("npm start came up without its database"),
      (error: Error) => error,
    );
    expect(failure.message).toMatch(/exited with [1-9]/);
    expect(failure.message).toMatch(
      /Waiting for the database \(cannot reach 127\.0\.0\.1:9\): retry 1 of 2 in 0\.5 s/,
    );
    expect(failure.message).toMatch(/retry 2 of 2 in 1 s/);
    expect(failure.message).not.toMatch(/retry 3/);
    expect(failure.message).toMatch(/Cannot prepare the database[\s\S]*unset DATABASE_URL/);
  }, 60_000);
});
