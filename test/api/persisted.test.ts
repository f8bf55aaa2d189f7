import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import {
  formatManifest,
  generateManifest,
  type Manifest,
  manifestPath,
  persistedId,
} from "../../client/scripts/persisted.ts";
import { createApp } from "../../server/app.ts";
import { createTestClient, uniqueGermanArticle } from "../helpers.ts";

const { app, gql } = createTestClient();
const committed = readFileSync(manifestPath, "utf8");
const manifest = JSON.parse(committed) as Manifest;

/** The bare hash of the manifest's operation with this name, as the reader sends it. */
function hashOf(operationName: string): string {
  const id = Object.keys(manifest).find((key) =>
    parse(manifest[key] as string).definitions.some(
      (definition) => definition.kind === "OperationDefinition" && definition.name?.value === operationName,
    ),
  );
  if (!id) throw new Error(`${operationName} is not in ${manifestPath}`);
  return id.replace(/^sha256:/, "");
}

type Response = {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
};

async function send(
  method: "GET" | "POST",
  operationName: string,
  sha256Hash: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Response> {
  const params = { operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash } } };
  const accept = { accept: "application/graphql-response+json", ...headers };
  const response =
    method === "GET"
      ? await app.fetch(
          `http://localhost/graphql?${new URLSearchParams(
            Object.entries(params).map(([key, value]) => [
              key,
              typeof value === "string" ? value : JSON.stringify(value),
            ]),
          )}`,
          { headers: accept },
        )
      : await app.fetch("http://localhost/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", ...accept },
          body: JSON.stringify(params),
        });
  return { status: response.status, body: (await response.json()) as Response["body"] };
}

describe("the reader's persisted operations", () => {
  it("client/persisted-operations.json is current: regenerated from client/src, it is the same", () => {
    expect(formatManifest(generateManifest())).toBe(committed);
    for (const [id, document] of Object.entries(manifest)) expect(id).toBe(persistedId(document));
  });

  it("lists every operation the reader declares", () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? sources(join(dir, entry.name))
          : /\.tsx?$/.test(entry.name)
            ? [readFileSync(join(dir, entry.name), "utf8")]
            : [],
      );
    const declared = sources(fileURLToPath(new URL("../../client/src", import.meta.url))).flatMap((text) =>
      [...text.matchAll(/graphql\(\s*`\s*(?:query|mutation|subscription)\s+(\w+)/g)].map((match) => match[1]),
    );
    expect(declared.length).toBeGreaterThan(0);
    for (const name of declared) expect(() => hashOf(name as string), name).not.toThrow();
  });

  it("runs a mutation and queries sent by hash alone (POST and GET), as Graphcache would send them", async () => {
    const ingested = await send("POST", "IngestArticle", hashOf("IngestArticle"), {
      input: { text: uniqueGermanArticle(), language: "de" },
    });
    expect(ingested.body.errors).toBeUndefined();
    const payload = ingested.body.data?.ingestArticle as {
      created: boolean;
      article: { slug: string; __typename: string };
    };
    expect(payload.created).toBe(true);
    expect(payload.article.__typename).toBe("Article");
    const { slug } = payload.article;

    const article = await send("GET", "Article", hashOf("Article"), { slug });
    expect(article.status).toBe(200);
    expect(article.body.errors).toBeUndefined();
    const data = article.body.data?.article as { slug: string; __typename: string; quotes: unknown };
    expect(data.slug).toBe(slug);
    expect(data.__typename).toBe("Article");
    expect(data.quotes).toMatchObject({ __typename: "ArticleQuotesConnection" });

    for (const method of ["GET", "POST"] as const) {
      const list = await send(method, "ArticleList", hashOf("ArticleList"), { first: 5 });
      expect(list.status, method).toBe(200);
      expect(list.body.errors, method).toBeUndefined();
      const articles = list.body.data?.articles as { totalCount: number; nodes: { slug: string }[] };
      expect(articles.totalCount, method).toBeGreaterThan(0);
    }
  });

  it("accepts the id with its sha256: prefix too", async () => {
    const list = await send("POST", "FilterActors", `sha256:${hashOf("FilterActors")}`);
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data?.actors).toBeDefined();
  });

  it("never runs a persisted mutation from a GET", async () => {
    const response = await send("GET", "IngestArticle", hashOf("IngestArticle"), {
      input: { text: uniqueGermanArticle() },
    });
    expect(response.status).toBe(405);
    expect(response.body.data ?? null).toBeNull();
  });

  it("answers an unknown id with a clear error, not a 500", async () => {
    const unknown = "0".repeat(64);
    for (const method of ["GET", "POST"] as const) {
      const response = await send(method, "Article", unknown, { slug: "x" });
      expect(response.status, method).toBe(400);
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
      expect(response.body.errors?.[0]?.message).toContain(`no persisted operation has the id "${unknown}"`);
    }
  });

  it("reads a manifest that changed since it was loaded when an id is unknown (npm run dev)", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "newsgraph-manifest-")), "persisted-operations.json");
    const document = "query Count { articles(first: 1) { totalCount } }";
    writeFileSync(path, "{}\n");
    utimesSync(path, 1, 1);
    const fresh = createApp({ apiToken: undefined, production: false, persistedOperations: path });
    const count = () =>
      fresh.fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({
          extensions: { persistedQuery: { version: 1, sha256Hash: persistedId(document) } },
        }),
      });
    expect((await count()).status).toBe(400);
    writeFileSync(path, formatManifest({ [persistedId(document)]: document }));
    const body = (await (await count()).json()) as Response["body"];
    expect(body.errors).toBeUndefined();
    expect(body.data?.articles).toMatchObject({ __typename: "QueryArticlesConnection" });
  });

  it("asks for a query or an id when a request has neither", async () => {
    const response = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ variables: {} }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Response["body"];
    expect(body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_ID_REQUIRED");
  });

  it("still runs a plain query (the playground, curl and scripts send those)", async () => {
    const response = await gql<{ articles: { totalCount: number } }>("{ articles(first: 1) { totalCount } }");
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(typeof response.data?.articles.totalCount).toBe("number");
  });
});
