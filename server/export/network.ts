// The actor network: actors as nodes, and an undirected edge between two actors for each event
// they both take part in and each quote that links them (speaker with addressee, channel, or a
// participant of an event the quote speaks about), weighted by how many of those there are.
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { type BatchOptions, keysetBatches } from "./batches.ts";
import { articleConditions, type ExportFilter, eventConditions, where } from "./filters.ts";

export type NetworkNode = { id: string; name: string; kind: string; wikidataId: string | null };
export type NetworkEdge = { source: string; target: string; events: number; quotes: number };

export const networkFilters = [
  "article",
  "actor",
  "cameoRoot",
  "language",
  "publishedFrom",
  "publishedTo",
] as const;

/** Every (item, actor, actor) pair once, the smaller actor id first. */
function pairs(filter: ExportFilter): Prisma.Sql {
  const eventFilter = { ...filter, actor: undefined };
  // A CAMEO root narrows events; quotes then count only where they speak about such an event.
  const quoteEvents = filter.cameoRoot
    ? Prisma.sql`JOIN "Event" e ON e.id = qe."eventId" AND left(e.cameo, 2) = ${filter.cameoRoot}`
    : Prisma.empty;
  return Prisma.sql`
    event_pairs AS (
      SELECT DISTINCT p1."eventId" AS item, p1."actorId" AS source, p2."actorId" AS target
        FROM "Event" e JOIN "Article" a ON a.id = e."articleId"
        JOIN "EventParticipant" p1 ON p1."eventId" = e.id
        JOIN "EventParticipant" p2 ON p2."eventId" = e.id AND p1."actorId" < p2."actorId"
        ${where(eventConditions(eventFilter))}),
    quote_links AS (
      SELECT q.id AS item, q."speakerId" AS speaker, other AS actor
        FROM "Quote" q JOIN "Article" a ON a.id = q."articleId"
        CROSS JOIN LATERAL (VALUES (q."addresseeId"), (q."viaId")) AS linked(other)
        ${where([...articleConditions(filter), Prisma.sql`q."speakerId" IS NOT NULL`, Prisma.sql`other IS NOT NULL`, ...(filter.cameoRoot ? [Prisma.sql`false`] : [])])}
      UNION
      SELECT q.id, q."speakerId", ep."actorId"
        FROM "Quote" q JOIN "Article" a ON a.id = q."articleId"
        JOIN "QuoteEvent" qe ON qe."quoteId" = q.id ${quoteEvents}
        JOIN "EventParticipant" ep ON ep."eventId" = qe."eventId"
        ${where([...articleConditions(filter), Prisma.sql`q."speakerId" IS NOT NULL`])}),
    quote_pairs AS (
      SELECT DISTINCT item, LEAST(speaker, actor) AS source, GREATEST(speaker, actor) AS target
        FROM quote_links WHERE speaker <> actor),
    edges AS (
      SELECT source, target, count(*) FILTER (WHERE is_event)::int AS events,
             count(*) FILTER (WHERE NOT is_event)::int AS quotes
        FROM (SELECT source, target, true AS is_event FROM event_pairs
              UNION ALL SELECT source, target, false FROM quote_pairs) AS linked
       ${filter.actor ? Prisma.sql`WHERE ${filter.actor}::uuid IN (source, target)` : Prisma.empty}
       GROUP BY source, target)`;
}

export function edgeBatches(
  prisma: PrismaClient,
  filter: ExportFilter,
  options: BatchOptions = {},
): AsyncGenerator<NetworkEdge[]> {
  return keysetBatches<NetworkEdge>(
    (last, limit) => prisma.$queryRaw<NetworkEdge[]>`
      WITH ${pairs(filter)}
      SELECT source::text, target::text, events, quotes FROM edges
      ${last ? Prisma.sql`WHERE (source, target) > (${last.source}::uuid, ${last.target}::uuid)` : Prisma.empty}
      ORDER BY source, target LIMIT ${limit}`,
    options,
  );
}

/** The actors at either end of an edge. */
export function nodeBatches(
  prisma: PrismaClient,
  filter: ExportFilter,
  options: BatchOptions = {},
): AsyncGenerator<NetworkNode[]> {
  return keysetBatches<NetworkNode>(
    (last, limit) => prisma.$queryRaw<NetworkNode[]>`
      WITH ${pairs(filter)},
      ends AS (SELECT source AS id FROM edges UNION SELECT target FROM edges)
      SELECT x.id::text, x.name, x.kind::text AS kind, x."wikidataId"
        FROM ends JOIN "Actor" x ON x.id = ends.id
      ${last ? Prisma.sql`WHERE x.id > ${last.id}::uuid` : Prisma.empty}
      ORDER BY x.id LIMIT ${limit}`,
    options,
  );
}

/** Whether the network has more than `limit` edges or nodes (then its export stops at `limit`). */
export async function networkExceeds(
  prisma: PrismaClient,
  filter: ExportFilter,
  limit: number,
): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ edges: number; nodes: number }[]>`
    WITH ${pairs(filter)}
    SELECT (SELECT count(*)::int FROM edges) AS edges,
           (SELECT count(*)::int FROM (SELECT source FROM edges UNION SELECT target FROM edges) AS ends) AS nodes`;
  return (row?.edges ?? 0) > limit || (row?.nodes ?? 0) > limit;
}
