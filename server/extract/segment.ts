/**
 * Splits a page into TITLE, BODY, BOILERPLATE and COMMENT segments that cover the whole text with
 * no gaps. Works line by line: page junk (cookie banners, share and newsletter prompts, wire
 * sign-offs, photo credits) is BOILERPLATE, everything after a comments marker is COMMENT.
 */
import type { Segment, SegmentKind } from "./types.ts";

const COMMENTS_MARKER =
  /^(?:\d+\s+)?(?:kommentare?|leserkommentare|comments?|diskussion|reader comments)(?:\s*\(\d+\))?(?:\s+(?:anzeigen|einblenden|lesen|ansehen|zeigen|öffnen|laden|schreiben|show|view|load))?\s*:?$|^(?:kommentare?|comments?)\s+(?:anzeigen|einblenden|lesen|ansehen|zeigen|öffnen|laden)$|^(?:show|view|load|read)\s+(?:all\s+)?\d*\s*comments?$|^jetzt kommentieren$|^(?:\d+\s+)?(?:kommentare?|comments?)$/iu;

/** A reader comment that carries its label on its own line: "Leserkommentar von Hans W.: …". */
const INLINE_COMMENT =
  /^(?:leserkommentar|leserbrief|kommentar von|reader comment|comment from)\b[^:\n]{0,40}:\s*\S/iu;

const BOILERPLATE: readonly RegExp[] = [
  /\bcookies?\b/iu,
  /\b(?:datenschutz(?:erklärung|einstellungen)?|privacy (?:policy|settings))\b/iu,
  /\bnewsletter\b/iu,
  /^(?:artikel |beitrag )?(?:teilen|drucken|versenden|merken|share(?: this)?(?: article)?|print|e-?mail|tweet)\b/iu,
  /^(?:(?:facebook|twitter|x|whatsapp|telegram|linkedin|xing|e-?mail|pinterest|reddit|flipboard|messenger)\s*[,|·]?\s*){1,8}$/iu,
  /^(?:jetzt |hier )?(?:abonnieren|abonnement|abo abschließen|registrieren|anmelden|einloggen|subscribe|sign (?:up|in)|log ?in)\b/iu,
  /^(?:mehr zum thema|mehr aus dem ressort|mehr aus der rubrik|lesen sie auch|auch interessant|das könnte sie (?:auch )?interessieren|weitere artikel|mehr nachrichten|mehr lesen|weiterlesen|zum thema|verwandte artikel|related(?: articles| stories| coverage)?|read more|more on this|more from|recommended|top stories|most read|meistgelesen)\b/iu,
  // Wire sign-offs: "Reporting by Jane Holloway; Editing by Mark Tennant", "Additional reporting by …".
  /^(?:additional )?(?:reporting|writing|editing|compiled|produced) by\b/iu,
  /^(?:anzeige|werbung|advertisement|sponsored|gesponsert)\b/iu,
  /^(?:fotos?|bilder?|bildquelle|quelle|photos?|image|picture|credit|video)\s*:/iu,
  /^(?:©|\(c\)|copyright\b|alle rechte vorbehalten|all rights reserved)/iu,
  /(?:getty images|imago(?: images)?|picture alliance|shutterstock|\bafp via getty\b)\s*$/iu,
  /^\(?(?:dpa|afp|ap|reuters|kna|epd|sid|ddp|apa|afp\/dpa|dpa\/afp|red|ots|mit material von [\p{L} ,/]+)(?:\s*[/,]\s*[\p{L}]{2,8})*\)?\.?$/iu,
  /^\([\p{L}]{1,6}(?:\s*[/,]\s*[\p{L}]{1,10}){0,4}\)$/iu,
  /^(?:zur startseite|startseite|zum seitenanfang|nach oben|back to top|home|menü|menu|suche|search)$/iu,
  /^(?:follow us|folgen sie uns|click here|klicken sie hier|hier klicken)\b/iu,
  /^[\p{L} ]{1,30}(?:\s[>›»|]\s[\p{L} ]{1,30}){2,}$/u,
];

const SENTENCE_END = /[.!?:;…"“”»«'’)\]]$/u;

type Line = { start: number; end: number; next: number; text: string };

function lines(text: string): Line[] {
  const result: Line[] = [];
  const pattern = /\r\n|\n|\r|\u2028|\u2029/gu;
  let start = 0;
  for (const match of text.matchAll(pattern)) {
    const end = match.index ?? 0;
    result.push({ start, end, next: end + match[0].length, text: text.slice(start, end) });
    start = end + match[0].length;
  }
  result.push({ start, end: text.length, next: text.length, text: text.slice(start) });
  return result;
}

// Page furniture is short: a long line that mentions cookies or Datenschutz is an article about
// them (texts without line breaks are one long line).
const MAX_BOILERPLATE_WORDS = 40;

function isBoilerplate(line: string): boolean {
  return wordCount(line) <= MAX_BOILERPLATE_WORDS && BOILERPLATE.some((pattern) => pattern.test(line));
}

function wordCount(line: string): number {
  return line.split(/\s+/u).filter(Boolean).length;
}

/** Segments covering [0, text.length): consecutive lines of one kind are merged. */
export function segment(text: string): Segment[] {
  const all = lines(text);
  const contentLines = all.filter((line) => line.text.trim().length > 0);
  const kinds: SegmentKind[] = [];
  let inComments = false;
  let seenBody = false;
  const firstContent = contentLines[0];
  for (const line of all) {
    const trimmed = line.text.trim();
    if (trimmed.length === 0) {
      kinds.push(kinds.at(-1) ?? "BODY");
      continue;
    }
    let kind: SegmentKind;
    if (COMMENTS_MARKER.test(trimmed)) {
      kind = "BOILERPLATE";
      inComments = true;
    } else if (INLINE_COMMENT.test(trimmed)) {
      // "Leserkommentar von Hans W.: …", "Reader comment: …": a comment with its own label.
      kind = "COMMENT";
      inComments = true;
    } else if (isBoilerplate(trimmed)) {
      kind = "BOILERPLATE";
    } else if (inComments) {
      kind = "COMMENT";
    } else if (
      line === firstContent &&
      contentLines.length > 1 &&
      wordCount(trimmed) <= 20 &&
      !SENTENCE_END.test(trimmed)
    ) {
      kind = "TITLE";
    } else if (seenBody && wordCount(trimmed) <= 3 && !SENTENCE_END.test(trimmed)) {
      kind = "BOILERPLATE";
    } else {
      kind = "BODY";
      seenBody = true;
    }
    kinds.push(kind);
  }
  // Blank lines before the first content take the kind of the first content line.
  const firstKind = kinds.find((_, index) => (all[index]?.text.trim().length ?? 0) > 0) ?? "BODY";
  for (let index = 0; index < all.length && (all[index]?.text.trim().length ?? 0) === 0; index++) {
    kinds[index] = firstKind;
  }
  const segments: Segment[] = [];
  all.forEach((line, index) => {
    const kind = kinds[index] ?? "BODY";
    const last = segments.at(-1);
    if (last && last.kind === kind) last.end = line.next;
    else if (line.next > line.start || segments.length === 0)
      segments.push({ kind, start: line.start, end: line.next });
    else if (last) last.end = line.next;
  });
  if (segments.length === 0) segments.push({ kind: "BODY", start: 0, end: text.length });
  const lastSegment = segments.at(-1);
  if (lastSegment) lastSegment.end = text.length;
  return segments;
}
