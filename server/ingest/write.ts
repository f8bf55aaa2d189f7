import { randomUUID } from "node:crypto";
import type { Actor, AnnotationDocument, Span } from "../extract/types.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import {
  type ColumnTypes,
  type InsertOptions,
  insertRowSets,
  insertRows,
  type RowSet,
} from "./bulk-insert.ts";

type Tx = Prisma.TransactionClient;

/**
 * An actor the text only describes ("der Vater", "ein Sprecher"): no lexicon entity and no mention
 * by name. Such a description names someone within one story, not the same someone everywhere.
 */
function isUnnamed(actor: Pick<Actor, "wikidataId" | "mentions">): boolean {
  return !actor.wikidataId && !actor.mentions.some((mention) => mention.form === "NAME");
}

/**
 * One entity in the database: its Wikidata id when the lexicons know it, else kind + name, and
 * for an unnamed description kind + name within its article only.
 */
function actorIdentityKey(
  actor: Pick<Actor, "kind" | "name" | "wikidataId" | "mentions">,
  articleId: string,
): string {
  if (actor.wikidataId) return `wikidata:${actor.wikidataId}`;
  const name = actor.name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
  const key = `${actor.kind}:${name}`;
  return isUnnamed(actor) ? `${articleIdentityPrefix(articleId)}${key}` : key;
}

/** What the identity keys of an article's own (unnamed) actors begin with. */
function articleIdentityPrefix(articleId: string): string {
  return `article:${articleId}:`;
}

/** The local actors of a document that are one database actor, taken together. */
type MergedActor = {
  identityKey: string;
  /** The first local id; the role row keeps it. */
  localId: string;
  actors: Actor[];
};

/** Groups a document's actors by identity key, in order of first appearance. */
function mergeByIdentity(actors: Actor[], articleId: string): MergedActor[] {
  const byKey = new Map<string, MergedActor>();
  for (const actor of actors) {
    const identityKey = actorIdentityKey(actor, articleId);
    const merged = byKey.get(identityKey);
    if (merged) merged.actors.push(actor);
    else byKey.set(identityKey, { identityKey, localId: actor.id, actors: [actor] });
  }
  return [...byKey.values()];
}

/** The names and aliases the merged local actors bring beyond those `known` already. */
function newNames(group: MergedActor, known: Set<string>): string[] {
  const names = group.actors.flatMap((actor) => [actor.name, ...actor.aliases]);
  return [...new Set(names)].filter((name) => !known.has(name));
}

function descriptionOf(actors: Actor[]): string | null {
  return actors.find((actor) => actor.description)?.description ?? null;
}

// An actor named in thousands of articles would otherwise gather every spelling ever seen.
const MAX_ALIASES = 50;

type StoredActor = {
  id: string;
  identityKey: string;
  name: string;
  aliases: string[];
  description: string | null;
};

/**
 * Finds or creates the database actors; returns identity key → database id. Plain SQL with one
 * array per column: Prisma compiles each createMany and update on the API's thread, which held up
 * other requests for a second on a long article.
 */
async function upsertActors(tx: Tx, merged: MergedActor[]): Promise<Map<string, string>> {
  // One order for every transaction, so that two ingests sharing actors cannot deadlock.
  const sorted = [...merged].sort((a, b) => (a.identityKey < b.identityKey ? -1 : 1));
  const rows = sorted.map((group) => {
    const first = group.actors[0] as Actor;
    return {
      id: randomUUID(),
      identityKey: group.identityKey,
      name: first.name,
      kind: first.kind,
      // JSON, because an array column cannot take one array per row through unnest.
      aliases: JSON.stringify(newNames(group, new Set([first.name])).slice(0, MAX_ALIASES)),
      description: descriptionOf(group.actors),
      wikidataId: first.wikidataId ?? null,
    };
  });
  // ON CONFLICT DO NOTHING: an ingest running beside this one may create the same actor.
  await insertRows(
    tx,
    "Actor",
    {
      id: "uuid",
      identityKey: "text",
      name: "text",
      kind: '"ActorKind"',
      aliases: "jsonb",
      description: "text",
      wikidataId: "text",
    },
    rows,
    { skipDuplicates: true, select: { aliases: "ARRAY(SELECT jsonb_array_elements_text(aliases))" } },
  );
  const keys = sorted.map((group) => group.identityKey);
  const stored = await tx.$queryRaw<StoredActor[]>`
    SELECT id::text, "identityKey", name, aliases, description FROM "Actor"
    WHERE "identityKey" = ANY(${keys}::text[]) ORDER BY "identityKey" FOR UPDATE`;
  const byKey = new Map(stored.map((row) => [row.identityKey, row]));
  const changes: { id: string; aliases: string; description: string | null }[] = [];
  const databaseIds = new Map<string, string>();
  for (const group of merged) {
    const row = byKey.get(group.identityKey);
    if (!row) throw new Error(`actor ${group.identityKey} vanished while ingesting`);
    databaseIds.set(group.identityKey, row.id);
    const room = Math.max(0, MAX_ALIASES - row.aliases.length);
    const aliases = newNames(group, new Set([row.name, ...row.aliases])).slice(0, room);
    const description = row.description ?? descriptionOf(group.actors);
    if (aliases.length || description !== row.description) {
      changes.push({ id: row.id, aliases: JSON.stringify([...row.aliases, ...aliases]), description });
    }
  }
  if (changes.length) {
    await tx.$executeRaw`
      UPDATE "Actor" SET aliases = ARRAY(SELECT jsonb_array_elements_text(change.aliases)),
        description = change.description
      FROM unnest(${changes.map((c) => c.id)}::uuid[], ${changes.map((c) => c.aliases)}::jsonb[],
        ${changes.map((c) => c.description)}::text[]) AS change(id, aliases, description)
      WHERE "Actor".id = change.id`;
  }
  return databaseIds;
}

function rowSet<Row extends Record<string, unknown>>(
  table: string,
  types: ColumnTypes<Row>,
  rows: Row[],
  options?: InsertOptions<Row>,
): RowSet {
  return { table, types, rows, options } as RowSet;
}

function spanColumns<P extends string>(prefix: P, span: Span | null | undefined) {
  return {
    [`${prefix}Start`]: span?.start ?? null,
    [`${prefix}End`]: span?.end ?? null,
    [`${prefix}Text`]: span?.text ?? null,
  } as Record<`${P}Start` | `${P}End`, number | null> & Record<`${P}Text`, string | null>;
}

/**
 * Writes what the extractor read from one article as rows. Runs inside the caller's transaction
 * and uses only its client: on the embedded database any other connection would wait for it.
 */
export async function writeAnnotation(tx: Tx, articleId: string, doc: AnnotationDocument): Promise<void> {
  const merged = mergeByIdentity(doc.actors, articleId);
  const idByKey = await upsertActors(tx, merged);
  const idByLocal = new Map(
    merged.flatMap(({ identityKey, actors }) => actors.map((actor) => [actor.id, idByKey.get(identityKey)])),
  );
  const actorId = (local: string | null | undefined): string | null =>
    local ? (idByLocal.get(local) ?? null) : null;

  const quoteIds = new Map(doc.quotes.map((quote) => [quote.id, randomUUID()]));
  const eventIds = new Map(doc.events.map((event) => [event.id, randomUUID()]));
  await insertRowSets(tx, [
    rowSet(
      "Segment",
      { articleId: "uuid", position: "int", kind: '"SegmentKind"', start: "int", end: "int" },
      doc.segments.map((segment, position) => ({ articleId, position, ...segment })),
    ),
    rowSet(
      "ArticleActor",
      { articleId: "uuid", actorId: "uuid", localId: "text", description: "text", mentionCount: "int" },
      merged.map(({ identityKey, localId, actors }) => ({
        articleId,
        actorId: idByKey.get(identityKey) as string,
        localId,
        description: descriptionOf(actors),
        mentionCount: actors.reduce((sum, actor) => sum + actor.mentions.length, 0),
      })),
    ),
    rowSet(
      "Mention",
      { articleId: "uuid", actorId: "uuid", start: "int", end: "int", text: "text", form: '"MentionForm"' },
      doc.actors.flatMap((actor) =>
        actor.mentions.map((mention) => ({
          articleId,
          actorId: actorId(actor.id) as string,
          start: mention.start,
          end: mention.end,
          text: mention.text,
          form: mention.form,
        })),
      ),
    ),
    rowSet(
      "Quote",
      {
        id: "uuid",
        articleId: "uuid",
        localId: "text",
        kind: '"QuoteKind"',
        text: "text",
        start: "int",
        end: "int",
        parts: "jsonb",
        speakerId: "uuid",
        speakerMentionStart: "int",
        speakerMentionEnd: "int",
        speakerMentionText: "text",
        addresseeId: "uuid",
        viaId: "uuid",
        cueStart: "int",
        cueEnd: "int",
        cueText: "text",
        confidence: "float8",
        rule: "text",
        speakerRule: "text",
      },
      doc.quotes.map((quote) => ({
        id: quoteIds.get(quote.id) as string,
        articleId,
        localId: quote.id,
        kind: quote.kind,
        text: quote.text,
        start: quote.start,
        end: quote.end,
        parts: quote.parts ? JSON.stringify(quote.parts) : null,
        speakerId: actorId(quote.speaker),
        ...spanColumns("speakerMention", quote.speakerMention),
        addresseeId: actorId(quote.addressee),
        viaId: actorId(quote.via),
        ...spanColumns("cue", quote.cue),
        confidence: quote.confidence,
        rule: quote.rule ?? null,
        speakerRule: quote.speakerRule ?? null,
      })),
    ),
    rowSet(
      "Event",
      {
        id: "uuid",
        articleId: "uuid",
        localId: "text",
        cameo: "text",
        summary: "text",
        triggerStart: "int",
        triggerEnd: "int",
        triggerText: "text",
        evidenceStart: "int",
        evidenceEnd: "int",
        evidenceText: "text",
        placeId: "uuid",
        timeStart: "date",
        timeEnd: "date",
        timePrecision: '"TimePrecision"',
        timeDirection: '"TimeDirection"',
        timeSpanStart: "int",
        timeSpanEnd: "int",
        timeSpanText: "text",
        modality: '"Modality"',
        attributedToId: "uuid",
        confidence: "float8",
        rule: "text",
      },
      doc.events.map((event) => ({
        id: eventIds.get(event.id) as string,
        articleId,
        localId: event.id,
        cameo: event.cameo,
        summary: event.summary,
        triggerStart: event.trigger.start,
        triggerEnd: event.trigger.end,
        triggerText: event.trigger.text,
        evidenceStart: event.evidence.start,
        evidenceEnd: event.evidence.end,
        evidenceText: event.evidence.text,
        placeId: actorId(event.place),
        timeStart: event.time?.start ?? null,
        timeEnd: event.time?.end ?? null,
        timePrecision: event.time?.precision ?? null,
        timeDirection: event.time?.direction ?? null,
        ...spanColumns("timeSpan", event.time?.span),
        modality: event.modality,
        attributedToId: actorId(event.attributedTo),
        confidence: event.confidence,
        rule: event.rule ?? null,
      })),
    ),
    rowSet(
      "EventParticipant",
      { eventId: "uuid", actorId: "uuid", role: '"ParticipantRole"', rule: "text" },
      doc.events.flatMap((event) =>
        event.participants.map((participant) => ({
          eventId: eventIds.get(event.id) as string,
          actorId: actorId(participant.actor) as string,
          role: participant.role,
          rule: participant.rule ?? null,
        })),
      ),
      { skipDuplicates: true },
    ),
    rowSet(
      "QuoteEvent",
      { quoteId: "uuid", eventId: "uuid" },
      doc.events.flatMap((event) =>
        (event.quotes ?? []).map((quote) => ({
          eventId: eventIds.get(event.id) as string,
          quoteId: quoteIds.get(quote) as string,
        })),
      ),
      { skipDuplicates: true },
    ),
  ]);
}

/** Removes the rows written from an article's previous annotation (the article itself stays). */
async function clearAnnotation(tx: Tx, articleId: string): Promise<void> {
  // Quotes and events cascade to their participants and links.
  await tx.event.deleteMany({ where: { articleId } });
  await tx.quote.deleteMany({ where: { articleId } });
  await tx.mention.deleteMany({ where: { articleId } });
  await tx.articleActor.deleteMany({ where: { articleId } });
  await tx.segment.deleteMany({ where: { articleId } });
}

/**
 * Replaces an article's rows by those of a new annotation. The article's own unnamed actors keep
 * their ids when read again; those the new reading no longer finds go.
 */
export async function replaceAnnotation(tx: Tx, articleId: string, doc: AnnotationDocument): Promise<void> {
  const ownActors = await tx.articleActor.findMany({
    where: { articleId, actor: { identityKey: { startsWith: articleIdentityPrefix(articleId) } } },
    select: { actorId: true },
  });
  await clearAnnotation(tx, articleId);
  await writeAnnotation(tx, articleId, doc);
  await tx.actor.deleteMany({
    where: { id: { in: ownActors.map((role) => role.actorId) }, roles: { none: {} } },
  });
}
