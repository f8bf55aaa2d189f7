// The extraction contract: ../shared/design/annotation-format.md, field for field.
// Offsets are UTF-16 code units into the exact input text, half-open [start, end).

export type Language = "de" | "en";

/** Largest accepted text, in UTF-8 bytes: the extractor's limit, checked again by nothing else. */
export const MAX_TEXT_BYTES = 1_000_000;

export type Span = { start: number; end: number; text: string };

export type SegmentKind = "TITLE" | "BODY" | "BOILERPLATE" | "COMMENT";
export type Segment = { kind: SegmentKind; start: number; end: number };

export type ActorKind = "PERSON" | "COUNTRY" | "ORGANIZATION" | "PLACE" | "GROUP";
export type MentionForm = "NAME" | "NOMINAL" | "PRONOUN";
export type ActorMention = Span & { form: MentionForm };

export type Actor = {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  description?: string | null;
  wikidataId?: string | null;
  mentions: ActorMention[];
};

export type QuoteKind = "DIRECT" | "INDIRECT" | "PARTIAL" | "MIXED";
export type Quote = {
  id: string;
  kind: QuoteKind;
  text: string;
  start: number;
  end: number;
  parts?: Span[];
  speaker: string | null;
  speakerMention?: Span | null;
  addressee?: string | null;
  via?: string | null;
  cue?: Span | null;
  confidence: number;
  /** The named rule that found it ("marked-cue", "marker", …). */
  rule: string;
  /** The named rule that chose its speaker ("verb-subject", …); null without a speaker. */
  speakerRule?: string | null;
};

export type ParticipantRole = "AGENT" | "RECIPIENT" | "TARGET" | "PARTICIPANT";
export type TimePrecision = "DAY" | "MONTH" | "YEAR" | "RANGE" | "VAGUE";
export type TimeDirection = "PAST" | "FUTURE";
export type Modality =
  | "ASSERTED"
  | "REPORTED"
  | "ALLEGED"
  | "EXPECTED"
  | "PLANNED"
  | "HYPOTHETICAL"
  | "NEGATED";

export type EventTime = {
  start: string | null;
  end: string | null;
  precision: TimePrecision;
  direction?: TimeDirection | null;
  span: Span;
};

export type Event = {
  id: string;
  cameo: string;
  summary: string;
  trigger: Span;
  evidence: Span;
  participants: { actor: string; role: ParticipantRole; rule?: string }[];
  place?: string | null;
  time?: EventTime | null;
  modality: Modality;
  attributedTo?: string | null;
  quotes?: string[];
  confidence: number;
  /** The named rule that found and coded it ("verb-trigger", …). */
  rule: string;
};

export type AnnotationDocument = {
  id?: string;
  language: Language;
  publishedAt?: string | null;
  title?: string | null;
  segments: Segment[];
  actors: Actor[];
  quotes: Quote[];
  events: Event[];
  extractor: { name: string; version: string };
};

export type ExtractOptions = {
  language?: string | null;
  publishedAt?: string | null;
  title?: string | null;
  id?: string;
};

export type ExtractionErrorCode = "EMPTY_TEXT" | "TEXT_TOO_LARGE" | "UNSUPPORTED_LANGUAGE" | "INVALID_DATE";

/** A refusal the user can fix (empty or oversized text, a language we do not read). */
export class ExtractionError extends Error {
  constructor(
    readonly code: ExtractionErrorCode,
    message: string,
    readonly field: string = "text",
  ) {
    super(message);
    this.name = "ExtractionError";
  }
}
