import { describe, expect, it } from "vitest";
import { prisma } from "../../server/db.ts";
import { ingestArticle } from "../../server/ingest/ingest.ts";
import { uniqueGermanArticle } from "../helpers.ts";

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
