import { encodeGlobalID } from "@pothos/plugin-relay";
import { Prisma } from "../generated/prisma/client.ts";
import { ARTICLE_COLUMNS, ARTICLE_SELECT, type ArticleFields, articleJson } from "./article-fields.ts";
import { articleConditions, type ExportFilter, where } from "./filters.ts";
import { ORIGIN, type TableExport } from "./table.ts";

export type QuoteRow = ArticleFields & {
  id: string;
  kind: string;
  text: string;
  start: number;
  end: number;
  cueText: string | null;
  speakerMentionText: string | null;
  confidence: number;
  speakerId: string | null;
  speakerName: string | null;
  speakerWikidataId: string | null;
  speakerKind: string | null;
  addresseeName: string | null;
  viaName: string | null;
};

function quoteConditions(filter: ExportFilter): Prisma.Sql[] {
  return [
    ...articleConditions(filter),
    ...(filter.speaker ? [Prisma.sql`q."speakerId" = ${filter.speaker}::uuid`] : []),
    ...(filter.kind ? [Prisma.sql`q.kind = ${filter.kind}::"QuoteKind"`] : []),
  ];
}

export const quotesExport: TableExport<QuoteRow> = {
  name: "quotes",
  filters: ["article", "speaker", "kind", "language", "publishedFrom", "publishedTo"],
  select: Prisma.sql`
    q.id, q."articleId", q.kind::text AS kind, q.text, q.start, q."end", q."cueText",
    q."speakerMentionText", q.confidence,
    s.id AS "speakerId", s.name AS "speakerName", s."wikidataId" AS "speakerWikidataId",
    s.kind::text AS "speakerKind", ad.name AS "addresseeName", v.name AS "viaName",
    ${ARTICLE_SELECT}`,
  source: (filter) => Prisma.sql`
    FROM "Quote" q
    JOIN "Article" a ON a.id = q."articleId"
    LEFT JOIN "Actor" s ON s.id = q."speakerId"
    LEFT JOIN "Actor" ad ON ad.id = q."addresseeId"
    LEFT JOIN "Actor" v ON v.id = q."viaId"
    ${where(quoteConditions(filter))}`,
  // (articleId, start) is indexed: every batch starts with an index range scan.
  key: [Prisma.sql`q."articleId"`, Prisma.sql`q.start`, Prisma.sql`q.id`],
  keyOf: (row) => Prisma.sql`(${row.articleId}::uuid, ${row.start}::int, ${row.id}::uuid)`,
  json: (row) => ({
    id: encodeGlobalID("Quote", row.id),
    kind: row.kind,
    text: row.text,
    start: row.start,
    end: row.end,
    cue: row.cueText,
    speaker: row.speakerId
      ? {
          id: encodeGlobalID("Actor", row.speakerId),
          name: row.speakerName,
          wikidataId: row.speakerWikidataId,
          kind: row.speakerKind,
          mention: row.speakerMentionText,
        }
      : null,
    addressee: row.addresseeName,
    via: row.viaName,
    confidence: row.confidence,
    origin: ORIGIN,
    article: articleJson(row),
  }),
  columns: [
    { header: "quote_id", value: (row) => encodeGlobalID("Quote", row.id) },
    { header: "speaker_name", value: (row) => row.speakerName },
    { header: "speaker_wikidata_id", value: (row) => row.speakerWikidataId },
    { header: "speaker_kind", value: (row) => row.speakerKind },
    { header: "speaker_id", value: (row) => (row.speakerId ? encodeGlobalID("Actor", row.speakerId) : null) },
    { header: "speaker_mention", value: (row) => row.speakerMentionText },
    { header: "text", value: (row) => row.text },
    { header: "kind", value: (row) => row.kind },
    { header: "start", value: (row) => row.start },
    { header: "end", value: (row) => row.end },
    { header: "cue", value: (row) => row.cueText },
    { header: "addressee", value: (row) => row.addresseeName },
    { header: "via", value: (row) => row.viaName },
    { header: "confidence", value: (row) => row.confidence },
    { header: "origin", value: () => ORIGIN },
    ...ARTICLE_COLUMNS,
  ],
};
