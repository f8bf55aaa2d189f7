import { readFileSync } from "node:fs";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { manifestPath } from "../../client/scripts/persisted.ts";
import { onSqlStatement, sqlStatementCount } from "../../server/db.ts";
import { invalidateCachedResponses, responseCacheStatus } from "../../server/http/response-cache.ts";
import { createTestClient, uniqueGermanArticle } from "../helpers.ts";

const { app, gql } = createTestClient();
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, string>;

/** The bare hash of the reader's persisted operation with this name. */
function hashOf(operationName: string): string {
  const id = Object.keys(manifest).find((key) =>
    parse(manifest[key] as string).definitions.some(
      (definition) => definition.kind === "OperationDefinition" && definition.name?.value === operationName,
    ),
  );
  if (!id) throw new Error(`${operationName} is not in the manifest`);
  return id.replace(/^sha256:/, "");
}

/** The URL the reader GETs for a persisted query. */
function readerUrl(operationName: string, variables: Record<string, unknown>): string {
  const extensions = { persistedQuery: { version: 1, sha256Hash: hashOf(operationName) } };
  const search = new URLSearchParams({
    operationName,
    variables: JSON.stringify(variables),
    extensions: JSON.stringify(extensions),
  });
  return `http://localhost/graphql?${search}`;
}

async function readerGet(operationName: string, variables: Record<string, unknown>, headers = {}) {
  const before = sqlStatementCount();
  const response = await app.fetch(readerUrl(operationName, variables), {
    headers: { accept: "application/graphql-response+json", ...headers },
  });
  const body = await response.text();
  return { response, body, statements: sqlStatementCount() - before };
}

// Dated after every other test's article, so that it heads the front page whatever else is stored.
async function ingest(): Promise<string> {
  const created = await gql<{ ingestArticle: { article: { slug: string } } }>(
    `mutation($text: String!) { ingestArticle(input: { text: $text, language: "de", publishedAt: "2099-12-31" }) { article { slug } } }`,
    { text: uniqueGermanArticle() },
  );
  expect(created.errors).toBeUndefined();
  return created.data?.ingestArticle.article.slug as string;
}

describe("the response cache (the reader's persisted GETs)", () => {
  it("answers the same question from memory, with the same body and no SQL", async () => {
    const slug = await ingest();
    const first = await readerGet("Article", { slug });
    expect(first.response.status).toBe(200);
    expect(first.statements).toBeGreaterThan(0);
    const hitsBefore = responseCacheStatus().hits;
    const second = await readerGet("Article", { slug });
    expect(second.response.status).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.statements).toBe(0);
    expect(responseCacheStatus().hits).toBe(hitsBefore + 1);
    expect(second.response.headers.get("etag")).toBe(first.response.headers.get("etag"));
    expect(second.response.headers.get("content-type")).toContain("application/graphql-response+json");
    // Other variables are another question.
    const other = await readerGet("Article", { slug: `${slug}-nope` });
    expect(other.statements).toBeGreaterThan(0);
    expect(other.body).not.toBe(first.body);
  });

  it("gives an ETag and Cache-Control: no-cache, and answers If-None-Match with 304", async () => {
    const first = await readerGet("ArticleList", { first: 3 });
    const etag = first.response.headers.get("etag");
    expect(etag).toMatch(/^"\d+-[0-9a-f]{64}"$/);
    expect(first.response.headers.get("cache-control")).toBe("no-cache");
    const revalidated = await readerGet("ArticleList", { first: 3 }, { "if-none-match": etag });
    expect(revalidated.response.status).toBe(304);
    expect(revalidated.body).toBe("");
    expect(revalidated.statements).toBe(0);
    expect(revalidated.response.headers.get("etag")).toBe(etag);
    expect(revalidated.response.headers.get("cache-control")).toBe("no-cache");
  });

  it("forgets everything after an ingest: the list shows the new article, the old ETag is stale", async () => {
    const before = await readerGet("ArticleList", { first: 5 });
    const etag = before.response.headers.get("etag") as string;
    const cached = await readerGet("ArticleList", { first: 5 });
    expect(cached.statements).toBe(0);

    const slug = await ingest();
    const after = await readerGet("ArticleList", { first: 5 });
    expect(after.statements).toBeGreaterThan(0);
    expect(after.body).toContain(slug);
    const count = (body: string) =>
      (JSON.parse(body) as { data: { articles: { totalCount: number } } }).data.articles.totalCount;
    // Other test files may add articles meanwhile: at least this one more.
    expect(count(after.body)).toBeGreaterThan(count(before.body));
    expect(after.response.headers.get("etag")).not.toBe(etag);
    const stale = await readerGet("ArticleList", { first: 5 }, { "if-none-match": etag });
    expect(stale.response.status).toBe(200);
    expect(stale.body).toBe(after.body);
  });

  it("forgets after a delete too, but not after a refused write", async () => {
    const slug = await ingest();
    const article = await readerGet("Article", { slug });
    const id = (JSON.parse(article.body) as { data: { article: { id: string } } }).data.article.id;
    expect((await readerGet("Article", { slug })).statements).toBe(0);

    const refused = await gql<{ ingestArticle: { userErrors: unknown[] } }>(
      `mutation { ingestArticle(input: { text: "   " }) { userErrors { code } } }`,
    );
    expect(refused.data?.ingestArticle.userErrors.length).toBeGreaterThan(0);
    expect((await readerGet("Article", { slug })).statements).toBe(0);

    const deleted = await gql<{ deleteArticle: { deletedArticleId: string | null } }>(
      "mutation($id: ID!) { deleteArticle(input: { id: $id }) { deletedArticleId } }",
      { id },
    );
    expect(deleted.data?.deleteArticle.deletedArticleId).toBe(id);
    const gone = await readerGet("Article", { slug });
    expect(gone.statements).toBeGreaterThan(0);
    expect(JSON.parse(gone.body)).toMatchObject({ data: { article: null } });
  });

  it("never caches an error", async () => {
    const missesBefore = responseCacheStatus().misses;
    for (let round = 0; round < 2; round += 1) {
      // The persisted Article query needs $slug.
      const failed = await readerGet("Article", {});
      expect(failed.response.status).toBe(400);
      expect(JSON.parse(failed.body).errors.length).toBeGreaterThan(0);
      expect(failed.response.headers.get("etag")).toBeNull();
      expect(failed.response.headers.get("cache-control")).toBe("no-store");
    }
    expect(responseCacheStatus().misses).toBe(missesBefore + 2);
  });

  it("does not cache POSTs, nor GETs with a query of their own", async () => {
    const query = "query Count { articles(first: 1) { totalCount } }";
    for (let round = 0; round < 2; round += 1) {
      const before = sqlStatementCount();
      const posted = await gql(query);
      expect(posted.errors).toBeUndefined();
      expect(sqlStatementCount() - before).toBeGreaterThan(0);

      const got = await app.fetch(`http://localhost/graphql?${new URLSearchParams({ query })}`, {
        headers: { accept: "application/graphql-response+json" },
      });
      expect(got.status).toBe(200);
      expect(got.headers.get("etag")).toBeNull();
      expect(got.headers.get("cache-control")).toBe("no-store");
    }
    // A known id with a query beside it runs the query: not cached under the id.
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf("ArticleList") } });
    for (let round = 0; round < 2; round += 1) {
      const before = sqlStatementCount();
      const mixed = await app.fetch(
        `http://localhost/graphql?${new URLSearchParams({ query, extensions })}`,
        {
          headers: { accept: "application/graphql-response+json" },
        },
      );
      expect(mixed.status).toBe(200);
      expect(sqlStatementCount() - before).toBeGreaterThan(0);
    }
  });

  it("does not keep an answer read before a write that landed while it was being read", async () => {
    const slug = await ingest();
    // The write lands (here: its invalidation) while the read's SQL runs.
    const stop = onSqlStatement(() => {
      stop();
      invalidateCachedResponses();
    });
    const during = await readerGet("Article", { slug });
    stop();
    expect(during.response.status).toBe(200);
    // Neither served again nor confirmed by its ETag: it may predate the write.
    const revalidated = await readerGet(
      "Article",
      { slug },
      { "if-none-match": during.response.headers.get("etag") as string },
    );
    expect(revalidated.response.status).toBe(200);
    const after = await readerGet("Article", { slug });
    expect(after.statements).toBe(0);
  });
});
