// Every export by name and format, for the HTTP routes and the command line alike: the filters
// it takes, its media type, its file name and its body as a stream of text chunks.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { actorsExport } from "./actors.ts";
import { annotationJson } from "./annotation.ts";
import { csvLines } from "./csv.ts";
import { ExportError } from "./errors.ts";
import { eventsExport } from "./events.ts";
import { type ExportFilter, type FilterName, parseFilter } from "./filters.ts";
import { graphml } from "./graphml.ts";
import { jsonLines } from "./jsonl.ts";
import { edgeBatches, networkExceeds, networkFilters, nodeBatches } from "./network.ts";
import { quotesExport } from "./quotes.ts";
import { countUpTo, type TableExport, tableBatches } from "./table.ts";

export const MEDIA_TYPES = {
  csv: "text/csv; charset=utf-8; header=present",
  jsonl: "application/jsonl; charset=utf-8",
  graphml: "application/graphml+xml; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

export type ExportFormat = keyof typeof MEDIA_TYPES;

export type PreparedExport = {
  mediaType: string;
  filename: string;
  /** True when the filter selects more rows than `maxRows` (the body stops there). */
  truncated: boolean;
  body: AsyncGenerator<string>;
};

export type ExportOptions = { maxRows?: number; signal?: AbortSignal };

// biome-ignore lint/suspicious/noExplicitAny: each table has its own row type, used only inside it
const TABLES: Record<string, TableExport<any>> = {
  quotes: quotesExport,
  events: eventsExport,
  actors: actorsExport,
};

/** The exports as `name.format`: what the HTTP routes and the CLI offer. */
export const EXPORT_NAMES = [
  ...Object.keys(TABLES).flatMap((name) => [`${name}.csv`, `${name}.jsonl`]),
  "network.graphml",
  "annotation.json",
];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

async function tableExport<Row>(
  prisma: PrismaClient,
  table: TableExport<Row>,
  format: ExportFormat,
  filter: ExportFilter,
  { maxRows = Number.POSITIVE_INFINITY, signal }: ExportOptions,
): Promise<PreparedExport> {
  const truncated =
    Number.isFinite(maxRows) && (await countUpTo(prisma, table, filter, maxRows + 1)) > maxRows;
  const batches = tableBatches(prisma, table, filter, { maxRows, signal });
  return {
    mediaType: MEDIA_TYPES[format],
    filename: `newsgraph-${table.name}-${today()}.${format}`,
    truncated,
    body: format === "csv" ? csvLines(table.columns, batches) : jsonLines(table.json, batches),
  };
}

function unknownExport(name: string): ExportError {
  return new ExportError(
    "UNKNOWN_EXPORT",
    `There is no export "${name}": choose one of ${EXPORT_NAMES.join(", ")}.`,
    404,
  );
}

/** Checks the parameters and makes the export's body; nothing is read until the body is. */
export async function prepareExport(
  prisma: PrismaClient,
  name: string,
  params: Iterable<[string, string]>,
  options: ExportOptions = {},
): Promise<PreparedExport> {
  if (!EXPORT_NAMES.includes(name)) throw unknownExport(name);
  const [dataset = "", format = ""] = name.split(".");
  const table = TABLES[dataset];
  if (table) {
    const filter = await parseFilter(prisma, params, table.filters);
    return tableExport(prisma, table, format as ExportFormat, filter, options);
  }
  if (dataset === "network") {
    const filter = await parseFilter(prisma, params, networkFilters);
    const batchOptions = { maxRows: options.maxRows ?? Number.POSITIVE_INFINITY, signal: options.signal };
    return {
      mediaType: MEDIA_TYPES.graphml,
      filename: `newsgraph-network-${today()}.graphml`,
      truncated:
        Number.isFinite(batchOptions.maxRows) && (await networkExceeds(prisma, filter, batchOptions.maxRows)),
      body: graphml(nodeBatches(prisma, filter, batchOptions), () =>
        edgeBatches(prisma, filter, batchOptions),
      ),
    };
  }
  const filter = await parseFilter(prisma, params, ["article"] satisfies FilterName[]);
  if (!filter.article) {
    throw new ExportError("BAD_EXPORT_FILTER", "annotation.json needs an article: ?article=<ID or slug>.");
  }
  const { slug, json } = await annotationJson(prisma, filter.article);
  return {
    mediaType: MEDIA_TYPES.json,
    filename: `${slug}.annotation.json`,
    truncated: false,
    body: (async function* () {
      yield json;
    })(),
  };
}
