/**
 * The extractor: text → AnnotationDocument, pure and synchronous. Lexicons are compiled once per
 * process on first use. Stages: segment → sentences → mentions → actors → quotes → time → events.
 */
import { ActorSet } from "./actors.ts";
import { EventFinder } from "./events.ts";
import { detectLanguage, languageDetector, normalizeLanguage } from "./language.ts";
import { lexicon } from "./lexicons/index.ts";
import { MentionFinder } from "./mentions.ts";
import { QuoteFinder } from "./quotes.ts";
import { segment } from "./segment.ts";
import { sentences as splitSentences } from "./sentences.ts";
import { findTimes, type TimeExpression } from "./time.ts";
import {
  type AnnotationDocument,
  type Event,
  ExtractionError,
  type ExtractOptions,
  type Language,
  MAX_TEXT_BYTES,
  type Quote,
} from "./types.ts";
import { EXTRACTOR } from "./version.ts";

export type { AnnotationDocument, ExtractOptions } from "./types.ts";
export { ExtractionError, MAX_TEXT_BYTES } from "./types.ts";

export { EXTRACTOR };

const mentionFinders = new Map<Language, MentionFinder>();

/** Loads the lexicons now instead of on the first article (for servers and benchmarks). */
export function warmUp(): void {
  lexicon();
  languageDetector();
}

function validDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function extract(text: string, options: ExtractOptions = {}): AnnotationDocument {
  if (typeof text !== "string" || text.trim().length === 0) {
    throw new ExtractionError(
      "EMPTY_TEXT",
      "The text is empty: pass the article's text (title and body) to extract from.",
    );
  }
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_TEXT_BYTES) {
    throw new ExtractionError(
      "TEXT_TOO_LARGE",
      `The text is ${bytes} bytes; the limit is ${MAX_TEXT_BYTES} bytes (UTF-8). Split it into separate articles.`,
    );
  }
  const publishedAt = options.publishedAt ?? null;
  if (publishedAt !== null && !validDate(publishedAt)) {
    throw new ExtractionError(
      "INVALID_DATE",
      `publishedAt "${publishedAt}" is not a calendar date in the form YYYY-MM-DD (e.g. 2023-10-14).`,
      "publishedAt",
    );
  }
  const segments = segment(text);
  let language: Language;
  if (options.language) language = normalizeLanguage(options.language);
  else {
    const body = segments
      .filter((s) => s.kind === "BODY" || s.kind === "TITLE")
      .map((s) => text.slice(s.start, s.end))
      .join("\n");
    language = detectLanguage(body.trim().length > 0 ? body : text);
  }

  const sentences = splitSentences(text, segments, language);
  let finder = mentionFinders.get(language);
  if (!finder) {
    finder = new MentionFinder(language);
    mentionFinders.set(language, finder);
  }
  finder.reset();
  const mentions = sentences.flatMap((sentence) => finder.find(sentence));
  const actors = new ActorSet(mentions, sentences, language);
  const foundQuotes = new QuoteFinder(text, sentences, actors, language).run();
  const times = new Map<number, TimeExpression[]>();
  for (const sentence of sentences)
    times.set(sentence.index, findTimes(sentence.text, sentence.start, language, publishedAt));
  const foundEvents = new EventFinder(text, actors, foundQuotes, language).run(sentences, times);

  const { actors: actorList, idOf } = actors.finalize();
  const id = (cluster: Parameters<typeof idOf.get>[0] | null) =>
    cluster ? (idOf.get(cluster) ?? null) : null;
  const quoteIds = new Map<(typeof foundQuotes)[number], string>();
  const quotes: Quote[] = foundQuotes.map((found, index) => {
    const quoteId = `q${index + 1}`;
    quoteIds.set(found, quoteId);
    const quote: Quote = {
      id: quoteId,
      kind: found.kind,
      text: text.slice(found.start, found.end),
      start: found.start,
      end: found.end,
      speaker: id(found.speaker),
      speakerMention: found.speakerMention,
      addressee: id(found.addressee),
      via: id(found.via),
      cue: found.cue,
      confidence: found.confidence,
      rule: found.rule,
      speakerRule: found.speakerRule,
    };
    if (found.parts) quote.parts = found.parts;
    return quote;
  });
  const events: Event[] = foundEvents.map((found, index) => ({
    id: `e${index + 1}`,
    cameo: found.cameo,
    summary: found.summary,
    trigger: found.trigger,
    evidence: found.evidence,
    participants: found.participants.flatMap((p) => {
      const actor = id(p.cluster);
      return actor ? [{ actor, role: p.role, rule: p.rule }] : [];
    }),
    place: id(found.place),
    time: found.time,
    modality: found.modality,
    attributedTo: id(found.attributedTo),
    quotes: found.quotes.flatMap((q) => quoteIds.get(q) ?? []),
    confidence: found.confidence,
    rule: found.rule,
  }));

  const document: AnnotationDocument = {
    language,
    publishedAt,
    title: options.title ?? null,
    segments,
    actors: actorList,
    quotes,
    events,
    extractor: { name: EXTRACTOR.name, version: EXTRACTOR.version },
  };
  if (options.id !== undefined) return { id: options.id, ...document };
  return document;
}
