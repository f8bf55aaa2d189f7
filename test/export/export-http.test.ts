import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { DOMParser } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cameoLabel } from "../../server/cameo.ts";
import { prisma } from "../../server/db.ts";
import { ingestArticle } from "../../server/ingest/ingest.ts";
import { createTestClient, seedText } from "../helpers.ts";

const { app, gql } = createTestClient();

type Article = { id: string; slug: string };
let article: Article;
let english: Article;

type ApiQuote = {
  id: string;
  kind: string;
  text: string;
  start: number;
  end: number;
  speaker: { id: string; name: string } | null;
};
type ApiEvent = { id: string; cameo: string; participants: { role: string; actor: { name: string } }[] };

async function ingest(text: string, extra: Record<string, string>): Promise<Article> {
  const result = await ingestArticle(prisma, { text, ...extra });
  expect(result.userErrors).toEqual([]);
  const stored = result.article as { id: string; slug: string };
  return { id: Buffer.from(`Article:${stored.id}`).toString("base64"), slug: stored.slug };
}

async function get(path: string) {
  return app.fetch(`http://localhost${path}`);
}

function csvRows(body: string): Record<string, string>[] {
  return parse(body, { columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];
}

beforeAll(async () => {
  // The seed text with a tag of its own: an article with many quotes and events no other test touches.
  const tag = randomUUID().slice(0, 8);
  article = await ingest(`${seedText}\n\nMeldung ${tag}.`, {
    language: "de",
    publishedAt: "2023-10-14",
    url: `https://example.org/export-${tag}`,
    title: `Export-Test ${tag}`,
  });
  english = await ingest(
    `President Joe Biden met Chancellor Olaf Scholz in Berlin on Monday (${tag}). "We stand with Ukraine," Biden said. Scholz said Germany would send more air defence systems.`,
    { language: "en", publishedAt: "2024-02-05" },
  );
});

async function apiQuotes(articleId: string): Promise<ApiQuote[]> {
  const { data } = await gql<{ node: { quotes: { nodes: ApiQuote[] } } }>(
    `query($id: ID!) { node(id: $id) { ... on Article { quotes(first: 100) { nodes { id kind text start end speaker { id name } } } } } }`,
    { id: articleId },
  );
  return data?.node.quotes.nodes ?? [];
}

describe("GET /export/quotes.csv", () => {
  it("streams an article's quotes as RFC 4180 CSV with the API's values, and names the file", async () => {
    const response = await get(`/export/quotes.csv?article=${encodeURIComponent(article.id)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="newsgraph-quotes-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get("x-export-truncated")).toBe("false");
    const body = await response.text();
    expect(body.split("\r\n")[0]).toBe(
      "quote_id,speaker_name,speaker_wikidata_id,speaker_kind,speaker_id,speaker_mention,text,kind,start,end,cue,addressee,via,confidence,origin,article_id,article_slug,article_title,published_at,language,source,url",
    );
    const rows = csvRows(body);
    const quotes = await apiQuotes(article.id);
    expect(quotes.length).toBeGreaterThan(3);
    // Text order within the article, as the API lists them.
    expect(rows.map((row) => row.quote_id)).toEqual(quotes.map((quote) => quote.id));
    for (const [index, quote] of quotes.entries()) {
      const row = rows[index] as Record<string, string>;
      expect(row.text).toBe(quote.text);
      expect(row.kind).toBe(quote.kind);
      expect([Number(row.start), Number(row.end)]).toEqual([quote.start, quote.end]);
      expect(row.speaker_name).toBe(quote.speaker?.name ?? "");
      expect(row.speaker_id).toBe(quote.speaker?.id ?? "");
      expect(row.origin).toBe("EXTRACTOR");
      expect(row.article_slug).toBe(article.slug);
      expect(row.published_at).toBe("2023-10-14");
      expect(row.url).toMatch(/^https:\/\/example\.org\/export-/);
    }
  });

  it("takes the API's filters: article by slug, speaker, kind, language, dates", async () => {
    const quotes = await apiQuotes(article.id);
    const speaker = quotes.find((quote) => quote.speaker)?.speaker as { id: string; name: string };
    const bySpeaker = csvRows(
      await (
        await get(`/export/quotes.csv?article=${article.slug}&speaker=${encodeURIComponent(speaker.id)}`)
      ).text(),
    );
    expect(bySpeaker.map((row) => row.quote_id)).toEqual(
      quotes.filter((quote) => quote.speaker?.id === speaker.id).map((quote) => quote.id),
    );
    const direct = csvRows(
      await (await get(`/export/quotes.csv?article=${article.slug}&kind=direct`)).text(),
    );
    expect(direct.length).toBe(quotes.filter((quote) => quote.kind === "DIRECT").length);

    const englishRows = csvRows(
      await (
        await get("/export/quotes.csv?language=en&publishedFrom=2024-02-05&publishedTo=2024-02-05")
      ).text(),
    );
    expect(englishRows.some((row) => row.article_slug === english.slug)).toBe(true);
    expect(englishRows.every((row) => row.language === "en" && row.published_at === "2024-02-05")).toBe(true);
  });

  it("refuses a misspelt or bad filter, an unknown export and a missing article with a coded error", async () => {
    const misspelt = await get("/export/quotes.csv?speeker=x");
    expect(misspelt.status).toBe(400);
    expect(await misspelt.json()).toMatchObject({
      errors: [
        {
          extensions: { code: "BAD_EXPORT_FILTER" },
          message: expect.stringMatching(/Unknown filter "speeker"/),
        },
      ],
    });
    const badDate = await get("/export/quotes.csv?publishedFrom=14.10.2023");
    expect(badDate.status).toBe(400);
    const badKind = await get("/export/events.csv?cameoRoot=4");
    expect((await badKind.json()).errors[0].extensions.code).toBe("BAD_EXPORT_FILTER");
    const unknown = await get("/export/mentions.csv");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).errors[0].extensions.code).toBe("UNKNOWN_EXPORT");
    const missing = await get("/export/quotes.csv?article=no-such-article");
    expect(missing.status).toBe(404);
    expect((await missing.json()).errors[0].extensions.code).toBe("NOT_FOUND");
    const post = await app.fetch("http://localhost/export/quotes.csv", { method: "POST" });
    expect(post.status).toBe(405);
  });

  it("stops at the row cap and says so in a header", async () => {
    const capped = createTestClient().app;
    const small = (await import("../../server/app.ts")).createApp({
      apiToken: undefined,
      production: false,
      exportMaxRows: 2,
    });
    const response = await small.fetch(`http://localhost/export/quotes.csv?article=${article.slug}`);
    expect(response.headers.get("x-export-row-cap")).toBe("2");
    expect(response.headers.get("x-export-truncated")).toBe("true");
    expect(csvRows(await response.text())).toHaveLength(2);
    const all = await capped.fetch(`http://localhost/export/quotes.csv?article=${article.slug}`);
    expect(all.headers.get("x-export-truncated")).toBe("false");
  });
});

describe("GET /export/quotes.jsonl and events, actors", () => {
  it("gives one JSON object per line with speaker, article and origin", async () => {
    const response = await get(`/export/quotes.jsonl?article=${article.slug}`);
    expect(response.headers.get("content-type")).toBe("application/jsonl; charset=utf-8");
    const lines = (await response.text()).split("\n");
    expect(lines.pop()).toBe("");
    const quotes = await apiQuotes(article.id);
    const objects = lines.map((line) => JSON.parse(line));
    expect(objects.map((object) => object.id)).toEqual(quotes.map((quote) => quote.id));
    expect(objects[0]).toMatchObject({
      origin: "EXTRACTOR",
      article: { id: article.id, slug: article.slug, publishedAt: "2023-10-14", language: "de" },
    });
  });

  it("exports events with CAMEO code and label, roles, modality, attribution and time", async () => {
    const { data } = await gql<{ node: { events: { nodes: ApiEvent[] } } }>(
      `query($id: ID!) { node(id: $id) { ... on Article { events(first: 100) { nodes { id cameo participants { role actor { name } } } } } } }`,
      { id: article.id },
    );
    const events = data?.node.events.nodes ?? [];
    expect(events.length).toBeGreaterThan(2);
    const rows = csvRows(await (await get(`/export/events.csv?article=${article.slug}`)).text());
    expect(new Set(rows.map((row) => row.event_id))).toEqual(new Set(events.map((event) => event.id)));
    for (const row of rows) {
      const event = events.find((candidate) => candidate.id === row.event_id) as ApiEvent;
      expect(row.cameo_code).toBe(event.cameo);
      expect(row.cameo_label).toBe(cameoLabel(event.cameo));
      const agents = event.participants.filter((p) => p.role === "AGENT").map((p) => p.actor.name);
      for (const name of agents) expect(row.agents).toContain(name);
      expect(row.modality).toMatch(/^[A-Z]+$/);
    }
    const root = events[0]?.cameo.slice(0, 2) as string;
    const rooted = (
      await (await get(`/export/events.jsonl?article=${article.slug}&cameoRoot=${root}`)).text()
    )
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(rooted.length).toBe(events.filter((event) => event.cameo.startsWith(root)).length);
    expect(rooted[0]).toMatchObject({ cameoLabel: cameoLabel(root), origin: "EXTRACTOR" });
    expect(rooted[0].participants[0]).toEqual(
      expect.objectContaining({ name: expect.any(String), role: expect.any(String) }),
    );
  });

  it("exports the actors of an article with their counts", async () => {
    const rows = csvRows(await (await get(`/export/actors.csv?article=${article.slug}&kind=PERSON`)).text());
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(row.kind).toBe("PERSON");
      expect(Number(row.mentions)).toBeGreaterThan(0);
      expect(Number(row.articles)).toBeGreaterThan(0);
    }
  });
});

describe("GET /export/network.graphml and annotation.json", () => {
  it("gives the article's actors as nodes and weighted co-participation edges", async () => {
    const response = await get(`/export/network.graphml?article=${article.slug}`);
    expect(response.headers.get("content-type")).toBe("application/graphml+xml; charset=utf-8");
    const xml = new DOMParser().parseFromString(await response.text(), "text/xml");
    const nodes = [...xml.querySelectorAll("node")];
    const edges = [...xml.querySelectorAll("edge")];
    expect(nodes.length).toBeGreaterThan(1);
    expect(edges.length).toBeGreaterThan(0);
    const ids = new Set(nodes.map((node) => node.getAttribute("id")));
    for (const edge of edges) {
      expect(ids.has(edge.getAttribute("source"))).toBe(true);
      expect(ids.has(edge.getAttribute("target"))).toBe(true);
      const weight = Number(edge.querySelector('data[key="weight"]')?.textContent);
      const events = Number(edge.querySelector('data[key="events"]')?.textContent);
      const quotes = Number(edge.querySelector('data[key="quotes"]')?.textContent);
      expect(weight).toBe(events + quotes);
      expect(weight).toBeGreaterThan(0);
    }
    // Two actors of one event are linked.
    const [event] = await prisma.event
      .findMany({
        where: { article: { slug: article.slug }, participants: { some: {} } },
        include: { participants: true },
        orderBy: { evidenceStart: "asc" },
      })
      .then((found) =>
        found.filter((candidate) => new Set(candidate.participants.map((p) => p.actorId)).size > 1),
      );
    if (event) {
      const [first, second] = [...new Set(event.participants.map((p) => p.actorId))].sort();
      const link = edges.find(
        (edge) =>
          edge.getAttribute("source") === Buffer.from(`Actor:${first}`).toString("base64") &&
          edge.getAttribute("target") === Buffer.from(`Actor:${second}`).toString("base64"),
      );
      expect(Number(link?.querySelector('data[key="events"]')?.textContent)).toBeGreaterThan(0);
    }
  });

  it("gives an article's stored AnnotationDocument", async () => {
    const response = await get(`/export/annotation.json?article=${encodeURIComponent(article.id)}`);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${article.slug}.annotation.json"`,
    );
    const exported = await response.json();
    const { data } = await gql<{ node: { annotation: unknown } }>(
      `query($id: ID!) { node(id: $id) { ... on Article { annotation } } }`,
      { id: article.id },
    );
    expect(exported).toEqual(data?.node.annotation);
    expect((await get("/export/annotation.json")).status).toBe(400);
  });
});

afterAll(async () => {
  await prisma.$disconnect();
});
