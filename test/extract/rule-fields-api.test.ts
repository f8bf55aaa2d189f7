import { describe, expect, it } from "vitest";
import { prisma } from "../../server/db.ts";
import type { AnnotationDocument } from "../../server/extract/types.ts";
import { ingestArticle } from "../../server/ingest/ingest.ts";
import { createTestClient } from "../helpers.ts";

// The rule fields travel end to end: annotation → rows → GraphQL.
describe("rule fields in the database and the API", () => {
  it("stores and serves the rule of every quote, speaker, event and participant", async () => {
    const text = `Berlin bekräftigt Hilfe (${Date.now()})
„Wir werden die Ukraine weiter unterstützen“, sagte Bundeskanzler Olaf Scholz am Montag in Berlin.
Russland griff am Dienstag die Stadt Charkiw mit Raketen an, teilte die ukrainische Armee mit.`;
    const { article } = await ingestArticle(prisma, { text, language: "de", publishedAt: "2024-03-05" });
    if (!article) throw new Error("not stored");
    const stored = await prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    const doc = stored.annotation as AnnotationDocument;
    expect(doc.quotes.length).toBeGreaterThan(0);

    const client = createTestClient();
    const result = await client.gql<{
      article: {
        quotes: { nodes: { start: number; rule: string | null; speakerRule: string | null }[] };
        events: { nodes: { rule: string | null; participants: { role: string; rule: string | null }[] }[] };
      };
    }>(
      `query Rules($slug: String!) { article(slug: $slug) {
        quotes(first: 50) { nodes { start rule speakerRule } }
        events(first: 50) { nodes { rule participants { role rule } } } } }`,
      { slug: article.slug },
    );
    expect(result.errors).toBeUndefined();
    const quotes = result.data?.article.quotes.nodes ?? [];
    expect(quotes.map((q) => [q.start, q.rule, q.speakerRule]).sort()).toEqual(
      doc.quotes.map((q) => [q.start, q.rule, q.speakerRule ?? null]).sort(),
    );
    const events = result.data?.article.events.nodes ?? [];
    expect(events.map((e) => e.rule).sort()).toEqual(doc.events.map((e) => e.rule).sort());
    expect(events.flatMap((e) => e.participants.map((p) => p.rule)).sort()).toEqual(
      doc.events.flatMap((e) => e.participants.map((p) => p.rule ?? null)).sort(),
    );
  });
});
