import { encodeGlobalID } from "@pothos/plugin-relay";
import { cameoLabel } from "../cameo.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { ARTICLE_COLUMNS, ARTICLE_SELECT, type ArticleFields, articleJson } from "./article-fields.ts";
import { eventConditions, where } from "./filters.ts";
import { isoDay, ORIGIN, type TableExport } from "./table.ts";

type Participant = { actorId: string; name: string; wikidataId: string | null; kind: string; role: string };

export type EventRow = ArticleFields & {
  id: string;
  cameo: string;
  summary: string;
  triggerText: string;
  evidenceStart: number;
  evidenceEnd: number;
  evidenceText: string;
  modality: string;
  confidence: number;
  timeStart: Date | null;
  timeEnd: Date | null;
  timePrecision: string | null;
  timeText: string | null;
  placeName: string | null;
  placeWikidataId: string | null;
  attributedToName: string | null;
  attributedToWikidataId: string | null;
  participants: Participant[];
};

const ROLES = ["AGENT", "RECIPIENT", "TARGET", "PARTICIPANT"] as const;

/** "Name (Q123); Name" of the participants in one role. */
function namesInRole(row: EventRow, role: string): string {
  return row.participants
    .filter((participant) => participant.role === role)
    .map((participant) =>
      participant.wikidataId ? `${participant.name} (${participant.wikidataId})` : participant.name,
    )
    .join("; ");
}

export const eventsExport: TableExport<EventRow> = {
  name: "events",
  filters: [
    "article",
    "actor",
    "role",
    "cameoRoot",
    "modality",
    "from",
    "to",
    "minConfidence",
    "language",
    "publishedFrom",
    "publishedTo",
  ],
  select: Prisma.sql`
    e.id, e."articleId", e.cameo, e.summary, e."triggerText", e."evidenceStart", e."evidenceEnd",
    e."evidenceText", e.modality::text AS modality, e.confidence, e."timeStart", e."timeEnd",
    e."timePrecision"::text AS "timePrecision", e."timeSpanText" AS "timeText",
    p.name AS "placeName", p."wikidataId" AS "placeWikidataId",
    at.name AS "attributedToName", at."wikidataId" AS "attributedToWikidataId",
    COALESCE((SELECT json_agg(json_build_object('actorId', x.id, 'name', x.name, 'wikidataId', x."wikidataId",
                                                'kind', x.kind, 'role', ep.role) ORDER BY ep.role, x.name)
                FROM "EventParticipant" ep JOIN "Actor" x ON x.id = ep."actorId"
               WHERE ep."eventId" = e.id), '[]'::json) AS participants,
    ${ARTICLE_SELECT}`,
  source: (filter) => Prisma.sql`
    FROM "Event" e
    JOIN "Article" a ON a.id = e."articleId"
    LEFT JOIN "Actor" p ON p.id = e."placeId"
    LEFT JOIN "Actor" at ON at.id = e."attributedToId"
    ${where(eventConditions(filter))}`,
  // (articleId, evidenceStart) is indexed.
  key: [Prisma.sql`e."articleId"`, Prisma.sql`e."evidenceStart"`, Prisma.sql`e.id`],
  keyOf: (row) => Prisma.sql`(${row.articleId}::uuid, ${row.evidenceStart}::int, ${row.id}::uuid)`,
  json: (row) => ({
    id: encodeGlobalID("Event", row.id),
    cameo: row.cameo,
    cameoLabel: cameoLabel(row.cameo),
    summary: row.summary,
    trigger: row.triggerText,
    evidence: { start: row.evidenceStart, end: row.evidenceEnd, text: row.evidenceText },
    participants: row.participants.map((participant) => ({
      id: encodeGlobalID("Actor", participant.actorId),
      name: participant.name,
      wikidataId: participant.wikidataId,
      kind: participant.kind,
      role: participant.role,
    })),
    place: row.placeName ? { name: row.placeName, wikidataId: row.placeWikidataId } : null,
    time: row.timePrecision
      ? {
          start: isoDay(row.timeStart),
          end: isoDay(row.timeEnd),
          precision: row.timePrecision,
          text: row.timeText,
        }
      : null,
    modality: row.modality,
    attributedTo: row.attributedToName
      ? { name: row.attributedToName, wikidataId: row.attributedToWikidataId }
      : null,
    confidence: row.confidence,
    origin: ORIGIN,
    article: articleJson(row),
  }),
  columns: [
    { header: "event_id", value: (row) => encodeGlobalID("Event", row.id) },
    { header: "cameo_code", value: (row) => row.cameo },
    { header: "cameo_label", value: (row) => cameoLabel(row.cameo) },
    { header: "summary", value: (row) => row.summary },
    ...ROLES.map((role) => ({
      header: `${role.toLowerCase()}s`,
      value: (row: EventRow) => namesInRole(row, role),
    })),
    { header: "modality", value: (row) => row.modality },
    { header: "attributed_to", value: (row) => row.attributedToName },
    { header: "attributed_to_wikidata_id", value: (row) => row.attributedToWikidataId },
    { header: "time_start", value: (row) => isoDay(row.timeStart) },
    { header: "time_end", value: (row) => isoDay(row.timeEnd) },
    { header: "time_precision", value: (row) => row.timePrecision },
    { header: "time_text", value: (row) => row.timeText },
    { header: "place", value: (row) => row.placeName },
    { header: "trigger", value: (row) => row.triggerText },
    { header: "evidence", value: (row) => row.evidenceText },
    { header: "evidence_start", value: (row) => row.evidenceStart },
    { header: "evidence_end", value: (row) => row.evidenceEnd },
    { header: "confidence", value: (row) => row.confidence },
    { header: "origin", value: () => ORIGIN },
    ...ARTICLE_COLUMNS,
  ],
};
