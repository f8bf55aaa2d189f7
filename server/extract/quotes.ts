/**
 * Quotes: direct quotations in any mark style with a nearby speaker and cue, interrupted quotes
 * joined into parts, partial quotes inside the writer's sentence, and reported speech without
 * marks (speech verb + dass-clause or Konjunktiv, "laut X", "X zufolge", "nach Angaben X",
 * ", so X", "wie X mitteilte", "Dies bestätigte X", hearsay "so heißt es", Konjunktiv I sentences
 * continuing a report; English "that"-clauses, "according to X", "…, X said", "X told Y …").
 * A quote standing as its own sentence takes "Das sagte X" after it, else the speaker of the quote or
 * speech verb before it, else the previous sentence's subject; a Konjunktiv clause takes the subject
 * of its main clause ("Die Experten kamen zu dem Ergebnis, dass …"); a channel no actor names
 * ("Nach Polizeiangaben", "ersten Angaben zufolge", "laut taz") becomes an actor of its own.
 * Speakers come from speakers.ts; titles in marks are told apart in quote-marks.ts.
 */
import type { ActorSet, Cluster } from "./actors.ts";
import { lexicon } from "./lexicons/index.ts";
import { findMarks, isTitle, type Mark } from "./quote-marks.ts";
import { type QuoteRule, quoteRule } from "./rules/quotes.ts";
import type { SpeakerRule } from "./rules/speakers.ts";
import { type Sentence, sentenceAt } from "./sentences.ts";
import { SpanIndex } from "./span-index.ts";
import { type Attribution, NO_ATTRIBUTION, Speakers } from "./speakers.ts";
import type { Token } from "./tokens.ts";
import type { Language, QuoteKind, Span } from "./types.ts";

export type { QuoteRule };

export type FoundQuote = {
  kind: QuoteKind;
  start: number;
  end: number;
  parts: Span[] | null;
  speaker: Cluster | null;
  speakerMention: Span | null;
  via: Cluster | null;
  addressee: Cluster | null;
  cue: Span | null;
  confidence: number;
  /** Whether the quote carries its own marks (DIRECT/PARTIAL). */
  marked: boolean;
  rule: QuoteRule;
  /** How the speaker was chosen (null without a speaker). */
  speakerRule: SpeakerRule | null;
};

const DATELINE = /^[\p{Lu}][\p{L}.,' ]{1,40}(?:\s*\([^)]{1,30}\))?\s+[-–—]\s+/u;
const HEARSAY_DE = /,?\s*(?:so\s+)?(?:heißt|hieß)\s+es(?:\s+(?:in|aus|von|bei|weiter)\b[^.]*)?\s*[.!]?$/iu;
const HEARSAY_EN = /,\s*(?:it is said|it was said|reportedly)\s*\.?$/iu;
/** Nouns of "nach Angaben X", "nach Informationen X": the source follows. */
const SOURCE_NOUNS =
  /^(?:angaben|informationen|berichten|darstellung|auffassung|ansicht|meinung|einschätzung|aussagen|aussage|worten|schätzungen|erkenntnissen|recherchen|medienberichten|polizeiangaben|behördenangaben|zeugenaussagen)$/u;
/** Konjunktiv II forms that mark reported speech after a speech verb as well as Konjunktiv I does. */
const SUBJUNCTIVE_II = new Set(
  "wäre wären hätte hätten würde würden könnte könnten müsste müssten sollte sollten dürfte dürften käme kämen gäbe".split(
    " ",
  ),
);
/** Finite verbs of an English reported clause: auxiliaries and common irregular past forms. */
const FINITE_EN =
  /^(?:was|were|is|are|had|has|have|would|will|could|should|may|might|did|does|must|can|fell|rose|went|came|made|took|gave|found|saw|knew|thought|left|felt|kept|held|brought|began|ran|won|lost|met|paid|sent|spent|stood|meant|led|grew|broke|chose|spoke|wrote|drove|told|said|got|became|sold|bought|built|caught|fought|taught|struck|hit|cut|put|set|shut|hurt|cost|let)$/u;
const DETERMINER_EN = /^(?:the|a|an|its|his|her|their|our|this|that|these|those)$/u;
/** Words of a short frame phrase after an English speech verb: "on Wednesday", "in a statement". */
const FRAME_PHRASE_EN =
  /^(?:a|an|the|monday|tuesday|wednesday|thursday|friday|saturday|sunday|statement|interview|briefing|news|conference|post|letter|email|speech|call|tweet|television|radio)$/u;
/** English verbs that take a reported clause without "that" ("said the talks had failed"). */
const CLAUSE_VERBS_EN = new Set(
  "say tell add claim argue insist note warn confirm deny admit acknowledge state explain suggest report announce write declare stress reply".split(
    " ",
  ),
);
const RELATIVE_START = new Set([
  "der",
  "die",
  "das",
  "welche",
  "welcher",
  "wie",
  "um",
  "ohne",
  "als",
  "wobei",
  "was",
]);

/**
 * "kündigte an, das Urteil prüfen zu wollen", "forderte sie auf, die Kürzung zurückzunehmen": an
 * infinitive with "zu" after a speech verb is what was announced or demanded.
 */
function zuInfinitive(tokens: readonly Token[], k: number): boolean {
  const word = tokens[k];
  if (!word?.word || word.cap) return false;
  if (tokens[k - 1]?.lower === "zu" && /en$|ern$|eln$/u.test(word.lower)) return true;
  return /^(?:an|auf|aus|ein|ab|zurück|frei|vor|mit|nach|her|hin|fest|weiter|dar|bei|um|zusammen)zu\p{Ll}{3,}en$/u.test(
    word.lower,
  );
}

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** Trims whitespace and final punctuation off [start, end). */
function trimContent(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:–—-]/u.test(text[s] ?? "")) s++;
  while (e > s && /[\s.,;:!?–—-]/u.test(text[e - 1] ?? "")) e--;
  return [s, e];
}

export class QuoteFinder {
  private readonly lex = lexicon();
  private readonly verbs;
  private readonly speakers: Speakers;
  readonly quotes: FoundQuote[] = [];
  /** The same quotes by position, for the lookups near a sentence or quote. */
  private readonly quotesByPosition = new SpanIndex<FoundQuote>();
  /** Marks that hold quoted words (titles excluded), sorted and disjoint. */
  private readonly markSpans: Mark[] = [];

  constructor(
    private readonly text: string,
    private readonly sentences: Sentence[],
    private readonly actors: ActorSet,
    private readonly language: Language,
  ) {
    this.verbs = this.lex.speechVerbs[language];
    this.speakers = new Speakers(text, sentences, actors, language, this.lex);
  }

  run(): FoundQuote[] {
    const paragraphs: Sentence[][] = [];
    for (const sentence of this.sentences) {
      const list = paragraphs.at(-1);
      if (list && list[0]?.paragraph === sentence.paragraph) list.push(sentence);
      else paragraphs.push([sentence]);
    }
    const marks: Mark[] = [];
    for (const list of paragraphs) {
      const first = list[0];
      const last = list.at(-1);
      if (first && last) marks.push(...findMarks(this.text, first.start, last.end));
    }
    const quoted = marks.filter((mark) => !this.titleMark(mark));
    this.markSpans.push(...quoted);
    this.markedQuotes(quoted);
    for (const sentence of this.sentences) this.reportedSpeech(sentence);
    // A partial quote inside reported speech belongs to the reported speaker.
    for (const quote of this.quotes) {
      if (!quote.marked || quote.rule === "marked-cue" || quote.rule === "marked-colon") continue;
      const outer = this.quotesByPosition
        .meeting(quote.start, quote.end)
        .find((q) => !q.marked && q.start <= quote.start && q.end >= quote.end);
      if (outer?.speaker) {
        quote.speaker = outer.speaker;
        quote.speakerMention = outer.speakerMention;
        quote.via = outer.via;
        quote.cue = outer.cue;
        quote.rule = "marked-inherited";
        quote.speakerRule = "outer-report";
      }
    }
    for (const quote of this.quotes) {
      const { withSpeaker, without } = quoteRule(quote.rule).confidence;
      quote.confidence = quote.speaker ? withSpeaker : without;
    }
    this.quotes.sort((a, b) => a.start - b.start || b.end - a.end);
    return this.quotes;
  }

  private sentenceAt(offset: number): Sentence | undefined {
    return sentenceAt(this.sentences, offset);
  }

  private markAt(offset: number): Mark | undefined {
    let low = 0;
    let high = this.markSpans.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const mark = this.markSpans[mid];
      if (!mark) break;
      if (offset < mark.open) high = mid - 1;
      else if (offset > mark.close) low = mid + 1;
      else return mark;
    }
    return undefined;
  }

  /** Whether the offset lies in quoted words or on their marks. */
  private readonly quotedAt = (offset: number): boolean => this.markAt(offset) !== undefined;
  private readonly quotedToken = (token: Token): boolean => this.quotedAt(token.start);

  private isCue(token: Token | undefined, index: number, tokens: readonly Token[], thought = false): boolean {
    if (!token?.word) return false;
    const verb = this.verbs.get(token.lower);
    if (!verb || (verb.thought && !thought)) return false;
    const previous = tokens[index - 1];
    if (this.language === "de") return !token.cap || index === 0 || !previous?.word;
    // English nouns that look like verbs: "the claims", "a report", "the United States".
    if (token.cap && index > 0) return false;
    return !previous || !/^(?:the|a|an|his|her|its|their|these|those|such|new|of)$/u.test(previous.lower);
  }

  private cueIndex(sentence: Sentence, from = 0, to = sentence.tokens.length, thought = false): number {
    const tokens = sentence.tokens;
    for (let k = from; k < to; k++) {
      const token = tokens[k];
      if (token && !this.quotedToken(token) && this.isCue(token, k, tokens, thought)) return k;
    }
    return -1;
  }

  /** A quoted title or name: „Süddeutsche Zeitung“, „Eagle“, the film "Oppenheimer". */
  private titleMark(mark: Mark): boolean {
    const sentence = this.sentenceAt(mark.open) ?? this.sentenceAt(mark.open + 1);
    if (!sentence) return false;
    const content = this.text.slice(mark.open + 1, mark.close);
    const [s, e] = trimContent(this.text, mark.open + 1, mark.close);
    const inner = this.sentenceAt(mark.open + 1) ?? sentence;
    const coveredByName = this.speakers
      .mentionsOf(inner)
      .some((m) => m.start <= s && m.end >= e && m.form === "NAME" && m.kind !== "PERSON");
    const before = this.text.slice(Math.max(sentence.start, mark.open - 60), mark.open);
    return (
      isTitle(content, before, this.language, this.lex, coveredByName) || this.nameAsSubject(mark, before)
    );
  }

  /**
   * "der „Arbeitskreis Vorratsdatenspeicherung“ kritisiert", "die „Aktion Deutschland hilft“ (ADH)
   * teilte mit": a capitalised name in marks after a definite article, followed by a speech verb, is
   * the speaker's name, not quoted words.
   */
  private nameAsSubject(mark: Mark, before: string): boolean {
    if (this.language !== "de") return false;
    const content = this.text.slice(mark.open + 1, mark.close).trim();
    const words = content.split(/\s+/u);
    if (!/^\p{Lu}/u.test(content) || words.length > 6 || /[.!?,:;]/u.test(content)) return false;
    if (!/(?:^|\s)(?:der|die|das|des|dem|den|vom|von)\s*$/iu.test(before)) return false;
    const after = /^\s*(?:\([^)]{1,20}\)\s*)?([\p{L}]+)/u.exec(
      this.text.slice(mark.close + 1, mark.close + 40),
    );
    const verb = after?.[1];
    return verb !== undefined && verb === verb.toLowerCase() && this.verbs.has(verb);
  }

  private push(
    quote: Omit<FoundQuote, "confidence" | "addressee" | "speakerRule"> & { addressee?: Cluster | null },
    speakerRule: SpeakerRule | null,
  ): void {
    const found: FoundQuote = {
      addressee: null,
      ...quote,
      speakerRule: quote.speaker ? speakerRule : null,
      confidence: 0,
    };
    this.quotes.push(found);
    this.quotesByPosition.add(found);
  }

  /** Direct and partial quotes from quotation marks. */
  private markedQuotes(marks: Mark[]): void {
    const text = this.text;
    let index = 0;
    while (index < marks.length) {
      const mark = marks[index];
      index++;
      if (!mark) continue;
      const content = text.slice(mark.open + 1, mark.close);
      const words = content.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
      const sentence = this.sentenceAt(mark.open) ?? this.sentenceAt(mark.open + 1);
      if (!sentence || words.length === 0) continue;
      const before = text.slice(sentence.start, mark.open);
      // English puts the frame's comma inside the marks: "We will not," he said.
      const firstEnd =
        mark.close - (/,\s*$/u.test(content) ? content.length - content.replace(/,\s*$/u, "").length : 0);
      const parts: Span[] = [span(text, mark.open + 1, firstEnd)];
      let close = mark.close;
      // Interrupted quote: „…“, sagte er, „…“
      let gapCue: { sentence: Sentence; index: number } | null = null;
      const next = marks[index];
      if (next) {
        const between = text.slice(close + 1, next.open);
        // The comma sits outside the marks in German („…“, sagte er, „…“), inside in English ("…," he said, "…").
        const commaBefore = /^\s*,/u.test(between) || /,\s*$/u.test(content);
        const oneFrame = between.length < 100 && !/[.!?\n]/u.test(between);
        if (oneFrame && commaBefore && /[,:]\s*$/u.test(between)) {
          const gap = this.sentenceAt(close + 1);
          if (gap) {
            const k = gap.tokens.findIndex(
              (t, m) => t.start > close && t.end <= next.open && this.isCue(t, m, gap.tokens),
            );
            if (k >= 0) {
              gapCue = { sentence: gap, index: k };
              parts.push(span(text, next.open + 1, next.close));
              close = next.close;
              index++;
            }
          }
        }
      }
      const trimmedBefore = before.replace(/\s+$/u, "");
      const startsSentence = trimmedBefore.length === 0 || /[:.]$/u.test(trimmedBefore);
      const sentenceLike = /^[\p{Lu}\d.…„"»«(]/u.test(content.trim()) && words.length >= 3;
      const after = text.slice(close + 1, Math.min(text.length, close + 40));
      const direct =
        sentenceLike &&
        (startsSentence ||
          parts.length > 1 ||
          /^\s*,/u.test(after) ||
          /[.!?…]["“”»«]?$/u.test(content.trim()));
      const found = this.attributeMarked(sentence, { open: mark.open, close }, gapCue);
      let contentEnd = close;
      while (contentEnd > mark.open + 1 && /[\s,]/u.test(text[contentEnd - 1] ?? "")) contentEnd--;
      const lastPart = parts.at(-1);
      if (lastPart && contentEnd < close)
        parts[parts.length - 1] = span(text, lastPart.start, Math.max(lastPart.start, contentEnd));
      this.push(
        {
          kind: direct ? "DIRECT" : "PARTIAL",
          start: mark.open + 1,
          end: contentEnd,
          parts: parts.length > 1 ? parts : null,
          speaker: found.attribution.speaker,
          speakerMention: found.attribution.mention,
          via: found.attribution.via,
          addressee: found.attribution.addressee,
          cue: found.attribution.cue,
          marked: true,
          rule: found.rule,
        },
        found.attribution.rule,
      );
    }
  }

  /** Speaker, cue and channel of a marked quote: its frame, a colon before it, the clause subject, or the last speaker. */
  private attributeMarked(
    sentence: Sentence,
    mark: Mark,
    gapCue: { sentence: Sentence; index: number } | null,
  ): { attribution: Attribution; rule: QuoteRule } {
    const outside = (token: Token) => token.start >= mark.open && token.start <= mark.close;
    const skip = (token: Token) => outside(token) || this.quotedToken(token);
    if (gapCue) {
      // The frame sits between the two parts: only the parts' own words are quoted.
      const found = this.speakers.ofVerb(gapCue.sentence, gapCue.index, this.quotedToken);
      if (found.speaker) return { attribution: found, rule: "marked-cue" };
    }
    const frames: Sentence[] = [sentence];
    const afterClose = this.sentenceAt(mark.close + 1);
    if (afterClose && afterClose !== sentence) frames.push(afterClose);
    for (const frame of frames) {
      const cue = this.frameCue(frame, mark);
      if (cue < 0) continue;
      const token = frame.tokens[cue];
      if (token?.lower === "so" || token?.lower === "laut") {
        const end = this.speakers.phraseEnd(frame.tokens, cue + 1, skip);
        const found = this.speakers.ofMarker(frame, cue + 1, end, span(this.text, token.start, token.end));
        if (found.speaker) return { attribution: found, rule: "marked-cue" };
        continue;
      }
      const found = this.speakers.ofVerb(frame, cue, skip);
      if (found.speaker) return { attribution: found, rule: "marked-cue" };
    }
    // "Schäuble: „…“" or a sentence ending in a colon before the quote.
    const textBefore = this.text.slice(sentence.start, mark.open).trim();
    const previous = this.sentences[sentence.index - 1];
    const colonFrame = /:$/u.test(textBefore)
      ? sentence
      : /^:?\.?$/u.test(textBefore) && previous && /:\s*\.?\s*$/u.test(previous.text)
        ? previous
        : null;
    if (colonFrame) {
      const cue = this.cueIndex(colonFrame, 0, colonFrame.tokens.length);
      if (cue >= 0) {
        const found = this.speakers.ofVerb(colonFrame, cue, skip);
        if (found.speaker) return { attribution: found, rule: "marked-colon" };
      }
      const colon = colonFrame.tokens.findLastIndex((t) => t.text === ":" && t.end <= mark.open + 1);
      let start = colon - 1;
      while (start > 0 && !/^[,;.:]$/u.test(colonFrame.tokens[start - 1]?.text ?? "")) start--;
      if (colon > 0 && colon - start <= 8) {
        const found = this.speakers.resolve(colonFrame, start, colon);
        if (found)
          return { attribution: { ...NO_ATTRIBUTION, ...found, rule: "colon-name" }, rule: "marked-colon" };
      }
      // "Der Innenminister zeigte sich besorgt, …: „…“": the subject of the sentence before the colon.
      const subject = this.speakers.subject(colonFrame, skip, colon > 0 ? colon : undefined);
      if (subject.speaker) return { attribution: subject, rule: "marked-colon" };
    }
    if (textBefore.length === 0 || /[.!?]$/u.test(textBefore)) {
      const found = this.freeStanding(sentence, mark, skip);
      if (found) return found;
    }
    // A fragment in the writer's sentence: the clause subject when it names an actor
    // ("Stoiber begründete … mit einer „…“"), else the speaker before, else the subject as described.
    const tokens = sentence.tokens;
    const subjectEnd = textBefore.length > 0 && tokens[0]?.cap ? this.speakers.phraseEnd(tokens, 0, skip) : 0;
    const subjectStart = tokens[0]?.start ?? 0;
    const subjectNamed =
      subjectEnd > 0 &&
      !/^(?:es|das|dies|man)$/iu.test(tokens[0]?.text ?? "") &&
      this.speakers.mentionsOf(sentence).some((m) => m.start >= subjectStart && m.last <= subjectEnd);
    if (subjectNamed) {
      const found = this.speakers.resolve(sentence, 0, subjectEnd);
      if (found)
        return {
          attribution: { ...NO_ATTRIBUTION, ...found, rule: "sentence-subject" },
          rule: "marked-subject",
        };
    }
    // "für die Ministerin eine „…“": the holder of the view named right before the mark.
    const markToken = tokens.findIndex((t) => t.start >= mark.open);
    // "Für den Minister ist die Lage „…“" can put a dozen words between the holder and the mark.
    for (let k = markToken - 1; k >= 0 && k >= markToken - 14; k--) {
      const token = tokens[k];
      if (!token || token.text === "," || skip(token)) break;
      if (token.lower !== "für") continue;
      const end = this.speakers.phraseEnd(tokens, k + 1, skip);
      const named = this.speakers
        .mentionsOf(sentence)
        .some(
          (m) =>
            m.first > k &&
            m.last <= end &&
            (m.kind === "PERSON" || m.kind === "ORGANIZATION" || m.kind === "GROUP"),
        );
      const found = named ? this.speakers.resolve(sentence, k + 1, end) : null;
      if (found)
        return { attribution: { ...NO_ATTRIBUTION, ...found, rule: "view-holder" }, rule: "marked-subject" };
      break;
    }
    const subject = this.speakers.subject(sentence, skip, markToken > 0 ? markToken : undefined);
    if (subject.speaker && subject.speaker.kind !== "PLACE")
      return { attribution: subject, rule: "marked-subject" };
    const prior = this.lastSpoken(mark.open, 1200);
    if (prior)
      return {
        attribution: { ...NO_ATTRIBUTION, speaker: prior.speaker, via: prior.via, rule: "last-speaker" },
        rule: "marked-continued",
      };
    if (subjectEnd > 0 && !/^(?:es|das|dies|man)$/iu.test(tokens[0]?.text ?? "")) {
      const found = this.speakers.resolve(sentence, 0, subjectEnd);
      if (found)
        return {
          attribution: { ...NO_ATTRIBUTION, ...found, rule: "sentence-subject" },
          rule: "marked-subject",
        };
    }
    return { attribution: NO_ATTRIBUTION, rule: "marked-none" };
  }

  /**
   * A quote that stands as its own sentence: "Das sagte X." right after it, the speaker of a quote
   * ending in the sentence before (the quote goes on), the speaker of a speech verb in the sentence
   * before, or that sentence's subject ("Khan verurteilte die Haltung der Regierung. „…“").
   */
  private freeStanding(
    sentence: Sentence,
    mark: Mark,
    skip: (token: Token) => boolean,
  ): { attribution: Attribution; rule: QuoteRule } | null {
    if (this.language !== "de") return null;
    const afterQuote = this.sentenceAt(mark.close + 1);
    const following =
      afterQuote && afterQuote.start > mark.close
        ? afterQuote
        : this.sentences[(afterQuote ?? sentence).index + 1];
    if (following && following.start >= mark.close && following.start - mark.close < 4) {
      const tokens = following.tokens;
      if (/^(?:das|dies|so)$/u.test(tokens[0]?.lower ?? "")) {
        const cue = this.cueIndex(following, 1);
        if (cue > 0) {
          const found = this.speakers.ofVerb(following, cue, skip);
          if (found.speaker)
            return { attribution: { ...found, rule: "next-sentence-verb" }, rule: "marked-previous" };
        }
      }
    }
    const previous = this.sentences[sentence.index - 1];
    if (!previous || previous.paragraph !== sentence.paragraph) return null;
    const lastQuote = this.quotes.at(-1);
    if (
      lastQuote?.speaker &&
      !this.dubious(lastQuote.speaker) &&
      lastQuote.end >= previous.start &&
      lastQuote.end <= mark.open
    ) {
      return {
        attribution: {
          ...NO_ATTRIBUTION,
          speaker: lastQuote.speaker,
          via: lastQuote.via,
          rule: "previous-quote",
        },
        rule: "marked-previous",
      };
    }
    const cue = this.cueIndex(previous, 0, undefined, true);
    if (cue >= 0) {
      const found = this.speakers.ofVerb(previous, cue, this.quotedToken);
      if (found.speaker)
        return {
          attribution: { ...found, cue: null, rule: "previous-sentence-verb" },
          rule: "marked-previous",
        };
    }
    const subject = this.speakers.subject(previous, this.quotedToken);
    if (subject.speaker && subject.speaker.kind !== "PLACE")
      return { attribution: { ...subject, rule: "previous-sentence-subject" }, rule: "marked-previous" };
    return null;
  }

  /** The cue of a frame sentence nearest the mark: a speech verb, or ", so X" / "laut X" after it. */
  private frameCue(frame: Sentence, mark: Mark): number {
    const tokens = frame.tokens;
    let best = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let k = 0; k < tokens.length; k++) {
      const token = tokens[k];
      if (!token || (token.start >= mark.open && token.start <= mark.close) || this.quotedToken(token))
        continue;
      const soFrame =
        (token.lower === "so" &&
          (tokens[k - 1]?.text === "," || this.quotedAt(tokens[k - 1]?.start ?? -1))) ||
        (token.lower === "laut" && k > 0);
      if (!soFrame && !this.isCue(token, k, tokens)) continue;
      const distance = token.start >= mark.close ? token.start - mark.close : mark.open - token.end;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = k;
      }
    }
    return best;
  }

  private add(
    sentence: Sentence,
    start: number,
    end: number,
    attribution: Attribution,
    rule: QuoteRule,
  ): boolean {
    let [s, e] = trimContent(this.text, start, end);
    // A dateline is not part of what was said: "ROTTERDAM (Reuters) - …", "Berlin (dpa) – …".
    const dateline = DATELINE.exec(this.text.slice(s, Math.min(e, s + 80)));
    if (dateline) s += dateline[0].length;
    if (e - s < 8 || s < sentence.start - 400) return false;
    const near = this.quotesByPosition.meeting(s, e);
    if (near.some((q) => q.marked && q.start <= s + 1 && q.end >= e - 1)) return false;
    if (near.some((q) => !q.marked && q.start < e && s < q.end)) return false;
    const inside = near.filter((q) => q.marked && q.start >= s && q.end <= e);
    // "…," X said, "…": a frame around direct quotes adds no report of its own.
    const quoted = inside.reduce((sum, q) => sum + (q.end - q.start), 0);
    if (rule === "postposed" && quoted > 0.6 * (e - s)) return false;
    const mixed = inside.length > 0;
    this.push(
      {
        kind: mixed ? "MIXED" : "INDIRECT",
        start: s,
        end: e,
        parts: null,
        speaker: attribution.speaker,
        speakerMention: attribution.mention,
        via: attribution.via,
        addressee: attribution.addressee,
        cue: attribution.cue,
        marked: false,
        rule,
      },
      attribution.rule,
    );
    return true;
  }

  /** Reported speech without marks in one sentence. */
  private reportedSpeech(sentence: Sentence): void {
    const tokens = sentence.tokens;
    const text = this.text;
    const end = sentence.end;
    const skip = this.quotedToken;
    // The whole sentence in marks is a direct quote already.
    const enclosing = this.markAt(sentence.start) ?? this.markAt(sentence.start + 1);
    if (enclosing && enclosing.close >= sentence.end - 2) return;

    // Hearsay: "…, so heißt es." → speaker a source group named nearby, or none.
    const hearsay = (this.language === "de" ? HEARSAY_DE : HEARSAY_EN).exec(sentence.text);
    if (hearsay && hearsay.index > 10) {
      const lead = hearsay[0].length - hearsay[0].replace(/^,?\s*/u, "").length;
      const cueStart = sentence.start + hearsay.index + lead;
      const cueEnd = sentence.start + hearsay.index + hearsay[0].replace(/[\s.!]+$/u, "").length;
      const source = this.nearbySource(sentence);
      if (source) source.used = true;
      this.add(
        sentence,
        sentence.start,
        sentence.start + hearsay.index,
        { ...NO_ATTRIBUTION, speaker: source, cue: span(text, cueStart, cueEnd), rule: "nearby-source" },
        "hearsay",
      );
      return;
    }

    // A speech verb with its reported clause ("sagte, dass …", "erklärte, er habe …", "said the …").
    // Opinions count too ("glaubt, dass …"): SpkAtt reports speech or thought.
    for (
      let i = this.cueIndex(sentence, 0, undefined, true);
      i >= 0;
      i = this.cueIndex(sentence, i + 1, undefined, true)
    ) {
      const clause = this.clauseAfterCue(sentence, i);
      if (clause === null) continue;
      const attribution = this.speakers.ofVerb(sentence, i, skip);
      if (this.add(sentence, clause, this.clauseEnd(sentence, clause), attribution, "verb-clause")) return;
    }

    if (this.sourceMarker(sentence)) return;

    // Postposed frame: "…, sagte der Präsident." / "…, so X." / "…, X said." / "…, wie X mitteilte."
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token?.word || skip(token)) continue;
      const soFrame = this.language === "de" && token.lower === "so" && tokens[i - 1]?.text === "," && i > 3;
      if (!soFrame && !this.isCue(token, i, tokens)) continue;
      let comma = -1;
      for (let k = i - 1; k >= Math.max(0, i - 8); k--) {
        if (tokens[k]?.text === ",") {
          comma = k;
          break;
        }
      }
      // English frames end at the next comma: "…, officials said, as Kyiv reported …".
      const nextComma = tokens.findIndex((t, k) => k > i && t.text === ",");
      const frameEnd = this.language === "en" && nextComma > i ? nextComma : tokens.length;
      if (comma < 3 || frameEnd - i > (this.language === "en" ? 8 : 20)) continue;
      // "Der Sprecher des Ministeriums, Hans Müller, sagte: „…“": the frame opens what follows
      // the colon; the words before the comma are its subject, not a report.
      if (tokens.slice(i + 1, i + 5).some((next) => next.text === ":")) continue;
      const wie = tokens[comma + 1]?.lower === "wie";
      const between = tokens.slice(comma + 1, i);
      if (!wie && !soFrame && between.length > 0 && this.language === "de") continue;
      const attribution = soFrame
        ? this.speakers.ofMarker(
            sentence,
            i + 1,
            this.speakers.phraseEnd(tokens, i + 1, skip),
            span(text, token.start, token.end),
          )
        : this.speakers.ofVerb(sentence, i, skip);
      if (!attribution.speaker && !wie) continue;
      if (this.add(sentence, sentence.start, tokens[comma]?.start ?? end, attribution, "postposed")) return;
    }
    // "Wie X berichtete, …": the report follows the wie-clause.
    if (tokens[0]?.lower === "wie" || tokens[0]?.lower === "as") {
      const cue = this.cueIndex(sentence, 1, Math.min(tokens.length, 10));
      const comma = tokens.findIndex((t, k) => k > cue && t.text === ",");
      if (cue > 0 && comma > cue) {
        const attribution = this.speakers.ofVerb(sentence, cue, skip);
        if (this.add(sentence, tokens[comma + 1]?.start ?? end, end, attribution, "postposed")) return;
      }
    }

    // "Dies bestätigte X": the previous sentence is what X said.
    if (/^(?:dies|das|this)$/u.test(tokens[0]?.lower ?? "") && this.isCue(tokens[1], 1, tokens)) {
      const previous = this.sentences[sentence.index - 1];
      if (previous && previous.paragraph === sentence.paragraph) {
        const attribution = this.speakers.ofVerb(sentence, 1, skip);
        if (attribution.speaker) {
          this.add(previous, previous.start, tokens[0]?.end ?? previous.end, attribution, "demonstrative");
          return;
        }
      }
    }
    if (this.language === "de") this.subjunctiveContinuation(sentence);
  }

  /** "laut X", "X zufolge", "nach Angaben X", "gemäß X", "according to X": the rest of the sentence. */
  private sourceMarker(sentence: Sentence): boolean {
    const tokens = sentence.tokens;
    const skip = this.quotedToken;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token?.word || skip(token)) continue;
      let from = -1;
      let to = -1;
      let cueEnd = token.end;
      if (token.lower === "laut" || token.lower === "gemäß") from = i + 1;
      else if (token.lower === "according" && tokens[i + 1]?.lower === "to") {
        from = i + 2;
        cueEnd = tokens[i + 1]?.end ?? cueEnd;
      } else if (
        (token.lower === "nach" || token.lower === "den" || token.lower === "unter") &&
        SOURCE_NOUNS.test(tokens[i + 1]?.lower ?? "") &&
        // "zitierte sie mit den Worten: …" frames the verb's quote; it names no source of its own.
        !(token.lower === "den" && tokens[i - 1]?.lower === "mit")
      ) {
        from = tokens[i + 2]?.lower === "von" ? i + 3 : i + 2;
        cueEnd = tokens[i + 1]?.end ?? cueEnd;
      } else if (
        token.lower === "nach" &&
        /^(?:ersten|offiziellen|eigenen|bisherigen|vorläufigen|inoffiziellen|übereinstimmenden|unbestätigten|neuesten|jüngsten|amtlichen|behördlichen)$/u.test(
          tokens[i + 1]?.lower ?? "",
        ) &&
        SOURCE_NOUNS.test(tokens[i + 2]?.lower ?? "")
      ) {
        // "nach ersten Angaben (der Polizei)": without a genitive, the phrase is the channel.
        from = tokens[i + 3]?.lower === "von" ? i + 4 : i + 3;
        cueEnd = tokens[i + 2]?.end ?? cueEnd;
      } else if (token.lower === "zufolge" && i > 0) {
        to = i;
        let k = i - 1;
        while (k > 0 && tokens[k - 1]?.text !== "," && i - k < 8) k--;
        // The source is the noun phrase right before "zufolge", not the whole clause before it.
        let np = i;
        let adjective = false;
        while (np > k) {
          const t = tokens[np - 1];
          if (!t || t.text === ",") break;
          const article =
            /^(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen|diese[mnrs]?|dieser)$/u.test(
              t.lower,
            );
          // One adjective right before the noun ("ersten Angaben"), then only its article.
          const fits = article
            ? true
            : adjective
              ? false
              : (t.word && t.cap) ||
                this.quotedToken(t) ||
                (t.word &&
                  /(?:en|er|em|es|e)$/u.test(t.lower) &&
                  tokens[np]?.cap === true &&
                  !this.lex.subjunctive.has(t.lower) &&
                  !SUBJUNCTIVE_II.has(t.lower));
          if (!fits) break;
          if (article) {
            np--;
            break;
          }
          if (!t.cap && t.word) adjective = true;
          np--;
        }
        from = np < i ? np : k;
      }
      if (from < 0) continue;
      // "Laut „Spiegel“": the marks of a quoted name open the source phrase.
      const opened = from;
      while (to < 0 && /^[„“"»«‚‘]$/u.test(tokens[from]?.text ?? "") && !skip(tokens[from] as Token)) from++;
      if (to < 0) to = this.speakers.phraseEnd(tokens, from, skip);
      if (from > opened && /^[“”"«»‘’]$/u.test(tokens[to]?.text ?? "")) to++;
      // "laut taz", "laut ndr.de": a lower-case source is one word.
      if (
        token.lower === "laut" &&
        tokens[from]?.word &&
        !tokens[from]?.cap &&
        !/^(?:der|die|das|den|dem|des|diese[mnrs]?|dieser|einem|einer|eines)$/u.test(
          tokens[from]?.lower ?? "",
        )
      )
        to = Math.min(to, from + 1);
      // "Nach Polizeiangaben": the source noun is the channel itself.
      const genitive = tokens[from];
      const ownNoun =
        cueEnd > token.end &&
        i + 1 < from &&
        token.lower !== "according" &&
        (to <= from ||
          !genitive ||
          !(/^(?:der|des|eines|einer|von|vom)$/u.test(genitive.lower) || genitive.cap) ||
          (genitive.cap && !genitive.word));
      if (ownNoun) {
        to = tokens.findIndex((t) => t.end === cueEnd) + 1;
        from = i + 1;
      }
      if (to <= from) continue;
      const cue = span(this.text, token.start, cueEnd);
      let attribution = ownNoun ? NO_ATTRIBUTION : this.speakers.ofMarker(sentence, from, to, cue);
      if (!attribution.speaker) attribution = this.speakers.channelSource(sentence, from, to, cue, ownNoun);
      const sourceEnd = Math.max(tokens[to - 1]?.end ?? token.end, token.lower === "zufolge" ? token.end : 0);
      const atStart = tokens.slice(0, Math.min(i, from)).every((t) => !t.word);
      if (atStart) return this.add(sentence, sourceEnd, sentence.end, attribution, "marker");
      return this.add(sentence, sentence.start, sentence.end, attribution, "marker");
    }
    return false;
  }

  /** Start offset of the reported clause after a cue: ", dass …", "that …", ", er habe …", ": …". */
  private clauseAfterCue(sentence: Sentence, cueIndex: number): number | null {
    const tokens = sentence.tokens;
    const limit = Math.min(tokens.length, cueIndex + 30);
    for (let k = cueIndex + 1; k < limit; k++) {
      const token = tokens[k];
      if (!token) break;
      // English clauses quote a few words of their own ("said prices would rise "selectively""):
      // marks deeper in the clause leave it a reported clause.
      if (this.quotedToken(token)) {
        if (this.language === "en" && k > cueIndex + 1) break;
        return null;
      }
      if (this.language === "en" && (k > cueIndex + 8 || token.text === "." || token.text === ";")) break;
      if (["dass", "daß", "that", "ob"].includes(token.lower)) return tokens[k + 1]?.start ?? null;
      if (token.text === "." || token.text === ";") return null;
      if (token.text === ":" && tokens[k + 1] && !this.quotedToken(tokens[k + 1] as Token))
        return tokens[k + 1]?.start ?? null;
      if (token.text === "," && this.language === "de") {
        const first = tokens[k + 1];
        if (!first || this.quotedToken(first)) return null;
        if (first.lower === "dass" || first.lower === "daß" || first.lower === "ob")
          return tokens[k + 2]?.start ?? null;
        // After a noun, "der/die/das" opens a relative clause; right after the verb, a reported one.
        const afterNoun = k - 1 > cueIndex && tokens[k - 1]?.cap === true;
        if (RELATIVE_START.has(first.lower) && (afterNoun || !/^(?:der|die|das)$/u.test(first.lower)))
          continue;
        let verb = k + 1;
        while (verb < limit && tokens[verb]?.text !== "," && tokens[verb]?.text !== ".") {
          const candidate = tokens[verb];
          if (
            candidate &&
            (this.lex.subjunctive.has(candidate.lower) ||
              SUBJUNCTIVE_II.has(candidate.lower) ||
              this.regularSubjunctive(tokens, verb) ||
              zuInfinitive(tokens, verb)) &&
            !this.quotedToken(candidate)
          )
            return first.start;
          verb++;
        }
      }
    }
    if (this.language === "en") {
      const cue = tokens[cueIndex];
      const verb = cue ? this.verbs.get(cue.lower) : undefined;
      if (!verb || !CLAUSE_VERBS_EN.has(verb.lemma)) return null;
      let k = cueIndex + 1;
      if (verb.lemma === "tell") k = this.speakers.phraseEnd(tokens, k);
      // "said on Wednesday it would …", "said in a statement the …": a short frame phrase first.
      if (/^(?:on|in)$/u.test(tokens[k]?.lower ?? "")) {
        let j = k + 1;
        while (j < k + 5 && FRAME_PHRASE_EN.test(tokens[j]?.lower ?? "")) j++;
        if (j > k + 1 && tokens[j]?.lower !== "that") k = j;
        else if (j > k + 1) k = j + 1;
      }
      const next = tokens[k];
      if (!next?.word || this.quotedToken(next)) return null;
      const quantity = /^(?:least|most)$/u.test(tokens[k + 1]?.lower ?? ""); // "said at least two …"
      if (
        /^(?:in|on|at|after|before|during|to|of|for|with|by|from|this|so|yes|no|nothing|whether)$/u.test(
          next.lower,
        ) &&
        !quantity
      )
        return null;
      // A reported clause has a finite verb: "said the plant would create …", "told Reuters the
      // company expected …", "said the drone fell …", not "claims victory".
      const finite = tokens
        .slice(k + 1, k + 12)
        .some(
          (t, m, after) =>
            !this.quotedToken(t) &&
            (FINITE_EN.test(t.lower) ||
              (/^[a-z]{3,}ed$/u.test(t.text) && !DETERMINER_EN.test(after[m - 1]?.lower ?? ""))),
        );
      return finite ? next.start : null;
    }
    return null;
  }

  /**
   * A Konjunktiv I the list does not hold: a lower-case word in -e right after the clause's noun or
   * pronoun subject ("Abschottung schwäche …", "er betone …"). An adjective in -e stands before its
   * noun, not after it.
   */
  private regularSubjunctive(tokens: readonly Token[], k: number): boolean {
    const word = tokens[k];
    const subject = tokens[k - 1];
    if (!word?.word || word.cap || !/[^e]e$/u.test(word.lower) || word.lower.length < 4) return false;
    if (this.lex.functionWords.has(word.lower)) return false;
    return (
      subject !== undefined && (subject.cap || /^(?:er|sie|es|man)$/u.test(subject.lower)) && subject.word
    );
  }

  /** Where a reported clause ends: the sentence end, or a postposed frame "…, said X". */
  private clauseEnd(sentence: Sentence, start: number): number {
    const tokens = sentence.tokens;
    for (let k = tokens.length - 1; k > 0; k--) {
      const token = tokens[k];
      if (!token || token.start < start) break;
      if (token.text === "," && this.isCue(tokens[k + 1], k + 1, tokens) && tokens.length - k < 8)
        return token.start;
    }
    return sentence.end;
  }

  /** A sentence in Konjunktiv I continues the report before it ("Er habe …", "Es gebe …"). */
  private subjunctiveContinuation(sentence: Sentence): void {
    const tokens = sentence.tokens;
    const verb = tokens.find(
      (t, k) =>
        this.lex.subjunctive.has(t.lower) &&
        !/^(?:ich|wir|sie|ihr)$/u.test(tokens[k - 1]?.lower ?? "") &&
        !/^(?:ich|wir)$/u.test(tokens[k + 1]?.lower ?? "") &&
        !this.quotedToken(t),
    );
    if (!verb) return;
    const cue = span(this.text, verb.start, verb.end);
    // "…, so der Schriftsteller X in einem Blog, …": a so-frame inside the sentence names the speaker.
    const so = tokens.findIndex(
      (t, k) => t.lower === "so" && tokens[k - 1]?.text === "," && k > 1 && !this.quotedToken(t),
    );
    if (so > 0) {
      const end = this.speakers.phraseEnd(tokens, so + 1, this.quotedToken);
      const found = this.speakers.ofMarker(sentence, so + 1, end, cue);
      if (found.speaker) {
        this.add(sentence, sentence.start, sentence.end, found, "subjunctive-subject");
        return;
      }
    }
    // The report this sentence goes on with: the nearest one before it, or a framed direct quote.
    let previous: FoundQuote | undefined;
    for (const q of this.quotesByPosition.meeting(sentence.start - 600, sentence.start)) {
      const framed = q.speaker !== null && (q.rule === "marked-cue" || q.rule === "marked-colon");
      if ((q.marked && !framed) || q.end > sentence.start || sentence.start - q.end >= 600) continue;
      if (!previous || q.end > previous.end) previous = q;
    }
    const prior =
      previous?.speaker && !this.dubious(previous.speaker)
        ? previous
        : (this.lastSpoken(sentence.start, 1200) ?? previous);
    let attribution: Attribution = {
      ...NO_ATTRIBUTION,
      speaker: prior?.speaker ?? null,
      via: prior?.via ?? null,
      cue,
      rule: prior === previous ? "previous-quote" : "last-speaker",
    };
    // "Die Experten kamen zu dem Ergebnis, dass es keine Beweise gebe": the verb sits in a clause
    // after the main one, whose subject holds the view.
    const verbIndex = tokens.indexOf(verb);
    const comma = tokens.findIndex((t, k) => k < verbIndex && (t.text === "," || t.text === ":"));
    if (comma > 0) {
      const subject = this.speakers.subject(sentence, this.quotedToken, comma);
      if (subject.speaker && subject.speaker.kind !== "PLACE") {
        this.add(
          sentence,
          tokens[/^(?:dass|daß|ob)$/u.test(tokens[comma + 1]?.lower ?? "") ? comma + 2 : comma + 1]?.start ??
            sentence.start,
          sentence.end,
          { ...subject, cue },
          "subjunctive-subject",
        );
        return;
      }
    }
    const before = this.sentences[sentence.index - 1];
    const reportedBefore =
      before !== undefined &&
      this.quotesByPosition
        .meeting(before.start, before.end + 1)
        .some((q) => q.start >= before.start && q.end <= before.end + 1);
    if (before && !reportedBefore) {
      // The sentence before names who speaks without a clause ("Annan äußerte sich besorgt …").
      const k = this.cueIndex(before, 0, undefined, true);
      const found = k >= 0 ? this.speakers.ofVerb(before, k, this.quotedToken) : NO_ATTRIBUTION;
      if (found.speaker) attribution = { ...found, cue, rule: "previous-sentence-verb" };
      else {
        // "Lammert würdigte die Bundeswehr …. Sie sei …": with no report before, the previous subject speaks.
        const subject = this.speakers.subject(before, this.quotedToken);
        if (subject.speaker && subject.speaker.kind !== "PLACE" && subject.speaker.kind !== "COUNTRY") {
          this.add(
            sentence,
            sentence.start,
            sentence.end,
            { ...subject, cue, rule: "previous-sentence-subject" },
            "subjunctive-previous",
          );
          return;
        }
      }
    }
    // "Demnach habe …": the adverb points back at the source just named; it is the mention here.
    const first = tokens[0];
    if (first && /^(?:demnach|dementsprechend)$/u.test(first.lower) && attribution.speaker)
      attribution = { ...attribution, mention: span(this.text, first.start, first.end) };
    this.add(sentence, sentence.start, sentence.end, attribution, "subjunctive");
  }

  /**
   * A speaker that is likely a capitalised common word read as a name ("Besorgt", "Darstellung"):
   * one word, no lexicon entity, not a known given name, surname or role noun.
   */
  private dubious(cluster: Cluster): boolean {
    if (cluster.entity || this.language !== "de") return false;
    const words = cluster.name.split(/\s+/u);
    if (words.length > 1) return false;
    const word = words[0] ?? "";
    if (this.lex.surnames.has(word) || this.lex.givenNames.has(word) || this.lex.roleOf(word, "de"))
      return false;
    if (cluster.mentions.some((m) => m.form === "NAME" && /\s/u.test(m.text))) return false;
    if (this.lex.orgSuffix(word) || this.lex.sourceGroupNoun(word)) return false;
    return (
      (cluster.kind === "PERSON" && this.lex.noun(word) !== null) ||
      /(?:ig|lich|isch|end|bar|los|ung|besorgt)$/iu.test(word)
    );
  }

  /** The last quote before `offset` (within `range` characters) whose speaker is not dubious. */
  private lastSpoken(offset: number, range: number): FoundQuote | undefined {
    // Marked quotes are found before reported ones, so the list is not in text order here.
    let best: FoundQuote | undefined;
    for (const quote of this.quotesByPosition.meeting(offset - range, offset)) {
      if (quote.end > offset || offset - quote.end >= range) continue;
      if (!quote.speaker || this.dubious(quote.speaker)) continue;
      if (!best || quote.end > best.end) best = quote;
    }
    return best;
  }

  /** A media group or agency named in this or the two previous sentences ("nordkoreanische Medien"). */
  private nearbySource(sentence: Sentence): Cluster | null {
    for (let index = sentence.index; index >= Math.max(0, sentence.index - 2); index--) {
      const s = this.sentences[index];
      if (!s) continue;
      const mentions = this.speakers.mentionsOf(s);
      for (let m = mentions.length - 1; m >= 0; m--) {
        const mention = mentions[m];
        const cluster = mention ? this.actors.clusterOf.get(mention) : undefined;
        if (cluster && (cluster.kind === "GROUP" || cluster.entity?.media)) return cluster;
      }
    }
    return null;
  }
}
