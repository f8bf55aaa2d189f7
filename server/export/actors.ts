import { encodeGlobalID } from "@pothos/plugin-relay";
import { Prisma } from "../generated/prisma/client.ts";
import { type ExportFilter, likePattern, where } from "./filters.ts";
import { ORIGIN, type TableExport } from "./table.ts";

export type ActorRow = {
  id: string;
  name: string;
  kind: string;
  wikidataId: string | null;
  aliases: string[];
  description: string | null;
  articles: number;
  mentions: number;
  quotes: number;
  events: number;
};

function actorConditions(filter: ExportFilter): Prisma.Sql[] {
  return [
    ...(filter.kind ? [Prisma.sql`x.kind = ${filter.kind}::"ActorKind"`] : []),
    ...(filter.name
      ? [Prisma.sql`(x.name ILIKE ${likePattern(filter.name)} OR ${filter.name} = ANY (x.aliases))`]
      : []),
    ...(filter.article
      ? [
          Prisma.sql`EXISTS (SELECT 1 FROM "ArticleActor" r WHERE r."actorId" = x.id AND r."articleId" = ${filter.article}::uuid)`,
        ]
      : []),
  ];
}

export const actorsExport: TableExport<ActorRow> = {
  name: "actors",
  filters: ["kind", "name", "article"],
  // Counted per actor through the indexes on actorId / speakerId: cheap for a batch of rows.
  select: Prisma.sql`
    x.id, x.name, x.kind::text AS kind, x."wikidataId", x.aliases, x.description,
    (SELECT count(*)::int FROM "ArticleActor" r WHERE r."actorId" = x.id) AS articles,
    (SELECT COALESCE(sum(r."mentionCount"), 0)::int FROM "ArticleActor" r WHERE r."actorId" = x.id) AS mentions,
    (SELECT count(*)::int FROM "Quote" q WHERE q."speakerId" = x.id) AS quotes,
    (SELECT count(DISTINCT ep."eventId")::int FROM "EventParticipant" ep WHERE ep."actorId" = x.id) AS events`,
  source: (filter) => Prisma.sql`FROM "Actor" x ${where(actorConditions(filter))}`,
  key: [Prisma.sql`x.id`],
  keyOf: (row) => Prisma.sql`${row.id}::uuid`,
  json: (row) => ({
    id: encodeGlobalID("Actor", row.id),
    name: row.name,
    kind: row.kind,
    wikidataId: row.wikidataId,
    aliases: row.aliases,
    description: row.description,
    articles: row.articles,
    mentions: row.mentions,
    quotes: row.quotes,
    events: row.events,
    origin: ORIGIN,
  }),
  columns: [
    { header: "actor_id", value: (row) => encodeGlobalID("Actor", row.id) },
    { header: "name", value: (row) => row.name },
    { header: "kind", value: (row) => row.kind },
    { header: "wikidata_id", value: (row) => row.wikidataId },
    { header: "aliases", value: (row) => row.aliases.join("; ") },
    { header: "description", value: (row) => row.description },
    { header: "articles", value: (row) => row.articles },
    { header: "mentions", value: (row) => row.mentions },
    { header: "quotes", value: (row) => row.quotes },
    { header: "events", value: (row) => row.events },
    { header: "origin", value: () => ORIGIN },
  ],
};
