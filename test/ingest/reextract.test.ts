import { describe, expect, it } from "vitest";
import { prisma } from "../../server/db.ts";
import { EXTRACTOR } from "../../server/extract/index.ts";
import { ingestArticle, reextractOutdated } from "../../server/ingest/ingest.ts";
import { uniqueGermanArticle } from "../helpers.ts";

describe("re-extraction", () => {
  it("re-reads articles stored by an older extractor and keeps their ids", async () => {
    const { article } = await ingestArticle(prisma, { text: uniqueGermanArticle(), language: "de" });
    const id = article?.id as string;
    const quotesBefore = await prisma.quote.count({ where: { articleId: id } });
    expect(quotesBefore).toBeGreaterThan(0);
    // As if an older extractor had stored it, with less found.
    await prisma.quote.deleteMany({ where: { articleId: id } });
    await prisma.article.update({ where: { id }, data: { extractorVersion: "0.0.1-old" } });

    const refreshed = await reextractOutdated(prisma);
    expect(refreshed).toBeGreaterThanOrEqual(1);
    const after = await prisma.article.findUniqueOrThrow({ where: { id } });
    expect(after.extractorVersion).toBe(EXTRACTOR.version);
    expect((after.annotation as { extractor: { version: string } }).extractor.version).toBe(
      EXTRACTOR.version,
    );
    expect(await prisma.quote.count({ where: { articleId: id } })).toBe(quotesBefore);
    expect(await reextractOutdated(prisma)).toBe(0);
  });
});
