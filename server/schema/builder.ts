import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import { GraphQLError, type GraphQLField, getNullableType, isListType } from "graphql";
import { DateResolver, DateTimeResolver, JSONResolver } from "graphql-scalars";
import { prisma } from "../db.ts";
import { env } from "../env.ts";
import type PrismaTypes from "../generated/pothos-types.ts";
import { getDatamodel } from "../generated/pothos-types.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Our ids are UUIDs: anything else is refused with a message rather than a database error. */
export function decodeGlobalID(globalID: string): { typename: string; id: string } {
  const [typename, id] = Buffer.from(globalID, "base64").toString("utf8").split(":");
  if (!typename || !id || !UUID.test(id)) {
    throw new GraphQLError(`"${globalID}" is not a newsgraph ID: use an \`id\` the API returned.`, {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return { typename, id };
}

async function nullWhenMissing<T>(lookup: T | Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if ((error as { code?: string }).code === "P2025") return null;
    throw error;
  }
}

/** Items of list arguments, inside input objects too (ids, modality…): each is work to do. */
function listItems(value: unknown): number {
  if (Array.isArray(value))
    return value.length + value.reduce((sum: number, item) => sum + listItems(item), 0);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.values(value).reduce((sum: number, item) => sum + listItems(item), 0);
  }
  return 0;
}

/**
 * Nested connections multiply (api.md): a connection's children count `first` (or `last`, else
 * the default page) times; its own edges/nodes lists then add nothing more. `nodes(ids:)` counts
 * its children once per ID (more than MAX_NODE_IDS are refused anyway); other lists count 10.
 * Every item of a list argument adds to the field's own cost.
 */
function connectionAwareComplexity(
  args: Record<string, unknown>,
  _context: Context,
  field: GraphQLField<unknown, Context, Record<string, unknown>>,
): { field: number; multiplier: number } {
  if (Array.isArray(args.ids)) return { field: 1, multiplier: Math.min(args.ids.length, MAX_NODE_IDS) };
  const own = 1 + listItems(args);
  if (field.args.some((arg) => arg.name === "first")) {
    const size = [args.first, args.last].find((value) => typeof value === "number") as number | undefined;
    return { field: own, multiplier: Math.max(1, Math.min(size ?? PAGE_SIZE.default, PAGE_SIZE.max)) };
  }
  const listed = isListType(getNullableType(field.type));
  const insideConnection = field.name === "edges" || field.name === "nodes";
  return { field: own, multiplier: listed && !insideConnection ? 10 : 1 };
}

export type Context = {
  /** True when the request may run mutations (no API token is set, or it sent the right one). */
  canWrite: boolean;
};

/** Connections give `first`/`last` 1..100, 20 when not asked. */
export const PAGE_SIZE = { default: 20, max: 100 } as const;

/** `nodes(ids:)` takes at most this many IDs. */
export const MAX_NODE_IDS = 100;

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [ComplexityPlugin, RelayPlugin, PrismaPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeTypeOptions: {
      description: "An object with a global, opaque ID: fetch any of them with `node(id:)`.",
    },
    pageInfoTypeOptions: { description: "Where a page of a connection sits in the whole list." },
    // A well-formed ID of a deleted or unknown object gives null, not an error.
    nodeQueryOptions: {
      description: "Fetches any object by its global ID; null when there is none.",
      resolve: (_root, { id }, _context, _info, resolveNode) => nullWhenMissing(resolveNode(id)),
    },
    // nodes.ts defines `nodes(ids:)`: it counts the IDs before decoding any.
    nodesQueryOptions: false,
    defaultConnectionTypeOptions: { description: "A page of a list, with its cursors." },
    defaultEdgeTypeOptions: { description: "One item of a page and its cursor." },
    nodesOnConnection: { description: "The page's items, without their cursors." },
    idFieldOptions: { description: "Global, opaque ID: pass it to `node(id:)` or to filters." },
    cursorFieldOptions: { description: "Pass to `after`/`before` to page from this item." },
    nodeFieldOptions: { description: "The item." },
    edgesFieldOptions: { description: "The page's items with their cursors." },
    pageInfoFieldOptions: { description: "Where this page sits in the whole list." },
    hasNextPageFieldOptions: { description: "More items follow this page." },
    hasPreviousPageFieldOptions: { description: "More items come before this page." },
    startCursorFieldOptions: { description: "Cursor of the page's first item." },
    endCursorFieldOptions: { description: "Cursor of the page's last item." },
    firstArgOptions: {
      description: "Take this many from the start (1..100, default 20; larger is cut to 100).",
    },
    lastArgOptions: { description: "Take this many from the end (1..100)." },
    afterArgOptions: { description: "Start after this cursor." },
    beforeArgOptions: { description: "End before this cursor." },
    decodeGlobalID,
  },
  complexity: {
    fieldComplexity: connectionAwareComplexity,
    limit: { complexity: 20_000, depth: 12, breadth: 400 },
    complexityError: (kind, result) => {
      const measure = kind.toLowerCase() as "complexity" | "depth" | "breadth";
      const limit = result[`max${kind}` as "maxComplexity" | "maxDepth" | "maxBreadth"];
      return new GraphQLError(
        `The query's ${measure} is ${result[measure]}, over the limit of ${limit}: ask for smaller pages (first) or fewer nested lists.`,
        { extensions: { code: "QUERY_TOO_COMPLEX" } },
      );
    },
  },
  prisma: {
    client: prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: env.production ? null : "warn",
  },
});

builder.addScalarType("Date", DateResolver, { description: "A calendar day, YYYY-MM-DD." });
builder.addScalarType("DateTime", DateTimeResolver, { description: "An instant, ISO 8601 with time zone." });
builder.addScalarType("JSON", JSONResolver, { description: "Any JSON value." });

builder.queryType({ description: "Reads: articles and the actors, quotes and events read from them." });
builder.mutationType({
  description: "Writes: ingest or delete articles (need the API token when one is set).",
});
