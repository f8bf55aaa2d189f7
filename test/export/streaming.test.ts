import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";
import { onSqlStatement, prisma } from "../../server/db.ts";
import { actorsExport } from "../../server/export/actors.ts";
import { csvLines } from "../../server/export/csv.ts";
import { eventsExport } from "../../server/export/events.ts";
import { edgeBatches } from "../../server/export/network.ts";
import { quotesExport } from "../../server/export/quotes.ts";
import { type TableExport, tableBatches } from "../../server/export/table.ts";
import { ingestArticle } from "../../server/ingest/ingest.ts";
import { seedText } from "../helpers.ts";

let articleId: string;
const WANTED_QUOTES = 20_000;

beforeAll(async () => {
  const result = await ingestArticle(prisma, {
    text: `${seedText}\n\nStream ${randomUUID()}.`,
    language: "de",
  });
  articleId = result.article?.id as string;
});

afterAll(async () => {
  await prisma.article.deleteMany({ where: { id: articleId } });
  await prisma.$disconnect();
});

async function collect<Row>(batches: AsyncIterable<Row[]>): Promise<{ rows: Row[]; batches: number }> {
  const rows: Row[] = [];
  let count = 0;
  for await (const batch of batches) {
    rows.push(...batch);
    count += 1;
  }
  return { rows, batches: count };
}

describe("keyset batches", () => {
  it.each([
    ["quotes", quotesExport],
    ["events", eventsExport],
    ["actors", actorsExport],
  ] as [string, TableExport<{ id: string }>][])(
    "give the %s of one query, each once and in order, whatever the batch size",
    async (_name, table) => {
      const filter = { article: articleId };
      const whole = await collect(tableBatches(prisma, table, filter, { batchSize: 10_000 }));
      const small = await collect(tableBatches(prisma, table, filter, { batchSize: 3 }));
      expect(whole.rows.length).toBeGreaterThan(3);
      expect(small.rows.map((row) => row.id)).toEqual(whole.rows.map((row) => row.id));
      expect(small.batches).toBe(Math.ceil(whole.rows.length / 3));
      const capped = await collect(tableBatches(prisma, table, filter, { batchSize: 3, maxRows: 5 }));
      expect(capped.rows.map((row) => row.id)).toEqual(whole.rows.slice(0, 5).map((row) => row.id));
    },
  );

  it("walk the network's edges the same way", async () => {
    const whole = await collect(edgeBatches(prisma, { article: articleId }, { batchSize: 10_000 }));
    const small = await collect(edgeBatches(prisma, { article: articleId }, { batchSize: 2 }));
    expect(whole.rows.length).toBeGreaterThan(1);
    expect(small.rows).toEqual(whole.rows);
  });
});

describe("CSV", () => {
  it("escapes quotes, commas, line breaks and edge spaces as RFC 4180 says, and round-trips", async () => {
    const tricky = ['He said "no", then left', "two\nlines", "  padded ", "Ümlaut, ß; 😀", "=1+1", ""];
    async function* one() {
      yield tricky.map((text, index) => ({ text, index }));
    }
    const columns = [
      { header: "index", value: (row: { index: number }) => row.index },
      { header: "text", value: (row: { text: string }) => row.text },
    ];
    let body = "";
    for await (const chunk of csvLines(columns, one())) body += chunk;
    expect(body).toContain('"He said ""no"", then left"');
    expect(body.endsWith("\r\n")).toBe(true);
    const rows = parse(body, { columns: true }) as { index: string; text: string }[];
    expect(rows.map((row) => row.text)).toEqual(tricky);
  });
});

describe("an export whose client leaves", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    // Many quotes quickly: copies of the article's own, in its own rows (deleted with it).
    const own = await prisma.quote.count({ where: { articleId } });
    const copies = Math.ceil(WANTED_QUOTES / own);
    await prisma.$executeRaw`
      INSERT INTO "Quote" (id, "articleId", "localId", kind, text, start, "end", confidence, "speakerId")
      SELECT gen_random_uuid(), "articleId", "localId" || '-copy' || copy, kind, text, start, "end", confidence, "speakerId"
        FROM "Quote", generate_series(1, ${copies}::int) AS copy
       WHERE "articleId" = ${articleId}::uuid`;
    server = createServer(createApp({ apiToken: undefined, production: false }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("reads batch by batch as the client reads, and stops when the client aborts", async () => {
    const total = await prisma.quote.count({ where: { articleId } });
    expect(total).toBeGreaterThanOrEqual(WANTED_QUOTES);
    let batchStatements = 0;
    const stopListening = onSqlStatement((sql) => {
      if (/FROM "Quote" q/.test(sql) && /ORDER BY/.test(sql)) batchStatements += 1;
    });
    try {
      const aborter = new AbortController();
      const response = await fetch(`${base}/export/quotes.jsonl?article=${articleId}`, {
        signal: aborter.signal,
      });
      expect(response.status).toBe(200);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      aborter.abort();
      await reader.cancel().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const afterAbort = batchStatements;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // Not the whole table (one statement per 1,000 rows), and nothing more once the client left.
      expect(afterAbort).toBeLessThan(Math.ceil(total / 1_000));
      expect(batchStatements).toBe(afterAbort);
    } finally {
      stopListening();
    }
    // The same export, read to its end, has every row.
    const all = await fetch(`${base}/export/quotes.jsonl?article=${articleId}`);
    const lines = (await all.text()).trim().split("\n");
    expect(lines).toHaveLength(total);
    expect(new Set(lines.map((line) => JSON.parse(line).id)).size).toBe(total);
  });
});
