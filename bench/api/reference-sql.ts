// The reference's answers: for each operation the benchmark sends, ONE hand-written SQL statement
// that builds the whole `data` object of the GraphQL answer (json_build_object / json_agg, the
// tables' own indexes, nothing cached), as an engineer would write it without an ORM. Fields the
// API computes (global IDs, display titles, CAMEO labels, search highlights) are computed in the
// statement too, so the reference does all the work the API does.
import { CAMEO_ROOTS, cameoLabel as labelOf } from "../../server/cameo.ts";

/** Relay's global ID: base64 of "Type:uuid". */
const globalId = (type: string, column: string) =>
  `encode(convert_to('${type}:' || ${column}::text, 'UTF8'), 'base64')`;
/** Pothos' cursor of a connection over `id`. */
const cursor = (column: string) => `encode(convert_to('GPC:S:' || ${column}::text, 'UTF8'), 'base64')`;
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
/** A list that is empty rather than null. */
const list = (aggregate: string) => `coalesce(${aggregate}, '[]'::json)`;

// JavaScript's String.prototype.trim() whitespace (the common part of it).
const WHITESPACE =
  "E' \\t\\n\\r\\f\\v\\u00a0\\u1680\\u2000\\u2001\\u2002\\u2003\\u2004\\u2005\\u2006\\u2007\\u2008\\u2009\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff'";

/** The title, or the text's first line cut to 80 characters at a word (as the API shows it). */
function displayTitle(article: string): string {
  const line = `split_part(btrim(${article}."text", ${WHITESPACE}), E'\\n', 1)`;
  const lastSpace = `(80 - strpos(reverse(left(${line}, 80)), ' '))`;
  return `coalesce(${article}."title", CASE
    WHEN length(${line}) <= 80 THEN ${line}
    WHEN strpos(left(${line}, 80), ' ') > 0 AND ${lastSpace} > 40 THEN left(${line}, ${lastSpace}) || '…'
    ELSE left(${line}, 80) || '…' END)`;
}

const cameoLabel = (column: string) =>
  `CASE left(${column}, 2) ${Object.keys(CAMEO_ROOTS)
    .map((root) => `WHEN '${root}' THEN '${labelOf(root).replace(/'/g, "''")}'`)
    .join(" ")} ELSE 'CAMEO ' || ${column} END`;

const actorRef = (alias: string, withKind = true) =>
  `json_build_object('id', ${globalId("Actor", `${alias}.id`)}, 'name', ${alias}."name",${withKind ? ` 'kind', ${alias}."kind",` : ""} '__typename', 'Actor')`;

/** `{ id name kind }` of a nullable actor reference, or null. */
const optionalActor = (idColumn: string, withKind: boolean) =>
  `(SELECT ${actorRef("x", withKind)} FROM "Actor" x WHERE x.id = ${idColumn})`;

const span = (start: string, end: string, text?: string) =>
  `json_build_object('start', ${start}, 'end', ${end},${text ? ` 'text', ${text},` : ""} '__typename', 'TextSpan')`;

/** EventTime, or null when the time has no precision or no span (as the API decides). */
const eventTime = (e: string) => `CASE WHEN ${e}."timePrecision" IS NULL OR ${e}."timeSpanStart" IS NULL
    OR ${e}."timeSpanEnd" IS NULL OR ${e}."timeSpanText" IS NULL THEN NULL
  ELSE json_build_object('start', ${day(`${e}."timeStart"`)}, 'end', ${day(`${e}."timeEnd"`)},
    'precision', ${e}."timePrecision", 'direction', ${e}."timeDirection",
    'span', json_build_object('text', ${e}."timeSpanText", '__typename', 'TextSpan'), '__typename', 'EventTime') END`;

const participants = (
  e: string,
) => `(SELECT ${list(`json_agg(json_build_object('role', p."role", 'actor', ${actorRef("pa")}, '__typename', 'EventParticipant'))`)}
    FROM "EventParticipant" p JOIN "Actor" pa ON pa.id = p."actorId" WHERE p."eventId" = ${e}.id)`;

/** The reader's EventFields fragment (article page), and the events-by-participant query's node. */
const eventFields = (e: string) => `'id', ${globalId("Event", `${e}.id`)}, 'cameo', ${e}."cameo",
    'cameoLabel', ${cameoLabel(`${e}."cameo"`)}, 'summary', ${e}."summary", 'modality', ${e}."modality",
    'confidence', ${e}."confidence", 'evidence', ${span(`${e}."evidenceStart"`, `${e}."evidenceEnd"`, `${e}."evidenceText"`)},
    'time', ${eventTime(e)}, 'participants', ${participants(e)},
    'attributedTo', ${optionalActor(`${e}."attributedToId"`, false)}, 'place', ${optionalActor(`${e}."placeId"`, false)}`;

/** An interrupted quote's pieces, or the whole quote as one piece. */
const quoteParts = (q: string) => `CASE WHEN ${q}."parts" IS NULL OR jsonb_typeof(${q}."parts") = 'null'
    THEN json_build_array(${span(`${q}."start"`, `${q}."end"`)})
  ELSE (SELECT ${list(`json_agg(${span(`part->'start'`, `part->'end'`)} ORDER BY i)`)}
    FROM jsonb_array_elements(${q}."parts") WITH ORDINALITY AS parts(part, i)) END`;

const ARTICLE = `
SELECT json_build_object('article', (
  SELECT json_build_object(
    'id', ${globalId("Article", "a.id")}, 'slug', a."slug", 'displayTitle', ${displayTitle("a")},
    'title', a."title", 'source', a."source", 'url', a."url", 'language', a."language",
    'publishedAt', ${day('a."publishedAt"')}, 'text', a."text",
    'segments', (SELECT ${list(`json_agg(json_build_object('kind', s."kind", 'start', s."start", 'end', s."end", '__typename', 'Segment') ORDER BY s."position")`)}
      FROM "Segment" s WHERE s."articleId" = a.id),
    'mentions', (SELECT ${list(`json_agg(json_build_object('start', m."start", 'end', m."end", 'form', m."form", 'actor', ${actorRef("ma")}, '__typename', 'Mention') ORDER BY m."start", m."end" DESC)`)}
      FROM "Mention" m JOIN "Actor" ma ON ma.id = m."actorId" WHERE m."articleId" = a.id),
    'actors', json_build_object(
      'totalCount', (SELECT count(*) FROM "ArticleActor" r WHERE r."articleId" = a.id),
      'edges', (SELECT ${list(`json_agg(json_build_object('description', r."description", 'mentionCount', r."mentionCount",
          'node', json_build_object('id', ${globalId("Actor", "ra.id")}, 'name', ra."name", 'kind', ra."kind",
            'wikidataId', ra."wikidataId", 'wikidataUrl', 'https://www.wikidata.org/wiki/' || nullif(ra."wikidataId", ''), '__typename', 'Actor'),
          '__typename', 'ArticleActorsConnectionEdge') ORDER BY r."mentionCount" DESC)`)}
        FROM (SELECT * FROM "ArticleActor" r WHERE r."articleId" = a.id ORDER BY r."mentionCount" DESC LIMIT 100) r
        JOIN "Actor" ra ON ra.id = r."actorId"),
      '__typename', 'ArticleActorsConnection'),
    'quotes', json_build_object(
      'totalCount', (SELECT count(*) FROM "Quote" q WHERE q."articleId" = a.id),
      'nodes', (SELECT ${list(`json_agg(json_build_object('id', ${globalId("Quote", "q.id")}, 'kind', q."kind", 'text', q."text",
          'start', q."start", 'end', q."end", 'confidence', q."confidence", 'parts', ${quoteParts("q")},
          'cue', CASE WHEN q."cueStart" IS NULL OR q."cueEnd" IS NULL OR q."cueText" IS NULL THEN NULL
            ELSE ${span('q."cueStart"', 'q."cueEnd"', 'q."cueText"')} END,
          'speaker', ${optionalActor('q."speakerId"', true)}, 'speakerRule', q."speakerRule",
          'via', ${optionalActor('q."viaId"', false)},
          '__typename', 'Quote') ORDER BY q."start", q.id)`)}
        FROM (SELECT * FROM "Quote" q WHERE q."articleId" = a.id ORDER BY q."start", q.id LIMIT 100) q),
      '__typename', 'ArticleQuotesConnection'),
    'events', json_build_object(
      'totalCount', (SELECT count(*) FROM "Event" e WHERE e."articleId" = a.id),
      'nodes', (SELECT ${list(`json_agg(json_build_object(${eventFields("e")}, '__typename', 'Event') ORDER BY e."evidenceStart", e.id)`)}
        FROM (SELECT * FROM "Event" e WHERE e."articleId" = a.id ORDER BY e."evidenceStart", e.id LIMIT 100) e),
      '__typename', 'ArticleEventsConnection'),
    '__typename', 'Article')
  FROM "Article" a WHERE a."slug" = $1))::text AS data`;

// $1 page size, $2 the actor filter (uuid) or null.
const ARTICLE_FILTER = `($2::uuid IS NULL OR EXISTS (SELECT 1 FROM "ArticleActor" f WHERE f."articleId" = a.id AND f."actorId" = $2::uuid))`;
const ARTICLE_LIST = `
WITH page AS (
  SELECT id, row_number() OVER (ORDER BY "publishedAt" DESC NULLS LAST, "createdAt" DESC, id) AS position
    FROM (SELECT a.id, a."publishedAt", a."createdAt" FROM "Article" a WHERE ${ARTICLE_FILTER}
           ORDER BY a."publishedAt" DESC NULLS LAST, a."createdAt" DESC, a.id LIMIT $1 + 1) chosen
), shown AS (SELECT * FROM page WHERE position <= $1)
SELECT json_build_object('articles', json_build_object(
  'totalCount', (SELECT count(*) FROM "Article" a WHERE ${ARTICLE_FILTER}),
  'pageInfo', json_build_object(
    'hasNextPage', (SELECT count(*) FROM page) > $1, 'hasPreviousPage', false,
    'startCursor', (SELECT ${cursor("id")} FROM shown ORDER BY position LIMIT 1),
    'endCursor', (SELECT ${cursor("id")} FROM shown ORDER BY position DESC LIMIT 1),
    '__typename', 'PageInfo'),
  'nodes', (SELECT ${list(`json_agg(json_build_object('id', ${globalId("Article", "a.id")}, 'slug', a."slug",
      'displayTitle', ${displayTitle("a")}, 'source', a."source", 'language', a."language",
      'publishedAt', ${day('a."publishedAt"')},
      'actors', json_build_object('totalCount', (SELECT count(*) FROM "ArticleActor" r WHERE r."articleId" = a.id), '__typename', 'ArticleActorsConnection'),
      'quotes', json_build_object('totalCount', (SELECT count(*) FROM "Quote" q WHERE q."articleId" = a.id), '__typename', 'ArticleQuotesConnection'),
      'events', json_build_object('totalCount', (SELECT count(*) FROM "Event" e WHERE e."articleId" = a.id), '__typename', 'ArticleEventsConnection'),
      '__typename', 'Article') ORDER BY shown.position)`)}
    FROM shown JOIN "Article" a USING (id)),
  '__typename', 'QueryArticlesConnection'))::text AS data`;

/**
 * What the database offers beyond the first migration, found when the reference starts: columns
 * a later migration added for reads (stored search vectors, counted mentions). The reference uses
 * them as soon as they are there, as the API may: it stands on the same schema and indexes.
 */
export type SchemaFeatures = {
  articleSearchVector: boolean;
  quoteSearchVector: boolean;
  actorMentionCount: boolean;
};

export const FEATURE_COLUMNS: Record<keyof SchemaFeatures, [table: string, column: string]> = {
  articleSearchVector: ["Article", "searchVector"],
  quoteSearchVector: ["Quote", "searchVector"],
  actorMentionCount: ["Actor", "mentionCount"],
};

/** An actor's mentions: the counted column, or counted here. */
const mentionsOf = (actor: string, features: SchemaFeatures) =>
  features.actorMentionCount
    ? `${actor}."mentionCount"`
    : `(SELECT count(*) FROM "Mention" m WHERE m."actorId" = ${actor}.id)`;

function filterActors(features: SchemaFeatures): string {
  const ranked = features.actorMentionCount
    ? `SELECT ac.id, ac."name", ac."kind", ac."mentionCount" AS mentions FROM "Actor" ac`
    : `SELECT ac.id, ac."name", ac."kind", coalesce(counted.mentions, 0) AS mentions
        FROM "Actor" ac
        LEFT JOIN (SELECT "actorId", count(*) AS mentions FROM "Mention" GROUP BY "actorId") counted ON counted."actorId" = ac.id`;
  return `
SELECT json_build_object('actors', json_build_object(
  'nodes', ${list(`json_agg(${actorRef("ac")} ORDER BY ac.mentions DESC, ac."name", ac.id)`)},
  '__typename', 'QueryActorsConnection'))::text AS data
FROM (${ranked} ORDER BY mentions DESC, ac."name", ac.id LIMIT 100) ac`;
}

// Full-text search as the API runs it: each row stemmed in its own language, the query parsed in
// the same one; ts_headline marks matches with \u0002…\u0003, turned into ranges below.
const CONFIG = `CASE WHEN a."language" = 'de' THEN 'german'::regconfig ELSE 'english'::regconfig END`;
const HEADLINE_OPTIONS = `'StartSel=\u0002, StopSel=\u0003, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'`;
/** Length in UTF-16 code units, as JavaScript counts: characters beyond the BMP count twice. */
const utf16Length = (text: string) =>
  `(length(${text}) + length(regexp_replace(${text}, '[\\u0001-\\uffff]', '', 'g')))`;
/** `{ snippet, highlights }` of a ts_headline result. */
const snippetAndHighlights = (
  marked: string,
) => `'snippet', replace(replace(${marked}, E'\\u0002', ''), E'\\u0003', ''),
    'highlights', (SELECT ${list(`json_agg(json_build_object('start', before, 'end', before + ${utf16Length("split_part(piece, E'\\u0003', 1)")}, '__typename', 'TextRange') ORDER BY i)`)}
      FROM (SELECT i, piece, coalesce(sum(${utf16Length("replace(piece, E'\\u0003', '')")}) OVER (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
              FROM unnest(string_to_array(${marked}, E'\\u0002')) WITH ORDINALITY AS pieces(piece, i)) pieces
     WHERE i > 1 AND strpos(piece, E'\\u0003') > 0)`;

/**
 * Rows of \`row\` whose words match $1 in the language of article \`a\`, with their rank: over the
 * stored vector when there is one (both languages' queries spelled out, so its index serves),
 * else parsing each text as the first migration's expression index expects.
 */
function matching(row: string, document: string, storedVector: boolean): { where: string; rank: string } {
  if (!storedVector) {
    const vector = `to_tsvector(${CONFIG}, ${document})`;
    const query = `websearch_to_tsquery(${CONFIG}, $1)`;
    return { where: `${vector} @@ ${query}`, rank: `ts_rank(${vector}, ${query})` };
  }
  const vector = `${row}."searchVector"`;
  const german = `websearch_to_tsquery('german'::regconfig, $1)`;
  const english = `websearch_to_tsquery('english'::regconfig, $1)`;
  return {
    where: `((a."language" = 'de' AND ${vector} @@ ${german}) OR (a."language" <> 'de' AND ${vector} @@ ${english}))`,
    rank: `ts_rank(${vector}, CASE WHEN a."language" = 'de' THEN ${german} ELSE ${english} END)`,
  };
}

/** $1 the query (trimmed), $2 at most this many of each kind. */
function search(features: SchemaFeatures): string {
  const articles = matching("a", `coalesce(a."title", '') || ' ' || a."text"`, features.articleSearchVector);
  const quotes = matching("qt", `qt."text"`, features.quoteSearchVector);
  return `
SELECT json_build_object('search', json_build_object(
  'articles', (SELECT ${list(`json_agg(json_build_object(${snippetAndHighlights("headline.marked")},
      'node', json_build_object('id', ${globalId("Article", "a.id")}, 'slug', a."slug", 'displayTitle', ${displayTitle("a")},
        'source', a."source", 'language', a."language", 'publishedAt', ${day('a."publishedAt"')}, '__typename', 'Article'),
      '__typename', 'ArticleSearchHit') ORDER BY hit.rank DESC, hit.id)`)}
    FROM (SELECT a.id, ${articles.rank} AS rank FROM "Article" a
           WHERE ${articles.where} ORDER BY rank DESC, a.id LIMIT $2) hit
    JOIN "Article" a USING (id)
    CROSS JOIN LATERAL websearch_to_tsquery(${CONFIG}, $1) AS q
    CROSS JOIN LATERAL (SELECT ts_headline(${CONFIG}, coalesce(a."title" || E'\\n', '') || a."text", q, ${HEADLINE_OPTIONS}) AS marked) headline),
  'actors', (SELECT ${list(`json_agg(json_build_object('snippet', ac."name",
      'highlights', CASE WHEN strpos(lower(ac."name"), lower($1)) = 0 THEN '[]'::json
        ELSE json_build_array(json_build_object('start', strpos(lower(ac."name"), lower($1)) - 1,
          'end', strpos(lower(ac."name"), lower($1)) - 1 + ${utf16Length("$1")}, '__typename', 'TextRange')) END,
      'node', ${actorRef("ac")}, '__typename', 'ActorSearchHit') ORDER BY ac.mentions DESC, ac."name")`)}
    FROM (SELECT ac.id, ac."name", ac."kind", ${mentionsOf("ac", features)} AS mentions
            FROM "Actor" ac
           WHERE ac."name" ILIKE '%' || $1 || '%'
              OR ac."aliases" && ARRAY[$1, lower($1), upper(left($1, 1)) || substr($1, 2)]
           ORDER BY mentions DESC, ac."name" LIMIT $2) ac),
  'quotes', (SELECT ${list(`json_agg(json_build_object(${snippetAndHighlights("headline.marked")},
      'node', json_build_object('id', ${globalId("Quote", "qt.id")}, 'kind', qt."kind",
        'speaker', ${optionalActor('qt."speakerId"', false)},
        'article', json_build_object('id', ${globalId("Article", "a.id")}, 'slug', a."slug", 'displayTitle', ${displayTitle("a")}, '__typename', 'Article'),
        '__typename', 'Quote'),
      '__typename', 'QuoteSearchHit') ORDER BY hit.rank DESC, hit.id)`)}
    FROM (SELECT qt.id, ${quotes.rank} AS rank FROM "Quote" qt JOIN "Article" a ON a.id = qt."articleId"
           WHERE ${quotes.where} ORDER BY rank DESC, qt.id LIMIT $2) hit
    JOIN "Quote" qt USING (id) JOIN "Article" a ON a.id = qt."articleId"
    CROSS JOIN LATERAL websearch_to_tsquery(${CONFIG}, $1) AS q
    CROSS JOIN LATERAL (SELECT ts_headline(${CONFIG}, qt."text", q, ${HEADLINE_OPTIONS}) AS marked) headline),
  '__typename', 'SearchResults'))::text AS data`;
}

/** $1 the actor's uuid. */
const ACTOR_PAGE = `
SELECT json_build_object('node', (
  SELECT json_build_object('__typename', 'Actor', 'id', ${globalId("Actor", "ac.id")}, 'name', ac."name", 'kind', ac."kind",
    'description', ac."description", 'aliases', to_json(ac."aliases"), 'wikidataId', ac."wikidataId",
    'wikidataUrl', 'https://www.wikidata.org/wiki/' || nullif(ac."wikidataId", ''),
    'articles', json_build_object(
      'totalCount', (SELECT count(*) FROM "ArticleActor" r WHERE r."actorId" = ac.id),
      'edges', (SELECT ${list(`json_agg(json_build_object('description', r."description", 'mentionCount', r."mentionCount",
          'node', json_build_object('id', ${globalId("Article", "a.id")}, 'slug', a."slug", 'displayTitle', ${displayTitle("a")},
            'publishedAt', ${day('a."publishedAt"')}, '__typename', 'Article'),
          '__typename', 'ActorArticlesConnectionEdge') ORDER BY r.position)`)}
        FROM (SELECT r.*, row_number() OVER (ORDER BY a."publishedAt" DESC NULLS LAST) AS position
                FROM "ArticleActor" r JOIN "Article" a ON a.id = r."articleId"
               WHERE r."actorId" = ac.id ORDER BY a."publishedAt" DESC NULLS LAST LIMIT 50) r
        JOIN "Article" a ON a.id = r."articleId"),
      '__typename', 'ActorArticlesConnection'),
    'mentions', json_build_object(
      'totalCount', (SELECT count(*) FROM "Mention" m WHERE m."actorId" = ac.id),
      'nodes', (SELECT ${list(`json_agg(json_build_object('text', m."text", 'form', m."form", 'start', m."start",
          'article', json_build_object('id', ${globalId("Article", "a.id")}, 'slug', a."slug", '__typename', 'Article'),
          '__typename', 'Mention') ORDER BY m."articleId", m."start", m.id)`)}
        FROM (SELECT * FROM "Mention" m WHERE m."actorId" = ac.id ORDER BY m."articleId", m."start", m.id LIMIT 100) m
        JOIN "Article" a ON a.id = m."articleId"),
      '__typename', 'ActorMentionsConnection'),
    'quotes', json_build_object(
      'totalCount', (SELECT count(*) FROM "Quote" q WHERE q."speakerId" = ac.id),
      'nodes', (SELECT ${list(`json_agg(json_build_object('id', ${globalId("Quote", "q.id")}, 'kind', q."kind", 'text', q."text",
          'article', json_build_object('id', ${globalId("Article", "a.id")}, 'slug', a."slug", 'displayTitle', ${displayTitle("a")},
            'publishedAt', ${day('a."publishedAt"')}, '__typename', 'Article'),
          '__typename', 'Quote') ORDER BY q."articleId", q."start", q.id)`)}
        FROM (SELECT * FROM "Quote" q WHERE q."speakerId" = ac.id ORDER BY q."articleId", q."start", q.id LIMIT 50) q
        JOIN "Article" a ON a.id = q."articleId"),
      '__typename', 'ActorQuotesConnection'),
    'events', json_build_object(
      'totalCount', (SELECT count(*) FROM "EventParticipant" p WHERE p."actorId" = ac.id),
      'edges', (SELECT ${list(`json_agg(json_build_object('role', p."role",
          'node', json_build_object('id', ${globalId("Event", "e.id")}, 'cameo', e."cameo", 'cameoLabel', ${cameoLabel('e."cameo"')},
            'summary', e."summary", 'modality', e."modality", 'attributedTo', ${optionalActor('e."attributedToId"', false)},
            'time', ${eventTime("e")}, 'participants', ${participants("e")},
            'article', json_build_object('id', ${globalId("Article", "a.id")}, 'slug', a."slug", 'displayTitle', ${displayTitle("a")}, '__typename', 'Article'),
            '__typename', 'Event'),
          '__typename', 'ActorEventsConnectionEdge') ORDER BY p.position)`)}
        FROM (SELECT p.*, row_number() OVER (ORDER BY e."timeStart" NULLS LAST) AS position
                FROM "EventParticipant" p JOIN "Event" e ON e.id = p."eventId"
               WHERE p."actorId" = ac.id ORDER BY e."timeStart" NULLS LAST LIMIT 50) p
        JOIN "Event" e ON e.id = p."eventId" JOIN "Article" a ON a.id = e."articleId"),
      '__typename', 'ActorEventsConnection'))
  FROM "Actor" ac WHERE ac.id = $1::uuid))::text AS data`;

/** The events-by-participant query (bench/api/requests.ts): $1 the actor's uuid, $2 the page size. */
const EVENTS_BY_PARTICIPANT = `
SELECT json_build_object('events', json_build_object(
  'totalCount', (SELECT count(*) FROM "Event" e WHERE EXISTS (SELECT 1 FROM "EventParticipant" p WHERE p."eventId" = e.id AND p."actorId" = $1::uuid)),
  'nodes', (SELECT ${list(`json_agg(json_build_object(${eventFields("e")},
      'article', json_build_object('id', ${globalId("Article", "a.id")}, 'slug', a."slug", 'displayTitle', ${displayTitle("a")}, '__typename', 'Article'),
      '__typename', 'Event') ORDER BY e."timeStart" NULLS LAST, e."evidenceStart", e.id)`)}
    FROM (SELECT e.* FROM "Event" e
           WHERE EXISTS (SELECT 1 FROM "EventParticipant" p WHERE p."eventId" = e.id AND p."actorId" = $1::uuid)
           ORDER BY e."timeStart" NULLS LAST, e."evidenceStart", e.id LIMIT $2) e
    JOIN "Article" a ON a.id = e."articleId"),
  '__typename', 'QueryEventsConnection'))::text AS data`;

/** The reference's statement for each operation it answers, on a schema with these features. */
export function referenceStatements(features: SchemaFeatures) {
  return {
    Article: ARTICLE,
    ArticleList: ARTICLE_LIST,
    FilterActors: filterActors(features),
    Search: search(features),
    ActorPage: ACTOR_PAGE,
    EventsByParticipant: EVENTS_BY_PARTICIPANT,
  };
}
