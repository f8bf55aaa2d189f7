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
    if (sentenceEnd > sentenceStart)
      spans.push(...splitAfterQuotes(text, start + sentenceStart, start + sentenceEnd));
    cursor = pieceEnd;
  }
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
