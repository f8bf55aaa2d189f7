-- Grows a database for read profiling: copies every article that is not a copy already into
-- :copies new articles each (the first :originals of them, in id order) (new ids, slugs, content hashes, publication days), with all their rows.
-- People and organisations get a new actor per copy (news keeps naming new people), countries,
-- places and groups stay shared (news keeps naming the same countries), so actor counts and
-- per-actor mention counts grow as in an archive. Run on a database of ingested articles:
--   psql "$DATABASE_URL" -v copies=13 -v originals=100000 -f scripts/grow-corpus.sql
-- Reads the tables' columns at run time, so later columns are copied too (not generated ones).
CREATE OR REPLACE FUNCTION pg_temp.copy_rows(tbl text, source_where text, overrides text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  columns text;
BEGIN
  SELECT string_agg(format('%I', column_name), ', ' ORDER BY ordinal_position) INTO columns
    FROM information_schema.columns
   WHERE table_schema = 'public' AND table_name = tbl AND is_generated = 'NEVER'
     AND column_default IS DISTINCT FROM format('nextval(''"%s_id_seq"''::regclass)', tbl);
  EXECUTE format(
    'INSERT INTO %I (%s) SELECT %s FROM (SELECT (jsonb_populate_record(NULL::%I, to_jsonb(src) || %s)).* FROM %I src %s) AS copied',
    tbl, columns, columns, tbl, overrides, tbl, source_where);
END $$;

CREATE TEMP TABLE originals AS
  SELECT id FROM "Article" WHERE slug !~ '-copy-[0-9]+$' ORDER BY id LIMIT :originals;

SELECT format($copy$
  CREATE TEMP TABLE article_map AS
    SELECT id AS old, gen_random_uuid() AS new FROM originals;
  CREATE TEMP TABLE actor_map AS
    SELECT id AS old, gen_random_uuid() AS new FROM "Actor"
     WHERE kind IN ('PERSON', 'ORGANIZATION')
       AND id IN (SELECT "actorId" FROM "ArticleActor" WHERE "articleId" IN (SELECT id FROM originals));
  CREATE TEMP TABLE quote_map AS
    SELECT q.id AS old, gen_random_uuid() AS new FROM "Quote" q JOIN article_map m ON m.old = q."articleId";
  CREATE TEMP TABLE event_map AS
    SELECT e.id AS old, gen_random_uuid() AS new FROM "Event" e JOIN article_map m ON m.old = e."articleId";
  SELECT pg_temp.copy_rows('Actor', 'JOIN actor_map m ON m.old = src.id',
    $$jsonb_build_object('id', m.new, 'identityKey', src."identityKey" || '#copy-%1$s',
      'name', src.name || ' ' || (ARRAY['Becker','Novak','Haddad','Silva','Kowalski','Okafor','Lindqvist','Moreau','Tanaka','Petrov','Nguyen','Rossi','Schulz'])[1 + %1$s %% 13] || '-%1$s',
      'wikidataId', NULL)$$);
  SELECT pg_temp.copy_rows('Article', 'JOIN article_map m ON m.old = src.id',
    $$jsonb_build_object('id', m.new, 'slug', src.slug || '-copy-%1$s', 'contentHash', src."contentHash" || '-copy-%1$s',
      'publishedAt', CASE WHEN src."publishedAt" >= DATE '1950-01-01'
        THEN src."publishedAt" + (%1$s * 97 + (hashtext(src.slug) & 511)) %% 4000 - 2000 ELSE src."publishedAt" END,
      'createdAt', src."createdAt" + interval '1 second' * %1$s)$$);
  INSERT INTO "Segment" ("articleId", position, kind, start, "end")
    SELECT m.new, position, kind, start, "end" FROM "Segment" s JOIN article_map m ON m.old = s."articleId";
  INSERT INTO "ArticleActor" ("articleId", "actorId", "localId", description, "mentionCount")
    SELECT m.new, coalesce(am.new, r."actorId"), "localId", description, "mentionCount"
      FROM "ArticleActor" r JOIN article_map m ON m.old = r."articleId" LEFT JOIN actor_map am ON am.old = r."actorId";
  INSERT INTO "Mention" ("articleId", "actorId", start, "end", text, form)
    SELECT m.new, coalesce(am.new, x."actorId"), start, "end", text, form
      FROM "Mention" x JOIN article_map m ON m.old = x."articleId" LEFT JOIN actor_map am ON am.old = x."actorId";
  SELECT pg_temp.copy_rows('Quote', 'JOIN quote_map qm ON qm.old = src.id JOIN article_map m ON m.old = src."articleId"
      LEFT JOIN actor_map s ON s.old = src."speakerId" LEFT JOIN actor_map a ON a.old = src."addresseeId" LEFT JOIN actor_map v ON v.old = src."viaId"',
    $$jsonb_build_object('id', qm.new, 'articleId', m.new, 'speakerId', coalesce(s.new, src."speakerId"),
      'addresseeId', coalesce(a.new, src."addresseeId"), 'viaId', coalesce(v.new, src."viaId"))$$);
  SELECT pg_temp.copy_rows('Event', 'JOIN event_map em ON em.old = src.id JOIN article_map m ON m.old = src."articleId"
      LEFT JOIN actor_map p ON p.old = src."placeId" LEFT JOIN actor_map t ON t.old = src."attributedToId"',
    $$jsonb_build_object('id', em.new, 'articleId', m.new, 'placeId', coalesce(p.new, src."placeId"),
      'attributedToId', coalesce(t.new, src."attributedToId"),
      'timeStart', src."timeStart" + (%1$s * 97) %% 4000 - 2000, 'timeEnd', src."timeEnd" + (%1$s * 97) %% 4000 - 2000)$$);
  INSERT INTO "EventParticipant" ("eventId", "actorId", role)
    SELECT em.new, coalesce(am.new, p."actorId"), role
      FROM "EventParticipant" p JOIN event_map em ON em.old = p."eventId" LEFT JOIN actor_map am ON am.old = p."actorId";
  INSERT INTO "QuoteEvent" ("quoteId", "eventId")
    SELECT qm.new, em.new FROM "QuoteEvent" l JOIN quote_map qm ON qm.old = l."quoteId" JOIN event_map em ON em.old = l."eventId";
  DROP TABLE article_map, actor_map, quote_map, event_map;
$copy$, generation) FROM generate_series(1, :copies) AS generation
\gexec

ANALYZE;
