import { randomUUID } from "node:crypto";
import type { Actor, AnnotationDocument, Span } from "../extract/types.ts";
import type { Prisma } from "../generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

/** One entity across articles: its Wikidata id when the lexicons know it, else kind + name. */
export function actorIdentityKey(actor: Pick<Actor, "kind" | "name" | "wikidataId">): string {
  if (actor.wikidataId) return `wikidata:${actor.wikidataId}`;
  const name = actor.name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
  return `${actor.kind}:${name}`;
}

function toDate(day: string | null | undefined): Date | null {
  return day ? new Date(`${day}T00:00:00Z`) : null;
}

/** Finds or creates the global actors of a document; returns local id ("a1") → database id. */
async function upsertActors(tx: Tx, actors: Actor[]): Promise<Map<string, string>> {
  const keys = actors.map(actorIdentityKey);
  // ON CONFLICT DO NOTHING: an ingest running beside this one may create the same actor.
  await tx.actor.createMany({
    data: actors.map((actor, index) => ({
      identityKey: keys[index] as string,
      name: actor.name,
      kind: actor.kind,
      aliases: actor.aliases,
      description: actor.description ?? null,
      wikidataId: actor.wikidataId ?? null,
    })),
    skipDuplicates: true,
  });
  const stored = await tx.actor.findMany({ where: { identityKey: { in: keys } } });
  const byKey = new Map(stored.map((row) => [row.identityKey, row]));
  const databaseIds = new Map<string, string>();
  for (const [index, actor] of actors.entries()) {
    const row = byKey.get(keys[index] as string);
    if (!row) throw new Error(`actor ${actor.name} vanished while ingesting`);
    databaseIds.set(actor.id, row.id);
    const known = new Set([row.name, ...row.aliases]);
    const newAliases = [actor.name, ...actor.aliases].filter((alias) => !known.has(alias));
    if (newAliases.length || (!row.description && actor.description)) {
      await tx.actor.update({
        where: { id: row.id },
        data: {
          aliases: [...row.aliases, ...new Set(newAliases)],
          description: row.description ?? actor.description ?? null,
        },
      });
      row.aliases.push(...newAliases);
    }
  }
  return databaseIds;
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
  const actorIds = await upsertActors(tx, doc.actors);
  const actorId = (local: string | null | undefined): string | null =>
    local ? (actorIds.get(local) ?? null) : null;

  await tx.segment.createMany({
    data: doc.segments.map((segment, position) => ({ articleId, position, ...segment })),
  });
  await tx.articleActor.createMany({
    data: doc.actors.map((actor) => ({
      articleId,
      actorId: actorId(actor.id) as string,
      localId: actor.id,
      description: actor.description ?? null,
      mentionCount: actor.mentions.length,
    })),
  });
  await tx.mention.createMany({
    data: doc.actors.flatMap((actor) =>
      actor.mentions.map((mention) => ({
        articleId,
        actorId: actorId(actor.id) as string,
        start: mention.start,
        end: mention.end,
        text: mention.text,
        form: mention.form,
      })),
    ),
  });

  const quoteIds = new Map(doc.quotes.map((quote) => [quote.id, randomUUID()]));
  await tx.quote.createMany({
    data: doc.quotes.map((quote) => ({
      id: quoteIds.get(quote.id) as string,
      articleId,
      localId: quote.id,
      kind: quote.kind,
      text: quote.text,
      start: quote.start,
      end: quote.end,
      parts: quote.parts ?? undefined,
      speakerId: actorId(quote.speaker),
      ...spanColumns("speakerMention", quote.speakerMention),
      addresseeId: actorId(quote.addressee),
      viaId: actorId(quote.via),
      ...spanColumns("cue", quote.cue),
      confidence: quote.confidence,
    })),
  });

  const eventIds = new Map(doc.events.map((event) => [event.id, randomUUID()]));
  await tx.event.createMany({
    data: doc.events.map((event) => ({
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
      timeStart: toDate(event.time?.start),
      timeEnd: toDate(event.time?.end),
      timePrecision: event.time?.precision ?? null,
      timeDirection: event.time?.direction ?? null,
      ...spanColumns("timeSpan", event.time?.span),
      modality: event.modality,
      attributedToId: actorId(event.attributedTo),
      confidence: event.confidence,
    })),
  });
  await tx.eventParticipant.createMany({
    data: doc.events.flatMap((event) =>
      event.participants.map((participant) => ({
        eventId: eventIds.get(event.id) as string,
        actorId: actorId(participant.actor) as string,
        role: participant.role,
      })),
    ),
    skipDuplicates: true,
  });
  await tx.quoteEvent.createMany({
    data: doc.events.flatMap((event) =>
      (event.quotes ?? []).map((quote) => ({
        eventId: eventIds.get(event.id) as string,
        quoteId: quoteIds.get(quote) as string,
      })),
    ),
    skipDuplicates: true,
  });
}

/** Removes the rows written from an article's previous annotation (the article itself stays). */
export async function clearAnnotation(tx: Tx, articleId: string): Promise<void> {
  // Quotes and events cascade to their participants and links.
  await tx.event.deleteMany({ where: { articleId } });
  await tx.quote.deleteMany({ where: { articleId } });
  await tx.mention.deleteMany({ where: { articleId } });
  await tx.articleActor.deleteMany({ where: { articleId } });
  await tx.segment.deleteMany({ where: { articleId } });
}
