-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('PERSON', 'COUNTRY', 'ORGANIZATION', 'PLACE', 'GROUP');

-- CreateEnum
CREATE TYPE "SegmentKind" AS ENUM ('TITLE', 'BODY', 'BOILERPLATE', 'COMMENT');

-- CreateEnum
CREATE TYPE "MentionForm" AS ENUM ('NAME', 'NOMINAL', 'PRONOUN');

-- CreateEnum
CREATE TYPE "QuoteKind" AS ENUM ('DIRECT', 'INDIRECT', 'PARTIAL', 'MIXED');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('AGENT', 'RECIPIENT', 'TARGET', 'PARTICIPANT');

-- CreateEnum
CREATE TYPE "TimePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR', 'RANGE', 'VAGUE');

-- CreateEnum
CREATE TYPE "TimeDirection" AS ENUM ('PAST', 'FUTURE');

-- CreateEnum
CREATE TYPE "Modality" AS ENUM ('ASSERTED', 'REPORTED', 'ALLEGED', 'EXPECTED', 'PLANNED', 'HYPOTHETICAL', 'NEGATED');

-- CreateTable
CREATE TABLE "Article" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT,
    "url" TEXT,
    "source" TEXT,
    "language" TEXT NOT NULL,
    "publishedAt" DATE,
    "text" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "extractorVersion" TEXT NOT NULL,
    "annotation" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Segment" (
    "id" SERIAL NOT NULL,
    "articleId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "SegmentKind" NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "Segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Actor" (
    "id" UUID NOT NULL,
    "identityKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "aliases" TEXT[],
    "description" TEXT,
    "wikidataId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleActor" (
    "articleId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "localId" TEXT NOT NULL,
    "description" TEXT,
    "mentionCount" INTEGER NOT NULL,

    CONSTRAINT "ArticleActor_pkey" PRIMARY KEY ("articleId","actorId")
);

-- CreateTable
CREATE TABLE "Mention" (
    "id" SERIAL NOT NULL,
    "articleId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "form" "MentionForm" NOT NULL,

    CONSTRAINT "Mention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "localId" TEXT NOT NULL,
    "kind" "QuoteKind" NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "parts" JSONB,
    "speakerId" UUID,
    "speakerMentionStart" INTEGER,
    "speakerMentionEnd" INTEGER,
    "speakerMentionText" TEXT,
    "addresseeId" UUID,
    "viaId" UUID,
    "cueStart" INTEGER,
    "cueEnd" INTEGER,
    "cueText" TEXT,
    "confidence" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "localId" TEXT NOT NULL,
    "cameo" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "triggerStart" INTEGER NOT NULL,
    "triggerEnd" INTEGER NOT NULL,
    "triggerText" TEXT NOT NULL,
    "evidenceStart" INTEGER NOT NULL,
    "evidenceEnd" INTEGER NOT NULL,
    "evidenceText" TEXT NOT NULL,
    "placeId" UUID,
    "timeStart" DATE,
    "timeEnd" DATE,
    "timePrecision" "TimePrecision",
    "timeDirection" "TimeDirection",
    "timeSpanStart" INTEGER,
    "timeSpanEnd" INTEGER,
    "timeSpanText" TEXT,
    "modality" "Modality" NOT NULL,
    "attributedToId" UUID,
    "confidence" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventParticipant" (
    "eventId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "role" "ParticipantRole" NOT NULL,

    CONSTRAINT "EventParticipant_pkey" PRIMARY KEY ("eventId","actorId","role")
);

-- CreateTable
CREATE TABLE "QuoteEvent" (
    "quoteId" UUID NOT NULL,
    "eventId" UUID NOT NULL,

    CONSTRAINT "QuoteEvent_pkey" PRIMARY KEY ("quoteId","eventId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Article_contentHash_key" ON "Article"("contentHash");

-- CreateIndex
CREATE INDEX "Article_publishedAt_idx" ON "Article"("publishedAt");

-- CreateIndex
CREATE INDEX "Article_extractorVersion_idx" ON "Article"("extractorVersion");

-- CreateIndex
CREATE UNIQUE INDEX "Segment_articleId_position_key" ON "Segment"("articleId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_identityKey_key" ON "Actor"("identityKey");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_wikidataId_key" ON "Actor"("wikidataId");

-- CreateIndex
CREATE INDEX "Actor_kind_idx" ON "Actor"("kind");

-- CreateIndex
CREATE INDEX "Actor_name_idx" ON "Actor"("name");

-- CreateIndex
CREATE INDEX "ArticleActor_actorId_idx" ON "ArticleActor"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleActor_articleId_localId_key" ON "ArticleActor"("articleId", "localId");

-- CreateIndex
CREATE INDEX "Mention_articleId_start_idx" ON "Mention"("articleId", "start");

-- CreateIndex
CREATE INDEX "Mention_actorId_idx" ON "Mention"("actorId");

-- CreateIndex
CREATE INDEX "Quote_speakerId_idx" ON "Quote"("speakerId");

-- CreateIndex
CREATE INDEX "Quote_articleId_start_idx" ON "Quote"("articleId", "start");

-- CreateIndex
CREATE UNIQUE INDEX "Quote_articleId_localId_key" ON "Quote"("articleId", "localId");

-- CreateIndex
CREATE INDEX "Event_articleId_evidenceStart_idx" ON "Event"("articleId", "evidenceStart");

-- CreateIndex
CREATE INDEX "Event_cameo_idx" ON "Event"("cameo");

-- CreateIndex
CREATE INDEX "Event_timeStart_timeEnd_idx" ON "Event"("timeStart", "timeEnd");

-- CreateIndex
CREATE UNIQUE INDEX "Event_articleId_localId_key" ON "Event"("articleId", "localId");

-- CreateIndex
CREATE INDEX "EventParticipant_actorId_role_idx" ON "EventParticipant"("actorId", "role");

-- CreateIndex
CREATE INDEX "QuoteEvent_eventId_idx" ON "QuoteEvent"("eventId");

-- AddForeignKey
ALTER TABLE "Segment" ADD CONSTRAINT "Segment_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleActor" ADD CONSTRAINT "ArticleActor_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleActor" ADD CONSTRAINT "ArticleActor_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_addresseeId_fkey" FOREIGN KEY ("addresseeId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_viaId_fkey" FOREIGN KEY ("viaId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_attributedToId_fkey" FOREIGN KEY ("attributedToId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteEvent" ADD CONSTRAINT "QuoteEvent_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteEvent" ADD CONSTRAINT "QuoteEvent_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search (hand-written: Prisma cannot declare expression indexes).
-- Each article is stemmed with its own language's configuration, and queries are parsed the same way.
CREATE INDEX "Article_text_search_idx" ON "Article" USING GIN (
    to_tsvector(
        CASE WHEN "language" = 'de' THEN 'german'::regconfig ELSE 'english'::regconfig END,
        coalesce("title", '') || ' ' || "text"
    )
);
