import { beforeAll, describe, expect, it } from "vitest";
import { prisma, sqlStatementCount } from "../../server/db.ts";
import { createTestClient, seedText, uniqueGermanArticle } from "../helpers.ts";

const { gql, app } = createTestClient();

const INGEST = `mutation Ingest($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    created
    userErrors { field message code }
    article { id slug title url source language publishedAt text extractorVersion }
  }
}`;

type IngestData = {
  ingestArticle: {
    created: boolean;
    userErrors: { field: string[]; message: string; code: string }[];
    article: {
      id: string;
      slug: string;
      title: string | null;
      url: string | null;
      source: string | null;
      language: string;
      publishedAt: string | null;
      text: string;
    } | null;
  };
};

async function ingest(input: Record<string, unknown>) {
  const response = await gql<IngestData>(INGEST, { input });
  expect(response.errors).toBeUndefined();
  return (response.data as IngestData).ingestArticle;
}

describe("ingestArticle", () => {
  it("stores the text exactly as given and reads it", async () => {
    const text = `  ${uniqueGermanArticle()}\r\n\r\nEin zweiter Absatz. 😀 `;
    const result = await ingest({ text, language: "de", publishedAt: "2024-03-05", source: "Test" });
    expect(result.userErrors).toEqual([]);
    expect(result.created).toBe(true);
    expect(result.article?.text).toBe(text);
    expect(result.article?.language).toBe("de");
    expect(result.article?.publishedAt).toBe("2024-03-05");
  });

  it("gives the same article for the same text, filling in metadata it lacked", async () => {
    const text = uniqueGermanArticle();
    const first = await ingest({ text });
    const second = await ingest({
      text,
      title: "Scholz in Paris",
      url: "https://example.org/scholz",
      publishedAt: "2024-03-05",
    });
    expect(second.created).toBe(false);
    expect(second.article?.id).toBe(first.article?.id);
    expect(second.article?.title).toBe("Scholz in Paris");
    expect(second.article?.url).toBe("https://example.org/scholz");
    expect(second.article?.publishedAt).toBe("2024-03-05");
    const third = await ingest({ text, title: "Another title" });
    expect(third.article?.title).toBe("Scholz in Paris");
  });

  it.each([
    ["empty text", { text: "   \n " }, "text", "EMPTY_TEXT"],
    ["text over 1 MB", { text: "Wort ".repeat(210_000) }, "text", "TEXT_TOO_LARGE"],
    [
      "an unsupported language",
      { text: uniqueGermanArticle(), language: "fr" },
      "language",
      "UNSUPPORTED_LANGUAGE",
    ],
    ["a bad date", { text: uniqueGermanArticle(), publishedAt: "14.10.2023" }, "publishedAt", "INVALID_DATE"],
    [
      "an impossible date",
      { text: uniqueGermanArticle(), publishedAt: "2023-02-30" },
      "publishedAt",
      "INVALID_DATE",
    ],
    ["a NUL character", { text: `${uniqueGermanArticle()}\u0000` }, "text", "INVALID_TEXT"],
    ["UTF-8 read as Latin-1", { text: "Die MÃ¤nner sagten, es sei schÃ¶n gewesen." }, "text", "INVALID_TEXT"],
    ["a bad URL", { text: uniqueGermanArticle(), url: "not a url" }, "url", "INVALID_URL"],
  ])("refuses %s with a userError, storing nothing", async (_name, input, field, code) => {
    const before = await prisma.article.count();
    const result = await ingest(input);
    expect(result.article).toBeNull();
    expect(result.userErrors).toHaveLength(1);
    expect(result.userErrors[0]).toMatchObject({ field: [field], code });
    expect(result.userErrors[0]?.message.length).toBeGreaterThan(20);
    expect(await prisma.article.count()).toBe(before);
  });

  it("refuses text in a language it does not read, detected from the text", async () => {
    const result = await ingest({
      text: "Le président de la République a déclaré mardi que le gouvernement allait présenter une nouvelle loi sur l'immigration au Parlement.",
    });
    expect(result.userErrors[0]?.code).toBe("UNSUPPORTED_LANGUAGE");
  });

  it("keeps one article when the same text arrives twice at once", async () => {
    const text = uniqueGermanArticle();
    const results = await Promise.all([ingest({ text }), ingest({ text })]);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    expect(results[0]?.article?.id).toBe(results[1]?.article?.id);
  });
});

describe("the API token", () => {
  const locked = createTestClient({ apiToken: "s3cret-token" });

  it("refuses mutations without it and allows reads", async () => {
    const refused = await locked.gql(INGEST, { input: { text: uniqueGermanArticle() } });
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const wrong = await locked.gql(
      INGEST,
      { input: { text: uniqueGermanArticle() } },
      { authorization: "Bearer nope" },
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const read = await locked.gql<{ articles: { totalCount: number } }>("{ articles { totalCount } }");
    expect(read.errors).toBeUndefined();
    expect(read.data?.articles.totalCount).toBeGreaterThanOrEqual(0);
  });

  it("accepts mutations with it", async () => {
    const accepted = await locked.gql<IngestData>(
      INGEST,
      { input: { text: uniqueGermanArticle() } },
      { authorization: "Bearer s3cret-token" },
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.ingestArticle.created).toBe(true);
  });
});

describe("reading the seed article", () => {
  let slug = "";
  let articleId = "";
  beforeAll(async () => {
    const result = await ingest({ text: seedText, language: "de", publishedAt: "2023-10-14" });
    slug = result.article?.slug ?? "";
    articleId = result.article?.id ?? "";
  });

  const READER = `query Reader($slug: String!) {
    article(slug: $slug) {
      id displayTitle text
      segments { kind start end }
      mentions { start end text form actor { id name kind } }
      actors(first: 100) { totalCount edges { description mentionCount node { id name kind wikidataId } } }
      quotes(first: 100) { totalCount nodes { id kind text start end cue { text } speaker { id name } via { name } confidence } }
      events(first: 100) { totalCount nodes { id cameo cameoLabel summary modality confidence
        time { start end precision direction span { text } }
        participants { role actor { id name } } attributedTo { name } quotes { id } } }
    }
  }`;

  type Reader = {
    article: {
      text: string;
      segments: { kind: string; start: number; end: number }[];
      mentions: { start: number; end: number; text: string; actor: { name: string; kind: string } }[];
      actors: { totalCount: number; edges: { node: { name: string; kind: string } }[] };
      quotes: {
        totalCount: number;
        nodes: { text: string; start: number; end: number; speaker: { name: string } | null }[];
      };
      events: { totalCount: number; nodes: { cameo: string; cameoLabel: string; participants: unknown[] }[] };
    } | null;
  };

  it("serves actors, attributed quotes and events with offsets into the stored text", async () => {
    const { data, errors } = await gql<Reader>(READER, { slug });
    expect(errors).toBeUndefined();
    const article = data?.article;
    expect(article?.text).toBe(seedText);
    for (const mention of article?.mentions ?? []) {
      expect(seedText.slice(mention.start, mention.end)).toBe(mention.text);
    }
    const names = article?.actors.edges.map((edge) => edge.node.name) ?? [];
    expect(names.length).toBeGreaterThanOrEqual(5);
    expect(article?.quotes.totalCount).toBeGreaterThanOrEqual(3);
    expect(article?.quotes.nodes.some((quote) => quote.speaker !== null)).toBe(true);
    expect(article?.events.totalCount).toBeGreaterThanOrEqual(1);
    // Segments cover the text with no gaps; the page junk at the end is not body.
    const segments = article?.segments ?? [];
    expect(segments[0]?.start).toBe(0);
    expect(segments.at(-1)?.end).toBe(seedText.length);
    for (let i = 1; i < segments.length; i++) expect(segments[i]?.start).toBe(segments[i - 1]?.end);
    const cookies = seedText.indexOf("We use Cookies.");
    expect(segments.find((s) => s.start <= cookies && cookies < s.end)?.kind).not.toBe("BODY");
  });

  it("runs the reader query in at most 2 SQL statements", async () => {
    await gql<Reader>(READER, { slug }); // warm: the first request may load the schema
    const before = sqlStatementCount();
    const { errors } = await gql<Reader>(READER, { slug });
    expect(errors).toBeUndefined();
    expect(sqlStatementCount() - before).toBeLessThanOrEqual(2);
  });

  it("finds objects by global ID with node and nodes", async () => {
    const { data } = await gql<{
      node: { id: string; slug: string } | null;
      nodes: ({ id: string } | null)[];
    }>(`query($id: ID!) { node(id: $id) { id ... on Article { slug } } nodes(ids: [$id, $id]) { id } }`, {
      id: articleId,
    });
    expect(data?.node).toEqual({ id: articleId, slug });
    expect(data?.nodes).toEqual([{ id: articleId }, { id: articleId }]);
  });

  it("answers an unknown or malformed ID without a server error", async () => {
    const missing = Buffer.from("Article:00000000-0000-0000-0000-000000000000").toString("base64");
    const { data, errors } = await gql<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id } }`, {
      id: missing,
    });
    expect(errors).toBeUndefined();
    expect(data?.node).toBeNull();
    const garbage = await gql(`{ node(id: "not-an-id") { id } }`);
    expect(garbage.errors?.[0]?.message).toMatch(/ID/);
    expect(garbage.errors?.[0]?.message).not.toMatch(/Unexpected error/);
  });

  it("filters quotes by article and events by participant role", async () => {
    const { data, errors } = await gql<{
      quotes: { totalCount: number };
      events: { nodes: { participants: { role: string; actor: { id: string } }[] }[] };
    }>(
      `query($article: ID!) {
        quotes(filter: { article: $article }) { totalCount }
        events(filter: { article: $article }, first: 50) { nodes { participants { role actor { id } } } }
      }`,
      { article: articleId },
    );
    expect(errors).toBeUndefined();
    expect(data?.quotes.totalCount).toBeGreaterThanOrEqual(3);
    const agent = data?.events.nodes.flatMap((event) => event.participants).find((p) => p.role === "AGENT");
    expect(agent).toBeDefined();
    const filtered = await gql<{
      events: { nodes: { participants: { role: string; actor: { id: string } }[] }[] };
    }>(
      `query($actor: ID!) { events(filter: { participant: { actor: $actor, role: AGENT } }) { nodes { participants { role actor { id } } } } }`,
      { actor: agent?.actor.id },
    );
    expect(filtered.data?.events.nodes.length).toBeGreaterThan(0);
    for (const event of filtered.data?.events.nodes ?? []) {
      expect(event.participants).toContainEqual({ role: "AGENT", actor: { id: agent?.actor.id } });
    }
  });

  it("searches articles with German stemming and highlights the match", async () => {
    const { data, errors } = await gql<{
      search: {
        articles: { snippet: string; highlights: { start: number; end: number }[]; node: { slug: string } }[];
      };
    }>(
      `{ search(query: "Waffenlieferung") { articles { snippet highlights { start end } node { slug } } } }`,
    );
    expect(errors).toBeUndefined();
    const hit = data?.search.articles.find((article) => article.node.slug === slug);
    expect(hit).toBeDefined();
    const first = hit?.highlights[0];
    expect(hit?.snippet.slice(first?.start, first?.end)).toMatch(/^Waffenlieferung/);
  });

  it("searches quotes and actors too", async () => {
    const { data, errors } = await gql<{
      search: {
        quotes: { snippet: string; node: { text: string } }[];
        actors: { snippet: string; node: { name: string } }[];
      };
    }>(
      `{ search(query: "beobachten") { quotes { snippet node { text } } actors { snippet node { name } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.search.quotes.some((hit) => hit.node.text.includes("beobachten"))).toBe(true);
    const actors = await gql<{
      search: { actors: { snippet: string; highlights: { start: number; end: number }[] }[] };
    }>(`{ search(query: "putin") { actors { snippet highlights { start end } } } }`);
    const hit = actors.data?.search.actors[0];
    expect(hit?.snippet.slice(hit.highlights[0]?.start, hit.highlights[0]?.end)).toBe("Putin");
    const wide = await gql(`{ search(query: "Putin", first: 20) {
      articles { snippet highlights { start end } node { slug displayTitle publishedAt } }
      actors { snippet node { name kind } }
      quotes { snippet node { kind text speaker { name } article { slug displayTitle } } } } }`);
    expect(wide.errors).toBeUndefined();
    const empty = await gql(`{ search(query: "   ") { actors { snippet } } }`);
    expect(empty.errors?.[0]?.message).toMatch(/empty/);
  });

  it("deletes an article with what was read from it", async () => {
    const created = await ingest({ text: uniqueGermanArticle() });
    const id = created.article?.id;
    const { data } = await gql<{ deleteArticle: { deletedArticleId: string | null } }>(
      `mutation($id: ID!) { deleteArticle(input: { id: $id }) { deletedArticleId userErrors { code } } }`,
      { id },
    );
    expect(data?.deleteArticle.deletedArticleId).toBe(id);
    const again = await gql<{ deleteArticle: { userErrors: { code: string }[] } }>(
      `mutation($id: ID!) { deleteArticle(input: { id: $id }) { deletedArticleId userErrors { code } } }`,
      { id },
    );
    expect(again.data?.deleteArticle.userErrors[0]?.code).toBe("NOT_FOUND");
  });
});

describe("GraphQL over HTTP", () => {
  it("answers a malformed query with 400 and a message", async () => {
    const response = await gql("{ articles { ");
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toMatch(/Syntax Error/);
  });

  it("refuses a request body far over the article limit without reading it", async () => {
    const response = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(5_000_000) },
      body: JSON.stringify({ query: INGEST, variables: { input: { text: "x".repeat(5_000_000) } } }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(
      /over 4 MB/,
    );
  });

  it("never runs a mutation over GET", async () => {
    const query = encodeURIComponent(`mutation { deleteArticle(input: { id: "x" }) { deletedArticleId } }`);
    const response = await app.fetch(`http://localhost/graphql?query=${query}`, {
      headers: { accept: "application/graphql-response+json" },
    });
    expect(response.status).toBe(405);
  });

  it("rejects a query nested too deep", async () => {
    const deep = `{ articles { nodes { actors { nodes { articles { nodes { actors { nodes { articles { nodes { actors { nodes { name } } } } } } } } } } } } }`;
    const response = await gql(deep);
    expect(response.errors?.[0]?.message).toMatch(/depth/i);
  });

  it("rejects nested connections whose pages multiply past the cost limit", async () => {
    const costly = `{ articles(first: 100) { nodes { actors(first: 100) { nodes { articles(first: 100) { nodes { slug } } } } } } }`;
    const response = await gql(costly);
    expect(response.errors?.[0]?.message).toMatch(/complexity is \d+, over the limit/);
    const modest = await gql(
      `{ articles(first: 5) { nodes { actors(first: 5) { nodes { articles(first: 5) { nodes { slug } } } } } } }`,
    );
    expect(modest.errors).toBeUndefined();
  });

  it("bounds page sizes: at most 100 items, and no negative sizes", async () => {
    for (let i = 0; i < 3; i++) await gql(INGEST, { input: { text: uniqueGermanArticle() } });
    const clamped = await gql<{ articles: { nodes: unknown[]; totalCount: number } }>(
      "{ articles(first: 1000) { totalCount nodes { id } } }",
    );
    expect(clamped.errors).toBeUndefined();
    expect(clamped.data?.articles.nodes.length).toBe(Math.min(100, clamped.data?.articles.totalCount ?? 0));
    const negative = await gql("{ articles(first: -1) { totalCount } }");
    expect(negative.errors?.[0]?.message).toMatch(/first/);
  });

  it("serves the playground offline on a browser GET, and health checks", async () => {
    const playground = await app.fetch("http://localhost/graphql", { headers: { accept: "text/html" } });
    expect(playground.status).toBe(200);
    const html = await playground.text();
    expect(html).toContain("newsgraph playground");
    expect(html).not.toMatch(/<script[^>]+src="https?:\/\//);
    expect((await app.fetch("http://localhost/healthz")).status).toBe(200);
    const ready = await app.fetch("http://localhost/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("serves the reader page", async () => {
    const page = await app.fetch("http://localhost/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("newsgraph");
  });
});
