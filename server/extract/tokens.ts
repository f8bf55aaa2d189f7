/** Word and punctuation tokens with exact offsets into the article text. */
export type Token = {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** A word (letters/digits, inner hyphens and apostrophes), not punctuation. */
  word: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
};

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-‐‑'’][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const UPPER = /^\p{Lu}/u;

/** Tokens of `text.slice(start, end)`, with offsets into `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  for (const match of slice.matchAll(TOKEN)) {
    const value = match[0];
    const first = value.codePointAt(0) ?? 0;
    const word = value.length > 1 || /[\p{L}\p{M}\p{N}]/u.test(value);
    const tokenStart = start + (match.index ?? 0);
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      start: tokenStart,
      end: tokenStart + value.length,
      word,
      cap: first > 64 && UPPER.test(value),
    });
  }
  return tokens;
}

/** The word without an English possessive or a German genitive apostrophe ("Putin's" → "Putin"). */
export function stripPossessive(word: string): string {
  return word.replace(/['’]s?$/u, "");
}
