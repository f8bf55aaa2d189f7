// Splits an article's text into the pieces the reader renders: each piece lies in one paragraph,
// is either one whole actor mention or plain text, and knows which quote, speech cue and
// highlighted event evidence cover it. Offsets are UTF-16 code units, half-open, as the API gives.

export type Span = { start: number; end: number };

export type Piece = Span & {
  /** Index into the mentions passed in, when the piece is a mention. */
  mention: number | null;
  quote: string | null;
  cue: boolean;
  evidence: boolean;
  /** The piece starts this quote (its anchor for deep links). */
  quoteStart: string | null;
  /** The quote whose speaker chip follows this piece. */
  chipAfter: string | null;
  evidenceStart: boolean;
};

export type QuotePart = Span & { quote: string; first: boolean };

/** Where a quote's speaker chip goes: after its last part and the closing quotation mark. */
export type Chip = { at: number; quote: string };

const CLOSING_MARKS = /^[”“"»«‘’'‹›]{1,2}/;

export function chipOffset(text: string, end: number): number {
  return end + (CLOSING_MARKS.exec(text.slice(end, end + 2))?.[0].length ?? 0);
}

/**
 * Mentions may rarely nest or overlap; a mark cannot, so keep the earliest (the longest when two
 * start together) and drop any that overlaps a kept one.
 */
export function renderableMentions<M extends Span>(mentions: readonly M[]): M[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: M[] = [];
  for (const mention of sorted) {
    const last = kept.at(-1);
    if (!last || mention.start >= last.end) kept.push(mention);
  }
  return kept;
}

/** Paragraph ranges of [start, end): split at line breaks, which are left out. */
export function paragraphs(text: string, range: Span): Span[] {
  const found: Span[] = [];
  const pattern = /[^\r\n]+/g;
  pattern.lastIndex = range.start;
  const slice = text.slice(0, range.end);
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
    found.push({ start: match.index, end: match.index + match[0].length });
  }
  return found;
}

const covers = (span: Span, at: number) => span.start <= at && at < span.end;

/**
 * The pieces of one paragraph. `mentions` must not overlap (see renderableMentions). Quote,
 * cue and evidence boundaries that fall inside a mention move to the mention's edge.
 */
export function piecesOf(
  paragraph: Span,
  mentions: readonly Span[],
  quoteParts: readonly QuotePart[],
  cues: readonly Span[],
  chips: readonly Chip[],
  evidence: Span | null,
): Piece[] {
  const inside = mentions
    .map((mention, index) => ({ ...mention, index }))
    .filter((mention) => mention.start >= paragraph.start && mention.end <= paragraph.end);
  const cuts = new Set([paragraph.start, paragraph.end]);
  const chipSpans = chips.map((chip) => ({ start: chip.at, end: chip.at }));
  for (const span of [...inside, ...quoteParts, ...cues, ...chipSpans, ...(evidence ? [evidence] : [])]) {
    for (const at of [span.start, span.end]) {
      if (at > paragraph.start && at < paragraph.end) cuts.add(at);
    }
  }
  for (const mention of inside) {
    for (const at of cuts) if (at > mention.start && at < mention.end) cuts.delete(at);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  const firstPiece = new Map<QuotePart, Piece>();
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const mention = inside.find((candidate) => candidate.start === start);
    const part = quoteParts.find((candidate) => covers(candidate, start));
    const piece: Piece = {
      start,
      end,
      mention: mention ? mention.index : null,
      quote: part?.quote ?? null,
      cue: cues.some((cue) => covers(cue, start)),
      evidence: evidence !== null && covers(evidence, start),
      quoteStart: null,
      chipAfter: chips.find((chip) => chip.at > start && chip.at <= end)?.quote ?? null,
      evidenceStart: evidence !== null && evidence.start >= start && evidence.start < end,
    };
    if (part && !firstPiece.has(part)) firstPiece.set(part, piece);
    pieces.push(piece);
  }
  // The anchor goes where the quote really starts, not at a paragraph break inside it.
  for (const [part, piece] of firstPiece) {
    if (part.first && part.start >= paragraph.start) piece.quoteStart = part.quote;
  }
  return pieces;
}
