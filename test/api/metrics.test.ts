import { readFileSync } from "node:fs";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { manifestPath } from "../../client/scripts/persisted.ts";
import { createApp } from "../../server/app.ts";
import { createTestClient } from "../helpers.ts";

const { app, gql } = createTestClient();
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, string>;

function articleListUrl(): string {
  const id = Object.keys(manifest).find((key) => /query ArticleList\b/.test(manifest[key] as string));
  if (!id) throw new Error("ArticleList is not in the manifest");
  parse(manifest[id] as string);
  const extensions = { persistedQuery: { version: 1, sha256Hash: id.replace(/^sha256:/, "") } };
  return `http://localhost/graphql?${new URLSearchParams({
    operationName: "ArticleList",
    variables: JSON.stringify({ first: 2 }),
    extensions: JSON.stringify(extensions),
  })}`;
}

async function scrape(from = app, headers: Record<string, string> = {}) {
  const response = await from.fetch("http://localhost/metrics", { headers });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

/** The value of one sample, e.g. `name{label="x"}`, in the Prometheus text. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((row) => row.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("/metrics", () => {
  it("times the reader's operations by name and every other operation as 'other'", async () => {
    const first = await app.fetch(articleListUrl(), {
      headers: { accept: "application/graphql-response+json" },
    });
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag") as string;
    expect((await app.fetch(articleListUrl(), { headers: { "if-none-match": etag } })).status).toBe(304);
    const made = await gql("query AttackerChosenName123 { articles(first: 1) { totalCount } }");
    expect(made.errors).toBeUndefined();

    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toContain("text/plain");
    const count = (labels: string) =>
      sample(text, `newsgraph_graphql_request_duration_seconds_count{${labels}}`);
    expect(count('operation="ArticleList",status="200"')).toBeGreaterThanOrEqual(1);
    expect(count('operation="ArticleList",status="304"')).toBeGreaterThanOrEqual(1);
    expect(count('operation="other",status="200"')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain("AttackerChosenName123");
    const operations = new Set([...text.matchAll(/operation="([^"]*)"/g)].map((match) => match[1]));
    const persistedNames = Object.values(manifest).flatMap((document) =>
      [...document.matchAll(/^(?:query|mutation|subscription) (\w+)/gm)].map((match) => match[1]),
    );
    for (const operation of operations) expect([...persistedNames, "other"]).toContain(operation);
  });

  it("reports the database pool, the extraction pool, the response cache and the process", async () => {
    await app.fetch(articleListUrl());
    await app.fetch(articleListUrl());
    const { text } = await scrape();
    expect(sample(text, "newsgraph_db_pool_connections")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "newsgraph_db_pool_idle_connections")).toBeGreaterThanOrEqual(0);
    expect(sample(text, "newsgraph_db_pool_waiting_requests")).toBe(0);
    expect(sample(text, "newsgraph_extraction_queue_depth")).toBe(0);
    expect(text).toContain("# TYPE newsgraph_extraction_duration_seconds histogram");
    expect(sample(text, 'newsgraph_response_cache_requests_total{result="hit"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'newsgraph_response_cache_requests_total{result="miss"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, "newsgraph_response_cache_entries")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "newsgraph_response_cache_bytes")).toBeGreaterThan(0);
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("is public unless METRICS_TOKEN is set, then needs it as a bearer token", async () => {
    const guarded = createApp({ apiToken: undefined, production: false, metricsToken: "scrape-secret" });
    expect((await scrape(guarded)).status).toBe(401);
    expect((await scrape(guarded, { authorization: "Bearer wrong-secret" })).status).toBe(401);
    const allowed = await scrape(guarded, { authorization: "Bearer scrape-secret" });
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain("newsgraph_graphql_request_duration_seconds");
  });
});
