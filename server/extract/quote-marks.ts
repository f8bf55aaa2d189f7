/**
 * Quotation marks: pairs of opening and closing marks in every style („…“, “…”, "…", «…», »…«,
 * ‚…‘, ‹…›), a quote left open at a paragraph's end (the next paragraph reopens it), and the test
 * that tells a quoted title or name („Süddeutsche Zeitung“, the film "Oppenheimer") from a quote.
 */
import type { Lexicon } from "./lexicons/index.ts";
import type { Language } from "./types.ts";

export type Mark = { open: number; close: number };

const CLOSERS: Record<string, string> = {
  "„": '“”"',
  "“": "”“",
  '"': '"',
  "«": "»",
  "»": "«»",
  "‚": "‘’",
  "‹": "›",
  "›": "‹",
  // British style: ‘…’ and '…', whose closer doubles as the apostrophe (see closesAt).
  "‘": "’",
  "'": "'",
};
/** Marks that are also apostrophes: "we’re", "Air’s", "workers'". */
const APOSTROPHES = new Set(["’", "'"]);

/** Whether the mark at j closes a quote: an apostrophe only when no letter or digit follows it. */
function closesAt(text: string, j: number, closers: string): boolean {
  const ch = text[j] ?? "";
  if (!closers.includes(ch)) return false;
  return !APOSTROPHES.has(ch) || !/[\p{L}\p{N}]/u.test(text[j + 1] ?? "");
}
/** Longest quote we pair; longer spans are a missing closer, not a quote. */
const MAX_QUOTE = 3000;

const WHITESPACE = /\s/u;

/** Index of the last character in [start, at) that is not whitespace, or start - 1. */
function lastVisible(text: string, start: number, at: number): number {
  let k = at - 1;
  while (k >= start && WHITESPACE.test(text[k] ?? "")) k--;
  return k;
}

/** Index of the first character at or after `at` that is not whitespace. */
function firstVisible(text: string, at: number): number {
  let k = at;
  while (k < text.length && WHITESPACE.test(text[k] ?? "")) k++;
  return k;
}

/** Mark pairs in [start, end); an opener at the paragraph start without a closer runs to `end`. */
export function findMarks(text: string, start: number, end: number): Mark[] {
  const marks: Mark[] = [];
  let i = start;
  while (i < end) {
    const ch = text[i] ?? "";
    const closers = CLOSERS[ch];
    if (closers) {
      const before = i > start ? (text[i - 1] ?? " ") : " ";
      const opensHere =
        (/[\s([{:;,.–—-]/u.test(before) || i === start || ch === "„" || ch === "«" || ch === "‚") &&
        // An apostrophe-like opener must touch the word it opens ("'We", not "' ").
        (!APOSTROPHES.has(ch) || /[\p{L}\p{N}"“‘]/u.test(text[i + 1] ?? ""));
      if (opensHere) {
        let j = i + 1;
        while (j < end && j - i < MAX_QUOTE && !closesAt(text, j, closers)) j++;
        if (j < end && j - i < MAX_QUOTE && j > i + 1) {
          marks.push({ open: i, close: j });
          i = j + 1;
          continue;
        }
        // Multi-paragraph quotes leave the paragraph open: take it to the paragraph end. Mid-paragraph
        // too when a sentence ended before the mark and the next paragraph opens with a mark again.
        // (Looked at character by character: a test on everything before the mark cost the square of
        // a long paragraph's length.)
        const visible = lastVisible(text, start, i);
        const endsBefore = (marks: RegExp) => visible >= start && marks.test(text[visible] ?? "");
        const reopened =
          visible < i - 1 &&
          endsBefore(/[.!?]/u) &&
          CLOSERS[text[firstVisible(text, end)] ?? ""] !== undefined;
        if (j >= end && (i === start || endsBefore(/:/u) || reopened) && end - i > 20) {
          marks.push({ open: i, close: end });
          i = end;
          continue;
        }
      }
    }
    i++;
  }
  return marks;
}

/** Nouns that introduce a title or a name in marks ("die Zeitung „Die Welt“", "Hurrikan „Katrina“"). */
const TITLE_NOUN_DE =
  /(?:zeitung|zeitschrift|magazin|blatt|journal|sender|sendung|serie|film|drama|komödie|buch|roman|titel|album|lied|song|single|oper|stück|spiel|schiff|boot|flugzeug|maschine|hubschrauber|helikopter|projekt|programm|operation|aktion|kampagne|initiative|organisation|gruppe|gruppierung|bewegung|partei|bündnis|verein|firma|unternehmen|konzern|marke|modell|sorte|typ|kategorie|hurrikan|taifun|zyklon|sturm|tief|hoch|name|namen|spitzname|beiname|kürzel|enzyklika|gesetz|verordnung|programm|festival|tour|preis|auszeichnung|award|kneipe|lokal|gasthaus|hotel|restaurant|bar|club|klub|museum|quartier|anlage|plattform|portal|website|webseite|internetseite|site|seite|blog|podcast|app|kanal|agentur|dienst|internetdienst|ausgabe|rubrik|kolumne|überschrift|schlagzeile)$/u;
const TITLE_NOUN_EN =
  /^(?:newspaper|paper|daily|weekly|magazine|journal|broadcaster|channel|network|show|series|programme|program|film|movie|documentary|book|novel|album|song|single|play|opera|game|ship|vessel|boat|aircraft|plane|project|operation|campaign|initiative|group|party|company|firm|brand|model|category|hurricane|typhoon|cyclone|storm|named|called|dubbed|titled|entitled|nickname|website|site|column|headline)$/u;
const TITLE_VERBS = /^(?:heißt|hieß|heißen|genannt|namens|titled|entitled|named|called|dubbed)$/u;
const ARTICLE_OR_ADJECTIVE =
  /^(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen|the|a|an|neue[nmrs]?|new|alte[nmrs]?|old|französische[nmrs]?|britische[nmrs]?|amerikanische[nmrs]?|deutsche[nmrs]?|renommierte[nmrs]?|liberale[nmrs]?|konservative[nmrs]?|linke[nmrs]?|rechte[nmrs]?)$/u;
const ENGLISH_MINOR = new Set([
  "of",
  "the",
  "and",
  "for",
  "a",
  "an",
  "in",
  "on",
  "at",
  "to",
  "de",
  "la",
  "le",
]);

/**
 * Whether the marked words are a title or a name rather than something said: short, not a sentence,
 * and either introduced by a title noun or made of capitalised words that are names, not common nouns.
 */
export function isTitle(
  content: string,
  before: string,
  language: Language,
  lex: Lexicon,
  coveredByName: boolean,
): boolean {
  const trimmed = content.trim();
  if (/[.!?…]$/u.test(trimmed) || /[.!?]\s/u.test(trimmed)) return false;
  const words = trimmed.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0 || words.length > 8) return false;
  if (coveredByName) return true;
  const previousWords = before
    .replace(/[,(]\s*$/u, "")
    .trimEnd()
    .split(/\s+/u)
    .slice(-3)
    .map((w) => w.toLowerCase().replace(/[^\p{L}-]/gu, ""));
  let k = previousWords.length - 1;
  while (k > 0 && ARTICLE_OR_ADJECTIVE.test(previousWords[k] ?? "")) k--;
  const noun = previousWords[k] ?? "";
  const last = previousWords.at(-1) ?? "";
  if (TITLE_VERBS.test(last)) return true;
  if (language === "de" ? TITLE_NOUN_DE.test(noun) : TITLE_NOUN_EN.test(noun)) return words.length <= 6;
  const capitalised = words.every(
    (w) => /^[\p{Lu}\d]/u.test(w) || (language === "en" && ENGLISH_MINOR.has(w)),
  );
  if (!capitalised) return false;
  if (language === "en") return words.length >= 1 && words.length <= 6;
  // German capitalises nouns: a title needs a word that is a name, not a noun or function word.
  return words.some((w) => {
    const bare = w.replace(/[^\p{L}\p{N}'’.-]/gu, "");
    if (/^\d/u.test(bare)) return words.length > 1;
    return (
      !lex.isCommonNoun(bare) &&
      !lex.functionWords.has(bare.toLowerCase()) &&
      !/(?:e|en|er|es|em)$/u.test(bare)
    );
  });
}
