/** Sentences of the TITLE and BODY segments, split per paragraph with sentencex, offsets exact. */
import splitSentences from "sentencex";
import { type Token, tokenize } from "./tokens.ts";
import type { Language, Segment } from "./types.ts";

export type Sentence = {
  index: number;
  start: number;
  end: number;
  text: string;
  paragraph: number;
  tokens: Token[];
};

/** Splits one paragraph; trims whitespace off each sentence's span. */
function splitParagraph(text: string, start: number, end: number, language: Language): [number, number][] {
  const spans =
    end - start > LONG_PARAGRAPH
      ? splitLongParagraph(text, start, end, language)
      : splitWithSentencex(text, start, end, language);
  return spans
    .flatMap(([from, to]) => splitAfterQuotes(text, from, to))
    .flatMap(([from, to]) => bounded(text, from, to));
}

/** sentencex's sentences of [start, end), trimmed, as spans into `text`. */
function splitWithSentencex(
  text: string,
  start: number,
  end: number,
  language: Language,
): [number, number][] {
  const paragraph = text.slice(start, end);
  const pieces = splitSentences(language, paragraph);
  const spans: [number, number][] = [];
  let cursor = 0;
  for (const piece of pieces) {
    let at = paragraph.startsWith(piece, cursor) ? cursor : paragraph.indexOf(piece, cursor);
    if (at < 0) at = cursor;
    const pieceEnd = Math.min(paragraph.length, at + piece.length);
    const leading = piece.length - piece.trimStart().length;
    const trailing = piece.length - piece.trimEnd().length;
    const sentenceStart = at + leading;
    const sentenceEnd = Math.max(sentenceStart, pieceEnd - trailing);
    if (sentenceEnd > sentenceStart) spans.push([start + sentenceStart, start + sentenceEnd]);
    cursor = pieceEnd;
  }
  return spans;
}

/**
 * sentencex's cost grows with the square of a paragraph's length (at every period it looks back over
 * the whole paragraph), so a paragraph longer than any article's (a text without line breaks) goes
 * to it through a window of WINDOW characters. Of the window's sentences, those that start before
 * its last LOOK_AHEAD characters are kept: sentencex read enough text after them to pair the marks
 * and brackets around them as it would in the whole paragraph. The next window opens at the next
 * sentence; a window without one grows, up to MAX_WINDOW, after which it is cut at a space.
 */
const LONG_PARAGRAPH = 20_000;
const WINDOW = 3_000;
const LOOK_AHEAD = 1_000;
const MAX_WINDOW = 16_000;

function splitLongParagraph(
  text: string,
  start: number,
  end: number,
  language: Language,
): [number, number][] {
  const spans: [number, number][] = [];
  let from = start;
  let window = WINDOW;
  while (end - from > window) {
    const found = splitWithSentencex(text, from, from + window, language);
    const next = found.findLast(
      ([sentenceStart]) => sentenceStart > from && sentenceStart <= from + window - LOOK_AHEAD,
    )?.[0];
    if (next !== undefined) {
      spans.push(...found.filter(([sentenceStart]) => sentenceStart < next));
      from = next;
      window = WINDOW;
    } else if (window < MAX_WINDOW) {
      window *= 2;
    } else {
      // No sentence ends in MAX_WINDOW characters: cut at a space (bounded() cuts the rest).
      const cut = lastBreak(text, from, from + window);
      spans.push(...splitWithSentencex(text, from, cut, language));
      from = cut;
      while (from < end && WHITESPACE.test(text[from] ?? "")) from++;
      window = WINDOW;
    }
  }
  if (end > from) spans.push(...splitWithSentencex(text, from, end, language));
  return spans;
}

/** Lower-case abbreviations whose period ends no sentence ("bzw. Österreich"). */
const ABBREVIATIONS = new Set(
  "bzw usw vgl ggf evtl inkl etc sog bspw zzgl abzgl ehem insb jew mind urspr vs ca gem ff".split(" "),
);

/**
 * sentencex pairs guillemets the French way («…»), so a German »…«. followed by more text and another
 * »…« stays one sentence. A period right after a closing mark, a closing mark right after a period,
 * before a capital letter or an opening mark, and a period after a lower-case word before an opening
 * mark end a sentence all the same. sentencex also misses sentences that start with Ä, Ö or Ü.
 */
function splitAfterQuotes(text: string, start: number, end: number): [number, number][] {
  const spans: [number, number][] = [];
  let from = start;
  for (const match of text
    .slice(start, end)
    .matchAll(/(?:[«“”"»]\.|\.[«“”"»])\s+(?=[\p{Lu}„»«“"])|(\p{L}*\p{Ll}{2})[.!?]\s+(?=[„»«“"ÄÖÜ])/gu)) {
    if (match[1] && ABBREVIATIONS.has(match[1])) continue;
    const cut = start + (match.index ?? 0) + match[0].trimEnd().length;
    spans.push([from, cut]);
    from = start + (match.index ?? 0) + match[0].length;
  }
  spans.push([from, end]);
  return spans;
}

/**
 * The longest sentence kept whole (the SpkAtt corpus's longest has 1,466 characters). The rules that
 * read a sentence look at its words pairwise, so a longer one (a text without periods) is cut, at
 * the last comma or else the last space before the limit: its cost stays bounded per character.
 */
const MAX_SENTENCE = 1_500;

function bounded(text: string, start: number, end: number): [number, number][] {
  const spans: [number, number][] = [];
  let from = start;
  while (end - from > MAX_SENTENCE) {
    const limit = from + MAX_SENTENCE;
    const cut = lastBreak(text, from + MAX_SENTENCE / 2, limit);
    let last = cut;
    while (last > from && WHITESPACE.test(text[last - 1] ?? "")) last--;
    spans.push([from, last]);
    from = cut;
    while (from < end && WHITESPACE.test(text[from] ?? "")) from++;
  }
  if (end > from) spans.push([from, end]);
  return spans;
}

const WHITESPACE = /\s/u;

/** Where to cut in (from, limit]: after the last comma before a space, else at the last space. */
function lastBreak(text: string, from: number, limit: number): number {
  let space = -1;
  for (let k = limit - 1; k > from; k--) {
    if (!WHITESPACE.test(text[k] ?? "")) continue;
    if (text[k - 1] === ",") return k;
    if (space < 0) space = k;
  }
  if (space > 0) return space;
  // No space at all: anywhere, but not inside a surrogate pair.
  const low = text.charCodeAt(limit);
  return low >= 0xdc00 && low <= 0xdfff ? limit - 1 : limit;
}

export function sentences(text: string, segments: readonly Segment[], language: Language): Sentence[] {
  const result: Sentence[] = [];
  let paragraph = 0;
  for (const segment of segments) {
    if (segment.kind !== "TITLE" && segment.kind !== "BODY") continue;
    const lineBreak = /\r\n|\n|\r|\u2028|\u2029/gu;
    let lineStart = segment.start;
    const bounds: [number, number][] = [];
    for (const match of text.slice(segment.start, segment.end).matchAll(lineBreak)) {
      const at = segment.start + (match.index ?? 0);
      bounds.push([lineStart, at]);
      lineStart = at + match[0].length;
    }
    bounds.push([lineStart, segment.end]);
    for (const [start, end] of bounds) {
      if (text.slice(start, end).trim().length === 0) continue;
      for (const [sentenceStart, sentenceEnd] of splitParagraph(text, start, end, language)) {
        result.push({
          index: result.length,
          start: sentenceStart,
          end: sentenceEnd,
          text: text.slice(sentenceStart, sentenceEnd),
          paragraph,
          tokens: tokenize(text, sentenceStart, sentenceEnd),
        });
      }
      paragraph++;
    }
  }
  return result;
}

/** The sentence holding `offset` (sentences are sorted and disjoint), by binary search. */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const sentence = sentences[mid];
    if (!sentence) break;
    if (offset < sentence.start) high = mid - 1;
    else if (offset >= sentence.end) low = mid + 1;
    else return sentence;
  }
  return undefined;
}
