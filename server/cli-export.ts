// npm run export -- quotes|events|actors [--format csv|jsonl] [filters…] > file
// npm run export -- network [filters…] > network.graphml
// npm run export -- annotation --article SLUG > article.json
// The same exports as GET /export/…, without the per-request row cap (--limit sets one).
import { once } from "node:events";
import type { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { describeError } from "./database/outage.ts";

const FILTERS = [
  "article",
  "speaker",
  "actor",
  "role",
  "kind",
  "language",
  "publishedFrom",
  "publishedTo",
  "cameoRoot",
  "modality",
  "from",
  "to",
  "minConfidence",
  "name",
] as const;

const FORMATS: Record<string, string[]> = {
  quotes: ["csv", "jsonl"],
  events: ["csv", "jsonl"],
  actors: ["csv", "jsonl"],
  network: ["graphml"],
  annotation: ["json"],
};

const USAGE = `Usage: npm run --silent export -- quotes|events|actors|network|annotation [--format FORMAT] [--limit N] [--FILTER VALUE …] > FILE
  formats: quotes, events, actors: csv (default) or jsonl; network: graphml; annotation: json
  filters (as the HTTP export's query parameters): ${FILTERS.map((name) => `--${name}`).join(" ")}
  e.g. npm run --silent export -- quotes --format csv --language de --publishedFrom 2023-01-01 > quotes.csv`;

type Parsed = { dataset: string; format: string; limit: number | undefined; filters: [string, string][] };

function parse(args: string[]): Parsed | string {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: "string" },
        limit: { type: "string" },
        ...Object.fromEntries(FILTERS.map((name) => [name, { type: "string" as const }])),
      },
    });
  } catch (error) {
    return describeError(error);
  }
  const [dataset = "", ...rest] = parsed.positionals;
  const formats = FORMATS[dataset];
  if (!formats || rest.length) return `Choose one export: ${Object.keys(FORMATS).join(", ")}.`;
  const {
    format = formats[0] ?? "",
    limit,
    ...filters
  } = parsed.values as Record<string, string | undefined>;
  if (!formats.includes(format)) return `${dataset} exports as ${formats.join(" or ")}, not ${format}.`;
  const rows = limit === undefined ? undefined : Number(limit);
  if (rows !== undefined && !(Number.isInteger(rows) && rows > 0))
    return `--limit ${limit} is not a positive whole number.`;
  const given = Object.entries(filters).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { dataset, format, limit: rows, filters: given };
}

/** Writes every chunk, waiting whenever the reader (a file, a pipe) is behind. */
async function writeAll(chunks: AsyncIterable<string>, out: Writable): Promise<number> {
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, "drain");
  }
  return bytes;
}

export async function runExport(args: string[]): Promise<number> {
  const parsed = parse(args);
  if (typeof parsed === "string") {
    console.error(`${parsed}\n${USAGE}`);
    return 1;
  }
  // The process log writes to stdout, which carries the export here: the CLI reports on stderr.
  const { logger } = await import("./log.ts");
  logger.level = "silent";
  // The database opens only now, so that usage errors answer at once.
  const { closeDatabase, connectionString, prisma } = await import("./db.ts");
  const { applyMigrations } = await import("../prisma/engine.ts");
  const { prepareExport } = await import("./export/exports.ts");
  const { ExportError } = await import("./export/errors.ts");
  try {
    await applyMigrations(connectionString);
    const started = performance.now();
    const prepared = await prepareExport(prisma, `${parsed.dataset}.${parsed.format}`, parsed.filters, {
      maxRows: parsed.limit,
    });
    const bytes = await writeAll(prepared.body, process.stdout);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.error(
      `Exported ${parsed.dataset} (${(bytes / 1e6).toFixed(1)} MB ${parsed.format}) in ${seconds} s.`,
    );
    return 0;
  } catch (error) {
    console.error(
      error instanceof ExportError ? `${error.code}: ${error.message}` : `Stopped: ${describeError(error)}`,
    );
    return 1;
  } finally {
    await closeDatabase();
  }
}
