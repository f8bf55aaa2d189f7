import { describe, expect, it } from "vitest";
import { prisma } from "../../server/db.ts";
import { ingestArticle } from "../../server/ingest/ingest.ts";
import { createTestClient, uniqueGermanArticle } from "../helpers.ts";

// On the embedded database every connection shares one session: a read issued while an ingest
// holds its transaction must wait for it and then succeed, never hang or fail.
describe("reading while an article is ingested", () => {
  it("answers reads issued during a large ingest", async () => {
    const paragraphs = Array.from({ length: 150 }, () => uniqueGermanArticle()).join("\n\n");
    const before = await prisma.article.count();
    const ingesting = ingestArticle(prisma, { text: paragraphs, language: "de", publishedAt: "2024-03-05" });
    const reads = Array.from({ length: 5 }, () => prisma.article.count());
    const [result, ...counts] = await Promise.all([ingesting, ...reads]);
    expect(result.userErrors).toEqual([]);
    expect(result.created).toBe(true);
    for (const count of counts) expect(count).toBeGreaterThanOrEqual(before);
    expect(await prisma.article.count()).toBe(before + 1);
    const mentions = await prisma.mention.count({ where: { articleId: result.article?.id } });
    expect(mentions).toBeGreaterThan(150);
  });
});

const INGEST = `mutation Ingest($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    created
    userErrors { code }
    article { id slug title publishedAt }
  }
}`;

type IngestPayload = {
  created: boolean;
  userErrors: { code: string }[];
  article: { id: string; slug: string; title: string | null; publishedAt: string | null } | null;
};

// Every concurrent request must get a proper answer (never "Unexpected error."), and the article
// must end with exactly one annotation's rows.
describe("concurrent ingests of one text", () => {
  const { gql } = createTestClient();
  const ingestOverHttp = async (input: Record<string, unknown>) => {
    const response = await gql<{ ingestArticle: IngestPayload }>(INGEST, { input });
    expect(response.errors).toBeUndefined();
    return response.data?.ingestArticle as IngestPayload;
  };

  async function expectOneAnnotation(articleId: string) {
    const article = await prisma.article.findUniqueOrThrow({ where: { id: articleId } });
    const doc = article.annotation as { quotes: unknown[]; events: unknown[] };
    expect(await prisma.quote.count({ where: { articleId } })).toBe(doc.quotes.length);
    expect(await prisma.event.count({ where: { articleId } })).toBe(doc.events.length);
  }

  it("serialises 20 re-ingests that bring a new title and date", async () => {
    const text = uniqueGermanArticle();
    const first = await ingestOverHttp({ text, language: "de" });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        ingestOverHttp({
          text,
          title: `Titel ${index}`,
          publishedAt: `2024-03-${String(index + 1).padStart(2, "0")}`,
        }),
      ),
    );
    for (const result of results) {
      expect(result.userErrors).toEqual([]);
      expect(result.created).toBe(false);
      expect(result.article?.id).toBe(first.article?.id);
    }
    // Exactly one of them filled in the missing title and date, and every answer shows it.
    const stored = await prisma.article.findUniqueOrThrow({ where: { slug: first.article?.slug } });
    expect(new Set(results.map((result) => result.article?.title))).toEqual(new Set([stored.title]));
    await expectOneAnnotation(stored.id);
  });

  it("creates one article from 20 first ingests at once", async () => {
    const text = uniqueGermanArticle();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        ingestOverHttp({ text, language: "de", ...(index % 2 ? { publishedAt: "2024-03-05" } : {}) }),
      ),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.article?.id)).size).toBe(1);
    const stored = await prisma.article.findUniqueOrThrow({ where: { slug: results[0]?.article?.slug } });
    expect(stored.publishedAt?.toISOString().slice(0, 10)).toBe("2024-03-05");
    await expectOneAnnotation(stored.id);
  });
});
