/**
 * npm run check:corpus: ingests every shared document (../shared/data/spkatt-train.jsonl) and
 * generated long texts (100–500 kB) through the batch code of `npm run ingest`, then the corpus
 * again (all already stored), and prints what happened with timings. Exit 1 on any failed document.
 * Into the database in DATABASE_URL (whose articles stay), or else a fresh embedded one in memory.
 */
import { readFileSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { generateText, type TextKind } from "../bench/generate-text.ts";
import { applyMigrations } from "../prisma/engine.ts";
import {
  type BatchItem,
  type BatchSummary,
  describeOutcome,
  describeSummary,
  ingestBatch,
  parseJsonLine,
} from "../server/cli-ingest.ts";
import { startEmbeddedPostgres } from "../server/database/embedded.ts";
import { describeError } from "../server/database/outage.ts";
import { env } from "../server/env.ts";
import { sharedData } from "../server/extract/eval/data.ts";
import { PrismaClient } from "../server/generated/prisma/client.ts";

const LONG_TEXTS: [TextKind, number][] = [
  ["news", 100_000],
  ["news", 250_000],
  ["news", 500_000],
  ["news-flat", 300_000],
  ["quotes", 200_000],
  ["quotes-repeated", 100_000],
  ["quotes-en", 200_000],
];

function corpusItems(corpus: string): BatchItem[] {
  return corpus
    .split("\n")
    .map((line, index) => parseJsonLine(line, index + 1))
    .filter((item): item is BatchItem => item !== null);
}

function longTextItems(): BatchItem[] {
  return LONG_TEXTS.map(([kind, bytes]) => ({
    id: `${kind} ${bytes / 1000} kB`,
    input: { text: generateText(kind, bytes), language: kind === "quotes-en" ? "en" : "de" },
  }));
}

/** Ingests `items` and prints the summary; `timeEach` prints every document's time too. */
async function run(
  prisma: PrismaClient,
  name: string,
  items: BatchItem[],
  timeEach = false,
): Promise<BatchSummary> {
  let since = performance.now();
  const summary = await ingestBatch(prisma, items, (outcome) => {
    const report = describeOutcome(outcome);
    const seconds = ((performance.now() - since) / 1000).toFixed(1);
    since = performance.now();
    if (report) console.log(`  ${report}`);
    else if (timeEach) console.log(`  ${outcome.id}: ${outcome.status} in ${seconds} s`);
  });
  console.log(
    `${name}: ${describeSummary(summary)} (${((1000 * summary.seconds) / items.length).toFixed(0)} ms each)`,
  );
  return summary;
}

async function main(): Promise<number> {
  const corpusPath = sharedData("spkatt-train.jsonl");
  if (!corpusPath) {
    console.error("../shared/data/spkatt-train.jsonl is not here: the corpus check needs it.");
    return 1;
  }
  const embedded = env.databaseUrl ? undefined : await startEmbeddedPostgres(undefined);
  const connectionString = env.databaseUrl ?? (embedded?.connectionString as string);
  console.log(embedded ? "Into a fresh embedded database (in memory)." : `Into ${connectionString}.`);
  await applyMigrations(connectionString);
  // One connection: the batch is sequential, and the embedded database serves one session anyway.
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 1 }) });
  try {
    const documents = corpusItems(readFileSync(corpusPath, "utf8"));
    const summaries = [
      await run(prisma, "shared corpus", documents),
      await run(prisma, "long texts", longTextItems(), true),
      await run(prisma, "shared corpus again", documents),
    ];
    const again = summaries[2] as BatchSummary;
    const failed = summaries.reduce((sum, summary) => sum + summary.failed, 0);
    if (again.created > 0) console.log("A re-run created articles: the content hash did not recognise them.");
    return failed > 0 || again.created > 0 ? 1 : 0;
  } finally {
    await prisma.$disconnect();
    await embedded?.stop();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`check:corpus stopped: ${describeError(error)}`);
    process.exit(1);
  });
