import { describe, expect, it } from "vitest";
import { prisma } from "../../server/db.ts";
import type { AnnotationDocument } from "../../server/extract/types.ts";
import { ingestArticle } from "../../server/ingest/ingest.ts";
import { seedText } from "../helpers.ts";

// Rows are written as one array per column (bulk-insert.ts): every field must arrive as the
// extractor gave it, in its column's type.
describe("writing an annotation as rows", () => {
  it("stores every segment, mention, quote and event field as the annotation has it", async () => {
    const text = `${seedText}\n\nNachtrag ${Date.now()}.`;
    const { article } = await ingestArticle(prisma, { text, language: "de", publishedAt: "2023-10-14" });
    if (!article) throw new Error("not stored");
    const stored = await prisma.article.findUniqueOrThrow({
      where: { id: article.id },
      include: {
        segments: { orderBy: { position: "asc" } },
        mentions: true,
        quotes: { orderBy: { start: "asc" }, include: { events: true } },
        events: { orderBy: { evidenceStart: "asc" }, include: { participants: true } },
      },
    });
    const doc = stored.annotation as AnnotationDocument;
    expect(stored.segments.map(({ kind, start, end }) => ({ kind, start, end }))).toEqual(doc.segments);
    expect(stored.mentions).toHaveLength(doc.actors.reduce((sum, actor) => sum + actor.mentions.length, 0));

    const quotes = [...doc.quotes].sort((a, b) => a.start - b.start);
    expect(
      stored.quotes.map((quote) => [
        quote.kind,
        quote.text,
        quote.start,
        quote.end,
        quote.parts ?? undefined,
        quote.cueText,
        quote.speakerMentionText,
        quote.confidence,
      ]),
    ).toEqual(
      quotes.map((quote) => [
        quote.kind,
        quote.text,
        quote.start,
        quote.end,
        quote.parts,
        quote.cue?.text ?? null,
        quote.speakerMention?.text ?? null,
        quote.confidence,
      ]),
    );

    const events = [...doc.events].sort((a, b) => a.evidence.start - b.evidence.start);
    const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;
    expect(
      stored.events.map((event) => [
        event.cameo,
        event.triggerText,
        day(event.timeStart),
        day(event.timeEnd),
        event.timePrecision,
        event.modality,
        event.participants.length,
        event.confidence,
      ]),
    ).toEqual(
      events.map((event) => [
        event.cameo,
        event.trigger.text,
        event.time?.start ?? null,
        event.time?.end ?? null,
        event.time?.precision ?? null,
        event.modality,
        new Set(event.participants.map((p) => `${p.actor}:${p.role}`)).size,
        event.confidence,
      ]),
    );
    expect(stored.events.some((event) => event.timeStart)).toBe(true);
    expect(stored.quotes.some((quote) => quote.speakerId)).toBe(true);
  });
});
