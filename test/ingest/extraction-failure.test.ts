import { describe, expect, it } from "vitest";
import { prisma } from "../../server/db.ts";
import { contentHash, ingestArticle } from "../../server/ingest/ingest.ts";
import { uniqueGermanArticle } from "../helpers.ts";

// No text is known to break the extractor; a reader that fails stands in for one (or for a
// crashed extraction process), to show that the failure is a refusal and nothing is stored.
describe("an extraction that fails", () => {
  it("is refused as EXTRACTION_FAILED with one line of reason, and stores nothing", async () => {
    const text = uniqueGermanArticle();
    const result = await ingestArticle(
      prisma,
      { text, language: "de" },
      {
        annotate: async () => {
          throw new TypeError("Cannot read properties of undefined (reading 'start')\n    at finalize");
        },
      },
    );
    expect(result.article).toBeNull();
    expect(result.userErrors).toHaveLength(1);
    expect(result.userErrors[0]).toMatchObject({ field: ["text"], code: "EXTRACTION_FAILED" });
    expect(result.userErrors[0]?.message).toMatch(/reading 'start'/);
    expect(result.userErrors[0]?.message).not.toMatch(/\n/);
    expect(await prisma.article.count({ where: { contentHash: contentHash(text) } })).toBe(0);
  });
});
