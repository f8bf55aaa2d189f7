import { prisma } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { builder } from "./builder.ts";
import { SortDirection } from "./common.ts";
import { ActorKind } from "./enums.ts";

export const Actor = builder.prismaNode("Actor", {
  id: { field: "id" },
  description:
    "A person, country, organisation, place or group: one per real entity, shared by all articles.",
  fields: (t) => ({
    name: t.exposeString("name", { description: 'Canonical display name, e.g. "Kim Jong Un".' }),
    kind: t.expose("kind", { type: ActorKind, description: "What sort of entity it is." }),
    aliases: t.exposeStringList("aliases", { description: 'Other names seen for it: "Kim", "Pjöngjang".' }),
    description: t.exposeString("description", {
      nullable: true,
      description: 'A role or apposition first seen with it ("Kreml-Sprecher").',
    }),
    wikidataId: t.exposeString("wikidataId", {
      nullable: true,
      description: "Its Wikidata item, e.g. Q56226.",
    }),
    wikidataUrl: t.string({
      nullable: true,
      description: "Link to its Wikidata page.",
      select: { wikidataId: true },
      resolve: (actor) => (actor.wikidataId ? `https://www.wikidata.org/wiki/${actor.wikidataId}` : null),
    }),
    mentions: t.relatedConnection("mentions", {
      cursor: "id",
      totalCount: true,
      description: "Every mention of it, across articles.",
      query: { orderBy: [{ articleId: "asc" }, { start: "asc" }, { id: "asc" }] },
    }),
    quotes: t.relatedConnection("quotes", {
      cursor: "id",
      totalCount: true,
      description: "What it said, across articles.",
      query: { orderBy: [{ articleId: "asc" }, { start: "asc" }, { id: "asc" }] },
    }),
  }),
});

const ActorOrderField = builder.enumType("ActorOrderField", {
  description: "What to sort actors by.",
  values: {
    NAME: { description: "Name, alphabetically." },
    MENTIONS: { description: "Number of mentions across all articles." },
  },
});

const ActorOrder = builder.inputType("ActorOrder", {
  description: "Sort order of actors.",
  fields: (t) => ({
    field: t.field({ type: ActorOrderField, required: true, description: "What to sort by." }),
    direction: t.field({ type: SortDirection, required: true, description: "Which way." }),
  }),
});

const ActorFilter = builder.inputType("ActorFilter", {
  description: "Narrows the list of actors; all given conditions must hold.",
  fields: (t) => ({
    kind: t.field({ type: ActorKind, description: "Only actors of this kind." }),
    name: t.string({ description: "Name or alias contains this (case-insensitive)." }),
  }),
});

function actorWhere(filter: typeof ActorFilter.$inferInput | null | undefined): Prisma.ActorWhereInput {
  const name = filter?.name?.trim();
  return {
    ...(filter?.kind ? { kind: filter.kind } : {}),
    ...(name ? { OR: [{ name: { contains: name, mode: "insensitive" } }, { aliases: { has: name } }] } : {}),
  };
}

builder.queryFields((t) => ({
  actors: t.prismaConnection({
    type: "Actor",
    cursor: "id",
    description: "All actors, most mentioned first unless ordered otherwise.",
    args: {
      filter: t.arg({ type: ActorFilter, description: "Which actors." }),
      orderBy: t.arg({ type: ActorOrder, description: "Sort order (default: most mentioned first)." }),
    },
    totalCount: (_parent, { filter }) => prisma.actor.count({ where: actorWhere(filter) }),
    resolve: (query, _root, { filter, orderBy }) => {
      const direction = orderBy?.direction === "ASC" ? "asc" : "desc";
      return prisma.actor.findMany({
        ...query,
        where: actorWhere(filter),
        orderBy:
          orderBy?.field === "NAME"
            ? [{ name: direction }, { id: "asc" }]
            : // The stored count (kept by triggers on Mention), served by an index in this order.
              [{ mentionCount: direction }, { name: "asc" }, { id: "asc" }],
      });
    },
  }),
  actor: t.prismaField({
    type: "Actor",
    nullable: true,
    description: "One actor by its Wikidata item.",
    args: { wikidataId: t.arg.string({ required: true, description: "e.g. Q7747" }) },
    resolve: (query, _root, { wikidataId }) => prisma.actor.findUnique({ ...query, where: { wikidataId } }),
  }),
}));
