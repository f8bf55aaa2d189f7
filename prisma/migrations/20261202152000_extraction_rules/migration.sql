-- The extractor's named rules (issue 9): which rule found each quote, chose its speaker, found
-- each event and gave each participant its role. Nullable: rows ingested before have none.
ALTER TABLE "Quote" ADD COLUMN "rule" TEXT,
ADD COLUMN "speakerRule" TEXT;

ALTER TABLE "Event" ADD COLUMN "rule" TEXT;

ALTER TABLE "EventParticipant" ADD COLUMN "rule" TEXT;
