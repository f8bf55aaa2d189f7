-- Reads that stay flat as articles grow (hand-written: Prisma cannot declare generated columns,
-- triggers, expression or operator-class indexes, or NULLS LAST in an index).

-- Front page order: newest first, undated last (the default of `articles`), served by an index
-- so that a page reads 20 rows, not every article.
CREATE INDEX "Article_newest_idx" ON "Article" ("publishedAt" DESC NULLS LAST, "createdAt" DESC, "id");

-- An article with its actors, most mentioned first (the article page, the counts of a list).
CREATE INDEX "ArticleActor_articleId_mentionCount_idx" ON "ArticleActor" ("articleId", "mentionCount" DESC);

-- An actor page: its mentions and its quotes in (article, text) order, read a page at a time
-- instead of sorting all of them (these replace the indexes on actorId and speakerId alone).
DROP INDEX "Mention_actorId_idx";
CREATE INDEX "Mention_actorId_articleId_start_id_idx" ON "Mention" ("actorId", "articleId", "start", "id");
DROP INDEX "Quote_speakerId_idx";
CREATE INDEX "Quote_speakerId_articleId_start_id_idx" ON "Quote" ("speakerId", "articleId", "start", "id");

-- A titleless article is listed by its first words: its opening is kept beside the text, so a
-- list never reads whole texts.
ALTER TABLE "Article"
  ADD COLUMN "textOpening" TEXT GENERATED ALWAYS AS (substring("text" FROM '[^[:space:]].{0,199}')) STORED;

-- Full-text search: the words of each article stemmed in its own language, stored, so that ranking
-- reads the vector instead of parsing the text again: queries are parsed per language.
ALTER TABLE "Article"
  ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    to_tsvector(
      CASE WHEN "language" = 'de' THEN 'german'::regconfig ELSE 'english'::regconfig END,
      coalesce("title", '') || ' ' || "text"
    )
  ) STORED;
DROP INDEX IF EXISTS "Article_text_search_idx";
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- Quotes the same way, in the language of their article (a generated column cannot read the
-- article, so a trigger fills it on every write of the words).
ALTER TABLE "Quote" ADD COLUMN "searchVector" tsvector;
CREATE FUNCTION "Quote_searchVector_fill"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := to_tsvector(
    CASE WHEN (SELECT "language" FROM "Article" WHERE id = NEW."articleId") = 'de'
         THEN 'german'::regconfig ELSE 'english'::regconfig END,
    NEW."text");
  RETURN NEW;
END $$;
CREATE TRIGGER "Quote_searchVector_fill" BEFORE INSERT OR UPDATE OF "text", "articleId" ON "Quote"
  FOR EACH ROW EXECUTE FUNCTION "Quote_searchVector_fill"();
-- An article read again in another language has its quotes stemmed again.
CREATE FUNCTION "Article_language_restem_quotes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Quote" SET "searchVector" = to_tsvector(
      CASE WHEN NEW."language" = 'de' THEN 'german'::regconfig ELSE 'english'::regconfig END, "text")
   WHERE "articleId" = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER "Article_language_restem_quotes" AFTER UPDATE OF "language" ON "Article"
  FOR EACH ROW WHEN (OLD."language" IS DISTINCT FROM NEW."language")
  EXECUTE FUNCTION "Article_language_restem_quotes"();
UPDATE "Quote" q SET "searchVector" = to_tsvector(
    CASE WHEN a."language" = 'de' THEN 'german'::regconfig ELSE 'english'::regconfig END, q."text")
  FROM "Article" a WHERE a.id = q."articleId";
CREATE INDEX "Quote_searchVector_idx" ON "Quote" USING GIN ("searchVector");

-- Actors: mentions counted as they are written (search and the actor list order by it without
-- counting the Mention table), names and aliases searchable by an index.
ALTER TABLE "Actor" ADD COLUMN "mentionCount" INTEGER NOT NULL DEFAULT 0;
UPDATE "Actor" a SET "mentionCount" = m.n
  FROM (SELECT "actorId", count(*)::int AS n FROM "Mention" GROUP BY 1) m WHERE a.id = m."actorId";
CREATE INDEX "Actor_mentionCount_name_id_idx" ON "Actor" ("mentionCount" DESC, "name", "id");

-- One statement-level trigger per kind of write, so a bulk insert of the mentions of an article
-- updates each actor once. Actors are locked in identityKey order, the order ingest locks them
-- in, so concurrent writers never wait on each other in a cycle.
CREATE FUNCTION "Actor_mentionCount_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid[];
  counts int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg("actorId"), array_agg(n) INTO changed, counts
      FROM (SELECT "actorId", count(*)::int AS n FROM new_mentions GROUP BY 1) c;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg("actorId"), array_agg(n) INTO changed, counts
      FROM (SELECT "actorId", -count(*)::int AS n FROM old_mentions GROUP BY 1) c;
  ELSE
    SELECT array_agg("actorId"), array_agg(n) INTO changed, counts
      FROM (SELECT "actorId", sum(n)::int AS n
              FROM (SELECT "actorId", 1 AS n FROM new_mentions
                    UNION ALL SELECT "actorId", -1 FROM old_mentions) AS moved
             GROUP BY 1 HAVING sum(n) <> 0) c;
  END IF;
  IF changed IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM "Actor" WHERE id = ANY (changed) ORDER BY "identityKey" FOR UPDATE;
  UPDATE "Actor" a SET "mentionCount" = a."mentionCount" + c.n
    FROM unnest(changed, counts) AS c(id, n) WHERE a.id = c.id;
  RETURN NULL;
END $$;
CREATE TRIGGER "Mention_count_insert" AFTER INSERT ON "Mention"
  REFERENCING NEW TABLE AS new_mentions FOR EACH STATEMENT EXECUTE FUNCTION "Actor_mentionCount_apply"();
CREATE TRIGGER "Mention_count_update" AFTER UPDATE ON "Mention"
  REFERENCING OLD TABLE AS old_mentions NEW TABLE AS new_mentions
  FOR EACH STATEMENT EXECUTE FUNCTION "Actor_mentionCount_apply"();
CREATE TRIGGER "Mention_count_delete" AFTER DELETE ON "Mention"
  REFERENCING OLD TABLE AS old_mentions FOR EACH STATEMENT EXECUTE FUNCTION "Actor_mentionCount_apply"();

-- Name contains the query (case-insensitive) and alias equality, each served by an index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Actor_name_trgm_idx" ON "Actor" USING GIN ("name" gin_trgm_ops);
CREATE INDEX "Actor_aliases_idx" ON "Actor" USING GIN ("aliases");
