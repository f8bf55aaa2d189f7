import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type BatchItem, type DocumentOutcome, ingestBatch, parseJsonLine } from "../../server/cli-ingest.ts";
import { prisma } from "../../server/db.ts";
import type { AnnotationDocument } from "../../server/extract/types.ts";
import { contentHash } from "../../server/ingest/ingest.ts";
import { onEmbeddedDatabase, sharedFile } from "../helpers.ts";

const SAMPLE_SIZE = 40;
// A heavy test: once per CI run, in the PostgreSQL pass.
const embedded = await onEmbeddedDatabase();
if (embedded)
  console.warn("Skipping the corpus sample on the embedded database: it runs in the PostgreSQL pass.");
const corpus = sharedFile("data/spkatt-train.jsonl");
const everFailed = (
  JSON.parse(readFileSync(new URL("../fixtures/ingest/failed-documents.json", import.meta.url), "utf8")) as {
    "spkatt-train.jsonl": { id: string }[];
  }
)["spkatt-train.jsonl"].map((entry) => entry.id);

// All of the corpus goes in by `npm run check:corpus`; here a sample spread over the file, plus
// every document that ever failed, through the same batch code as `npm run ingest -- --jsonl`.
describe.skipIf(!corpus || embedded)("the shared corpus", () => {
  it("ingests a sample and every document that ever failed, each stored or refused with a code", async () => {
    const items = (corpus as string)
      .split("\n")
      .map((line, index) => parseJsonLine(line, index + 1))
      .filter((item): item is BatchItem => item !== null);
    const ids = new Set(items.map((item) => item.id));
    expect(everFailed.filter((id) => !ids.has(id))).toEqual([]);
    const step = Math.floor(items.length / SAMPLE_SIZE);
    const sample = items.filter((item, index) => index % step === 0 || everFailed.includes(item.id));

    const outcomes: DocumentOutcome[] = [];
    const summary = await ingestBatch(prisma, sample, (outcome) => outcomes.push(outcome));
    expect(outcomes.filter((outcome) => outcome.status === "failed")).toEqual([]);
    expect(summary.documents).toBe(sample.length);
    expect(summary.created + summary.alreadyStored).toBeGreaterThan(sample.length * 0.9);

    // Where local actors were merged, every mention still has its one role row and actor.
    for (const item of sample.filter((entry) => everFailed.includes(entry.id))) {
      if (!("input" in item)) continue;
      const article = await prisma.article.findUniqueOrThrow({
        where: { contentHash: contentHash(item.input.text) },
        select: { id: true, annotation: true },
      });
      const doc = article.annotation as AnnotationDocument;
      const mentions = doc.actors.reduce((sum, actor) => sum + actor.mentions.length, 0);
      const roles = await prisma.articleActor.aggregate({
        where: { articleId: article.id },
        _sum: { mentionCount: true },
      });
      expect(roles._sum.mentionCount).toBe(mentions);
      expect(await prisma.mention.count({ where: { articleId: article.id } })).toBe(mentions);
    }
  });
});
