import { brandWithType } from "@pothos/core";
import { queryFromInfo } from "@pothos/plugin-prisma";
import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { prisma } from "../db.ts";
import { builder, decodeGlobalID, MAX_NODE_IDS } from "./builder.ts";

type Row = { id: string };
type Load = (query: object, ids: string[]) => Promise<Row[]>;

// Every node type, loading its rows for many IDs at once with the selection the query plans.
const loadByType: Record<string, Load> = {
  Article: (query, ids) => prisma.article.findMany({ ...query, where: { id: { in: ids } } }),
  Actor: (query, ids) => prisma.actor.findMany({ ...query, where: { id: { in: ids } } }),
  Quote: (query, ids) => prisma.quote.findMany({ ...query, where: { id: { in: ids } } }),
  Event: (query, ids) => prisma.event.findMany({ ...query, where: { id: { in: ids } } }),
};

/** A narrowed selection still needs the id, to put each row back in the order asked. */
function withId(query: { select?: object }): object {
  return query.select ? { ...query, select: { ...query.select, id: true } } : query;
}

/** One SQL statement per type asked for, whatever the number of IDs; null for an unknown ID. */
async function loadNodes(globalIDs: readonly string[], context: object, info: GraphQLResolveInfo) {
  const ids = globalIDs.map(decodeGlobalID);
  const idsByType = new Map<string, Set<string>>();
  for (const { typename, id } of ids) idsByType.set(typename, (idsByType.get(typename) ?? new Set()).add(id));
  const loaded = new Map<string, Row>();
  await Promise.all(
    [...idsByType].map(async ([typename, ofType]) => {
      const load = loadByType[typename];
      if (!load) return;
      const query = await queryFromInfo({ context, info, typeName: typename, awaitSelections: true });
      for (const row of await load(withId(query), [...ofType])) {
        // The Node interface tells its types apart by this brand, as the relay plugin's loader does.
        brandWithType(row, typename as never);
        loaded.set(`${typename}:${row.id}`, row);
      }
    }),
  );
  return ids.map(({ typename, id }) => loaded.get(`${typename}:${id}`) ?? null);
}

builder.queryField("nodes", (t) =>
  t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: `Fetches up to ${MAX_NODE_IDS} objects by their global IDs, in the order given; null for unknown ones.`,
    args: { ids: t.arg.idList({ required: true, description: `At most ${MAX_NODE_IDS} global IDs.` }) },
    resolve: (_root, { ids }, context, info) => {
      // Counted before any ID is decoded: 50,000 of them must cost next to nothing to refuse.
      if (ids.length > MAX_NODE_IDS) {
        throw new GraphQLError(
          `nodes(ids:) takes at most ${MAX_NODE_IDS} IDs and was given ${ids.length}: ask in batches of ${MAX_NODE_IDS}.`,
          { extensions: { code: "BAD_USER_INPUT" } },
        );
      }
      return loadNodes(ids.map(String), context, info);
    },
  }),
);
