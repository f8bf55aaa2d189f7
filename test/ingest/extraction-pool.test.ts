import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "../../server/db.ts";
import { extract } from "../../server/extract/index.ts";
import {
  createExtractionPool,
  ExtractionFailure,
  type ExtractionPool,
  IngestBusyError,
} from "../../server/ingest/extraction-pool.ts";
import { inEmbeddedPass, seedText, uniqueGermanArticle } from "../helpers.ts";

const embeddedPass = await inEmbeddedPass("the extraction pool tests");

// Real child processes: the pool is what keeps extraction off the API's thread.
const pools: ExtractionPool[] = [];
function pool(options: { workers?: number; queueSize?: number; timeoutMs?: number } = {}) {
  const created = createExtractionPool({ workers: 1, queueSize: 4, timeoutMs: 60_000, ...options });
  pools.push(created);
  return created;
}
afterAll(() => Promise.all(pools.map((each) => each.close())));

describe.skipIf(!embeddedPass)("the extraction pool", () => {
  it("reads a document in a child process exactly as extract() does here", async () => {
    const options = { language: "de", publishedAt: "2023-10-14" };
    expect(await pool().extract(seedText, options)).toEqual(extract(seedText, options));
  });

  it("passes the extractor's refusals on with their codes", async () => {
    const refusal = await pool()
      .extract("   ", {})
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ name: "ExtractionError", code: "EMPTY_TEXT" });
  });

  it("refuses at once with INGEST_BUSY when its queue is full", async () => {
    const small = pool({ queueSize: 1 });
    await small.extract(seedText, {}); // the worker is up and idle
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => small.extract(seedText, {})));
    const refused = results.filter((result) => result.status === "rejected");
    // One runs, one waits; the other two are refused, not queued.
    expect(refused).toHaveLength(2);
    for (const result of refused) {
      expect(result.reason).toBeInstanceOf(IngestBusyError);
      expect((result.reason as IngestBusyError).code).toBe("INGEST_BUSY");
    }
    expect(small.status()).toMatchObject({ busy: 0, queued: 0 });
  });

  it("stops a document over its time budget, and the next document is read by a fresh worker", async () => {
    const workers = pool();
    await workers.extract(seedText, {});
    const late = await workers.extract(seedText.repeat(10), {}, 1).catch((error: unknown) => error);
    expect(late).toBeInstanceOf(ExtractionFailure);
    expect((late as ExtractionFailure).code).toBe("EXTRACTION_TIMEOUT");
    // The killed worker's replacement reads the next document.
    const doc = await workers.extract(seedText, { language: "de" });
    expect(doc.quotes.length).toBeGreaterThan(0);
    expect(workers.status()).toMatchObject({ workers: 1, busy: 0, queued: 0 });
  });

  it("ingests an article whole in a worker: the rows are stored there, the caller gets the article", async () => {
    const text = uniqueGermanArticle("Ingest im Arbeitsprozess.");
    const workers = pool();
    const result = await workers.ingest({ text, language: "de", publishedAt: "2023-10-14" });
    expect(result.userErrors).toEqual([]);
    expect(result).toMatchObject({ created: true, article: { text, language: "de" } });
    expect(result.article?.publishedAt).toBeInstanceOf(Date);
    const doc = extract(text, { language: "de", publishedAt: "2023-10-14" });
    const articleId = result.article?.id as string;
    expect(await prisma.quote.count({ where: { articleId } })).toBe(doc.quotes.length);
    expect(await prisma.event.count({ where: { articleId } })).toBe(doc.events.length);
    expect(await prisma.mention.count({ where: { articleId } })).toBe(
      doc.actors.reduce((sum, actor) => sum + actor.mentions.length, 0),
    );
    // The same text again is the same article.
    expect(await workers.ingest({ text })).toMatchObject({ created: false, article: { id: articleId } });
  });

  it("holds the reading of an ingest to the time budget and stores nothing then", async () => {
    const text = uniqueGermanArticle("Zu lang gelesen.").repeat(20);
    const late = await pool({ timeoutMs: 1 })
      .ingest({ text })
      .catch((error: unknown) => error);
    expect(late).toMatchObject({ name: "ExtractionFailure", code: "EXTRACTION_TIMEOUT" });
    expect(await prisma.article.count({ where: { text } })).toBe(0);
  });
});
