import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";
import { DateResolver, DateTimeResolver, JSONResolver } from "graphql-scalars";
import { prisma } from "../db.ts";
import { env } from "../env.ts";
import type PrismaTypes from "../generated/pothos-types.ts";
import { getDatamodel } from "../generated/pothos-types.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Context = {
  /** True when the request may run mutations (no API token is set, or it sent the right one). */
  canWrite: boolean;
};

/** Connections give `first`/`last` 1..100, 20 when not asked. */
export const PAGE_SIZE = { default: 20, max: 100 } as const;

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
    nodeQueryOptions: { description: "Fetches any object by its global ID." },
    nodesQueryOptions: { description: "Fetches several objects by their global IDs, in the order given." },
    defaultConnectionTypeOptions: { description: "A page of a list, with its cursors." },
    defaultEdgeTypeOptions: { description: "One item of a page and its cursor." },
    // Our ids are UUIDs: refuse anything else with a message rather than a database error.
    decodeGlobalID: (globalID) => {
      const [typename, id] = Buffer.from(globalID, "base64").toString("utf8").split(":");
      if (!typename || !id || !UUID.test(id)) {
        throw new GraphQLError(`"${globalID}" is not a newsgraph ID: use an \`id\` the API returned.`, {
          extensions: { code: "BAD_USER_INPUT" },
        });
      }
      return { typename, id };
    },
  },
  complexity: {
    // Nested connections multiply: a field's children count `first` times (see api.md).
    defaultListMultiplier: 10,
    limit: { complexity: 20_000, depth: 12, breadth: 300 },
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
