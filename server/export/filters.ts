// The filters an export accepts, as query parameters (HTTP) or options (CLI), with the same names
// and meanings as the API's filter inputs. Each is checked here; unknown names are refused, so a
// misspelt filter never silently exports everything.

import type { PrismaClient } from "../generated/prisma/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { normaliseDate } from "../ingest/input.ts";
import { ExportError } from "./errors.ts";

export type ExportFilter = {
  /** Article UUID. */
  article?: string;
  /** Actor UUID: the quote's speaker. */
  speaker?: string;
  /** Actor UUID: taking part (events, network) or appearing (actors). */
  actor?: string;
  role?: string;
  kind?: string;
  language?: string;
  publishedFrom?: string;
  publishedTo?: string;
  cameoRoot?: string;
  modality?: string[];
  /** Event time overlaps [from, to]. */
  from?: string;
  to?: string;
  minConfidence?: number;
  name?: string;
};

export type FilterName = keyof ExportFilter;

const QUOTE_KINDS = ["DIRECT", "INDIRECT", "PARTIAL", "MIXED"];
const ACTOR_KINDS = ["PERSON", "COUNTRY", "ORGANIZATION", "PLACE", "GROUP"];
const ROLES = ["AGENT", "RECIPIENT", "TARGET", "PARTICIPANT"];
const MODALITIES = ["ASSERTED", "REPORTED", "ALLEGED", "EXPECTED", "PLANNED", "HYPOTHETICAL", "NEGATED"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WIKIDATA_ID = /^Q\d+$/;
const MAX_VALUE_LENGTH = 500;

function bad(message: string): ExportError {
  return new ExportError("BAD_EXPORT_FILTER", message);
}

function oneOf(name: string, value: string, allowed: string[]): string {
  const upper = value.toUpperCase();
  if (!allowed.includes(upper)) throw bad(`${name}=${value} is not one of ${allowed.join(", ")}.`);
  return upper;
}

function day(name: string, value: string): string {
  const date = normaliseDate(value);
  if (!date) throw bad(`${name}=${value} is not a date: use YYYY-MM-DD.`);
  return date;
}

/** The UUID inside an API global ID ("Article:uuid" in base64) of the given type, or a bare UUID. */
function uuidOf(value: string, typename: string): string | null {
  if (UUID.test(value)) return value.toLowerCase();
  const [type, id] = Buffer.from(value, "base64").toString("utf8").split(":");
  return type === typename && id && UUID.test(id) ? id.toLowerCase() : null;
}

async function articleId(prisma: PrismaClient, value: string): Promise<string> {
  const id = uuidOf(value, "Article");
  const found = await prisma.article.findFirst({
    where: id ? { id } : { slug: value },
    select: { id: true },
  });
  if (!found)
    throw new ExportError("NOT_FOUND", `No article has the ID or slug ${JSON.stringify(value)}.`, 404);
  return found.id;
}

async function actorId(prisma: PrismaClient, name: string, value: string): Promise<string> {
  const id = uuidOf(value, "Actor");
  if (!id && !WIKIDATA_ID.test(value)) {
    throw bad(`${name}=${value} is not an actor: use an actor's ID from the API or its Wikidata ID (Q…).`);
  }
  const found = await prisma.actor.findFirst({
    where: id ? { id } : { wikidataId: value },
    select: { id: true },
  });
  if (!found) throw new ExportError("NOT_FOUND", `No actor has the ID ${JSON.stringify(value)}.`, 404);
  return found.id;
}

/**
 * Checks the given parameters against the filters `allowed` for one export and resolves IDs
 * (global IDs, UUIDs, slugs, Wikidata IDs) to the database's UUIDs.
 */
export async function parseFilter(
  prisma: PrismaClient,
  params: Iterable<[string, string]>,
  allowed: readonly FilterName[],
): Promise<ExportFilter> {
  const filter: ExportFilter = {};
  for (const [name, raw] of params) {
    const value = raw.trim();
    if (!(allowed as readonly string[]).includes(name)) {
      throw bad(`Unknown filter "${name}": this export takes ${allowed.join(", ") || "no filters"}.`);
    }
    if (value === "") continue;
    if (value.length > MAX_VALUE_LENGTH) throw bad(`${name} is longer than ${MAX_VALUE_LENGTH} characters.`);
    switch (name as FilterName) {
      case "article":
        filter.article = await articleId(prisma, value);
        break;
      case "speaker":
        filter.speaker = await actorId(prisma, name, value);
        break;
      case "actor":
        filter.actor = await actorId(prisma, name, value);
        break;
      case "role":
        filter.role = oneOf(name, value, ROLES);
        break;
      case "kind":
        filter.kind = oneOf(name, value, allowed.includes("speaker") ? QUOTE_KINDS : ACTOR_KINDS);
        break;
      case "language":
        if (!/^[a-z]{2}$/i.test(value))
          throw bad(`language=${value} is not a language code such as de or en.`);
        filter.language = value.toLowerCase();
        break;
      case "publishedFrom":
      case "publishedTo":
      case "from":
      case "to":
        filter[name as "from"] = day(name, value);
        break;
      case "cameoRoot":
        if (!/^(0[1-9]|1\d|20)$/.test(value))
          throw bad(`cameoRoot=${value}: a CAMEO root is two digits, 01 to 20.`);
        filter.cameoRoot = value;
        break;
      case "modality":
        filter.modality = value.split(",").map((item) => oneOf(name, item.trim(), MODALITIES));
        break;
      case "minConfidence": {
        const number = Number(value);
        if (!Number.isFinite(number) || number < 0 || number > 1)
          throw bad(`minConfidence=${value} is not between 0 and 1.`);
        filter.minConfidence = number;
        break;
      }
      case "name":
        filter.name = value;
        break;
    }
  }
  return filter;
}

/** Conditions on the article (alias `a`) that quotes, events and the network share. */
export function articleConditions(filter: ExportFilter): Prisma.Sql[] {
  return [
    ...(filter.article ? [Prisma.sql`a.id = ${filter.article}::uuid`] : []),
    ...(filter.language ? [Prisma.sql`a.language = ${filter.language}`] : []),
    ...(filter.publishedFrom ? [Prisma.sql`a."publishedAt" >= ${filter.publishedFrom}::date`] : []),
    ...(filter.publishedTo ? [Prisma.sql`a."publishedAt" <= ${filter.publishedTo}::date`] : []),
  ];
}

/** Conditions on events (alias `e`) as the API's EventFilter has them. */
export function eventConditions(filter: ExportFilter): Prisma.Sql[] {
  const participant = filter.actor
    ? Prisma.sql`EXISTS (SELECT 1 FROM "EventParticipant" ep WHERE ep."eventId" = e.id
                   AND ep."actorId" = ${filter.actor}::uuid
                   ${filter.role ? Prisma.sql`AND ep.role = ${filter.role}::"ParticipantRole"` : Prisma.empty})`
    : null;
  return [
    ...articleConditions(filter),
    ...(participant ? [participant] : []),
    ...(filter.cameoRoot ? [Prisma.sql`left(e.cameo, 2) = ${filter.cameoRoot}`] : []),
    ...(filter.modality?.length ? [Prisma.sql`e.modality::text IN (${Prisma.join(filter.modality)})`] : []),
    ...(filter.from ? [Prisma.sql`e."timeEnd" >= ${filter.from}::date`] : []),
    ...(filter.to ? [Prisma.sql`e."timeStart" <= ${filter.to}::date`] : []),
    ...(filter.minConfidence !== undefined ? [Prisma.sql`e.confidence >= ${filter.minConfidence}`] : []),
  ];
}

/** `WHERE a AND b …`, or `WHERE true` when there is nothing to narrow. */
export function where(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.sql`WHERE true`;
}

/** A value for ILIKE that matches itself only (its % and _ taken literally). */
export function likePattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
