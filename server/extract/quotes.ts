/**
 * Quotes: direct quotations in any mark style with a nearby speaker and cue, interrupted quotes
 * joined into parts, partial quotes inside the writer's sentence, and reported speech without
 * marks (speech verb + dass-clause, Konjunktiv I, "laut X", ", so X", "wie X mitteilte", hearsay
 * "so heißt es"; English "that"-clauses, "according to X", ", X said").
 */
import type { ActorSet, Cluster } from "./actors.ts";
import { lexicon } from "./lexicons/index.ts";
import type { Mention } from "./mentions.ts";
import type { Sentence } from "./sentences.ts";
import type { Token } from "./tokens.ts";
import type { Language, QuoteKind, Span } from "./types.ts";

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
};

const CLOSERS: Record<string, string> = {
  "„": '“”"',
  "“": "”“",
  '"': '"',
  "«": "»",
  "»": "«»",
  "‚": "‘’",
  "‹": "›",
  "›": "‹",
};
const TITLE_NOUNS =
  /(?:zeitung|blatt|magazin|sender|sendung|film|buch|roman|titel|album|lied|song|serie|programm|operation|aktion|motto|slogan|schiff|projekt|kampagne|initiative|show|newspaper|magazine|book|film|movie|operation|program|programme)\s*$/iu;
const HEARSAY_DE = /,?\s*(?:so\s+)?(?:heißt|hieß)\s+es(?:\s+(?:in|aus|von|bei|weiter)\b[^.]*)?\s*[.!]?$/iu;
const PRONOUNS: Record<string, "m" | "f" | null> = {
  er: "m",
  sie: "f",
  he: "m",
  she: "f",
  ich: null,
  i: null,
};

type Mark = { open: number; close: number };

function findMarks(text: string, start: number, end: number): Mark[] {
  const marks: Mark[] = [];
  let i = start;
  while (i < end) {
    const ch = text[i] ?? "";
    const closers = CLOSERS[ch];
    if (closers) {
      const before = i > start ? (text[i - 1] ?? " ") : " ";
      const opensHere =
        /[\s([{:;,.–—-]/u.test(before) || i === start || ch === "„" || ch === "«" || ch === "‚";
      if (opensHere) {
        let j = i + 1;
        while (j < end && j - i < 3000 && !closers.includes(text[j] ?? "")) j++;
        if (j < end && j - i < 3000 && j > i + 1) {
          marks.push({ open: i, close: j });
          i = j + 1;
          continue;
        }
      }
    }
    i++;
  }
  return marks;
}

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** Trims whitespace and final punctuation off [start, end). */
function trimContent(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:]/u.test(text[s] ?? "")) s++;
  while (e > s && /[\s.,;:!?]/u.test(text[e - 1] ?? "")) e--;
  return [s, e];
}

export class QuoteFinder {
  private readonly lex = lexicon();
  private readonly verbs;
  readonly quotes: FoundQuote[] = [];
  private readonly markSpans: Mark[] = [];

  constructor(
    private readonly text: string,
    private readonly sentences: Sentence[],
    private readonly actors: ActorSet,
    private readonly language: Language,
  ) {
    this.verbs = this.lex.speechVerbs[language];
  }

  run(): FoundQuote[] {
    const paragraphs = new Map<number, Sentence[]>();
    for (const sentence of this.sentences) {
      const list = paragraphs.get(sentence.paragraph) ?? [];
      list.push(sentence);
      paragraphs.set(sentence.paragraph, list);
    }
    for (const list of paragraphs.values()) {
      const first = list[0];
      const last = list.at(-1);
      if (!first || !last) continue;
      this.markedQuotes(findMarks(this.text, first.start, last.end));
    }
    for (const sentence of this.sentences) this.reportedSpeech(sentence);
    // A partial quote inside reported speech belongs to the reported speaker.
    for (const quote of this.quotes) {
      if (!quote.marked) continue;
      const outer = this.quotes.find((q) => !q.marked && q.start <= quote.start && q.end >= quote.end);
      if (outer?.speaker) {
        quote.speaker = outer.speaker;
        quote.speakerMention = outer.speakerMention;
        quote.via = outer.via;
        quote.cue = outer.cue;
      }
    }
    this.quotes.sort((a, b) => a.start - b.start || b.end - a.end);
    return this.quotes;
  }

  private sentenceAt(offset: number): Sentence | undefined {
    return this.sentences.find((sentence) => offset >= sentence.start && offset < sentence.end);
  }

  private insideMarks(offset: number): boolean {
    return this.markSpans.some((mark) => offset > mark.open && offset < mark.close);
  }

  private isCue(token: Token | undefined): boolean {
    if (!token?.word) return false;
    const verb = this.verbs.get(token.lower);
    return verb !== undefined && !verb.thought;
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
      if (!sentence) continue;
      const before = text.slice(sentence.start, mark.open);
      const after = text.slice(mark.close + 1, sentence.end);
      // Titles and names in marks: „Süddeutsche Zeitung“, „Eagle“.
      const titleLike =
        words.length <= 4 && words.every((w) => /^[\p{Lu}\d]/u.test(w)) && !/[.!?]$/u.test(content.trim());
      if (titleLike && (TITLE_NOUNS.test(before) || words.length <= 2)) {
        const frameCue = this.findCue(sentence, mark);
        if (!frameCue || words.length > 1 || TITLE_NOUNS.test(before)) continue;
      }
      const parts: Span[] = [span(text, mark.open + 1, mark.close)];
      let close = mark.close;
      // Interrupted quote: „…“, sagte er, „…“
      let cueInside: Token | null = null;
      const next = marks[index];
      if (next) {
        const between = text.slice(close + 1, next.open);
        if (between.length < 80 && /^\s*,/u.test(between) && /,\s*$/u.test(between)) {
          const gapSentence = this.sentenceAt(close + 1);
          const cue = gapSentence?.tokens.find((t) => t.start > close && t.end <= next.open && this.isCue(t));
          if (cue) {
            cueInside = cue;
            parts.push(span(text, next.open + 1, next.close));
            close = next.close;
            index++;
          }
        }
      }
      this.markSpans.push({ open: mark.open, close });
      const trimmedBefore = before.replace(/[\s]+$/u, "");
      const startsSentence =
        trimmedBefore.length === 0 || /[:.]$/u.test(trimmedBefore) || /:\s*\.?$/u.test(trimmedBefore);
      const sentenceLike = /^[\p{Lu}\d.…„"»«(]/u.test(content.trim()) && words.length >= 3;
      const followedByCue =
        /^\s*[,]?\s*(?:so|sagte|sagt|erklärte|betonte|said|says|added|told)\b/iu.test(after) ||
        (/^[,]\s*\S/u.test(after) && this.findCue(sentence, mark) !== null);
      const direct =
        sentenceLike &&
        (startsSentence || followedByCue || parts.length > 1 || /[.!?…]["“”»«]?$/u.test(content.trim()));
      if (!direct && words.length < 1) continue;
      const frame = this.speakerFor(sentence, { open: mark.open, close }, cueInside);
      if (!direct && !frame.cue && words.length <= 3) continue;
      // A comma closing the quoted words belongs to the frame ("…,“ sagte er).
      let contentEnd = close;
      while (contentEnd > mark.open + 1 && /[\s,]/u.test(text[contentEnd - 1] ?? "")) contentEnd--;
      const lastPart = parts.at(-1);
      if (lastPart && contentEnd < close)
        parts[parts.length - 1] = span(text, lastPart.start, Math.max(lastPart.start, contentEnd));
      const quote: FoundQuote = {
        kind: direct ? "DIRECT" : "PARTIAL",
        start: mark.open + 1,
        end: contentEnd,
        parts: parts.length > 1 ? parts : null,
        speaker: frame.speaker,
        speakerMention: frame.mention,
        via: frame.via,
        addressee: null,
        cue: frame.cue,
        confidence: frame.speaker ? (frame.cue ? 0.85 : 0.6) : 0.5,
        marked: true,
      };
      this.quotes.push(quote);
    }
  }

  /** The cue token in the sentence outside the mark (or in the previous sentence ending with ':'). */
  private findCue(sentence: Sentence, mark: Mark): Token | null {
    const cue = sentence.tokens.find(
      (t) => (t.end <= mark.open || t.start > mark.close) && !this.insideMarks(t.start) && this.isCue(t),
    );
    return cue ?? null;
  }

  /** Speaker, cue and channel for a marked quote, from its own sentence or the sentence before a colon. */
  private speakerFor(
    sentence: Sentence,
    mark: Mark,
    cueInside: Token | null,
  ): { speaker: Cluster | null; mention: Span | null; cue: Span | null; via: Cluster | null } {
    const frames: Sentence[] = [];
    const sentencesInQuote = this.sentences.filter((s) => s.start >= mark.open && s.end <= mark.close + 2);
    const lastInQuote = sentencesInQuote.at(-1) ?? sentence;
    const previous = this.sentences[sentence.index - 1];
    const textBefore = this.text.slice(sentence.start, mark.open).trim();
    if (cueInside) {
      const gap = this.sentenceAt(cueInside.start);
      if (gap) {
        const found = this.frameSpeaker(gap, cueInside, mark);
        if (found.speaker) return found;
      }
    }
    frames.push(sentence);
    const following = this.sentences[lastInQuote.index];
    if (following && following !== sentence) frames.push(following);
    const afterClose = this.sentenceAt(mark.close + 1);
    if (afterClose && !frames.includes(afterClose)) frames.push(afterClose);
    if (
      previous &&
      (textBefore.length === 0 || /^:?\.?$/u.test(textBefore)) &&
      /:\s*\.?\s*$/u.test(previous.text)
    )
      frames.unshift(previous);
    for (const frame of frames) {
      const cue = frame.tokens.find(
        (t) =>
          (t.end <= mark.open || t.start >= mark.close) &&
          !this.insideMarks(t.start) &&
          (this.isCue(t) || t.lower === "so" || t.lower === "laut"),
      );
      if (!cue) continue;
      const found = this.frameSpeaker(frame, cue, mark);
      if (found.speaker) return found;
    }
    // No frame: a quote standing alone continues the previous speaker.
    const prior = [...this.quotes]
      .reverse()
      .find((q) => q.speaker && q.end <= mark.open && mark.open - q.end < 600);
    if (prior) return { speaker: prior.speaker, mention: null, cue: null, via: prior.via };
    return { speaker: null, mention: null, cue: null, via: null };
  }

  /** Speaker of a cue: the actor right after it ("sagte Peskow", "so Kim") or the subject before it. */
  private frameSpeaker(
    sentence: Sentence,
    cue: Token,
    mark: Mark | null,
  ): { speaker: Cluster | null; mention: Span | null; cue: Span | null; via: Cluster | null } {
    const tokens = sentence.tokens;
    const cueIndex = tokens.indexOf(cue);
    const outside = (m: Mention) => !mark || m.end <= mark.open || m.start > mark.close;
    const mentions = this.actors
      .mentionsIn(sentence.start, sentence.end)
      .filter((m) => outside(m) && m.use !== "ADJECTIVE" && !this.insideMarks(m.start));
    const cueSpan = span(this.text, cue.start, cue.end);
    let via: Cluster | null = null;
    // "Laut KCNA sagte Kim": the channel.
    for (const m of mentions) {
      const before = tokens[m.first - 1];
      const cluster = this.actors.clusterOf.get(m);
      if (cluster && before && /^(?:laut|zufolge|according)$/iu.test(before.lower) && cue.lower !== "laut")
        via = cluster;
    }
    const pick = (m: Mention | undefined) => {
      if (!m) return null;
      const cluster = this.actors.clusterOf.get(m) ?? null;
      if (!cluster) return null;
      cluster.used = true;
      return {
        speaker: cluster,
        mention: span(this.text, m.start, m.end),
        cue: cueSpan,
        via: via === cluster ? null : via,
      };
    };
    // Pronoun next to the cue.
    for (const token of [tokens[cueIndex + 1], tokens[cueIndex - 1]]) {
      if (!token) continue;
      const gender = PRONOUNS[token.lower];
      if (gender === undefined || token.lower === "ich" || token.lower === "i") continue;
      if (token.lower === "sie" && /(?:en|ten)$/u.test(cue.lower)) continue;
      const cluster = this.actors.lastPerson(token.start, gender);
      if (cluster) {
        cluster.used = true;
        this.actors.addMention(cluster, token.start, token.end, token.text, "PRONOUN");
        return { speaker: cluster, mention: span(this.text, token.start, token.end), cue: cueSpan, via };
      }
    }
    // Inverted: the first mention right after the cue, with no clause boundary between.
    const after = mentions.find(
      (m) =>
        m.first > cueIndex &&
        m.first <= cueIndex + 4 &&
        (via === null || this.actors.clusterOf.get(m) !== via) &&
        tokens
          .slice(cueIndex + 1, m.first)
          .every((t) => t.word && !/^(?:dass|daß|that|ob|whether|und|and)$/u.test(t.lower)),
    );
    if (after && (cue.lower !== "laut" || true)) {
      const chosen = pick(after);
      if (chosen) return chosen;
    }
    // Subject before the cue, in the same clause: prefer a person, then the first mention.
    const before = mentions.filter((m) => m.last <= cueIndex && this.actors.clusterOf.get(m) !== via);
    const person = [...before].reverse().find((m) => m.kind === "PERSON");
    const chosen = pick(person ?? before[0]);
    if (chosen) return chosen;
    if (via) return { speaker: via, mention: null, cue: cueSpan, via: null };
    const phrase = this.nounPhraseNear(sentence, cueIndex, mark);
    if (phrase) {
      const [first, last] = phrase;
      const start = tokens[first]?.start ?? 0;
      const end = tokens[last - 1]?.end ?? start;
      const text = this.text.slice(start, end);
      const head = tokens[last - 1]?.text ?? "";
      const kind = this.lex.roleOf(head, this.language)
        ? "PERSON"
        : this.lex.orgSuffix(head)
          ? "ORGANIZATION"
          : "GROUP";
      const cluster = this.actors.adHoc(start, end, text, kind, sentence.index);
      return { speaker: cluster, mention: span(this.text, start, end), cue: cueSpan, via: null };
    }
    return { speaker: null, mention: null, cue: cueSpan, via: null };
  }

  /**
   * A noun phrase naming the speaker when no actor does: right after the cue ("sagte ein Sprecher
   * der Polizei") or the clause subject before it ("Die Polizei teilte mit").
   */
  private nounPhraseNear(sentence: Sentence, cueIndex: number, mark: Mark | null): [number, number] | null {
    const tokens = sentence.tokens;
    const outside = (k: number) => {
      const token = tokens[k];
      return (
        token !== undefined &&
        (!mark || token.end <= mark.open || token.start > mark.close) &&
        !this.insideMarks(token.start)
      );
    };
    const determiner =
      /^(?:der|die|das|den|dem|des|ein|eine|einer|einem|einen|the|a|an|einige|mehrere|viele)$/u;
    const phraseAt = (k: number): [number, number] | null => {
      let j = k;
      if (determiner.test(tokens[j]?.lower ?? "")) j++;
      while (
        j < tokens.length &&
        j < k + 4 &&
        tokens[j]?.word &&
        !tokens[j]?.cap &&
        /(?:e|en|er|es|em|ige|igen)$/u.test(tokens[j]?.lower ?? "")
      )
        j++;
      const head = tokens[j];
      if (!head?.word || !head.cap || this.lex.functionWords.has(head.lower) || !outside(j)) return null;
      let end = j + 1;
      // Genitive or prepositional attribute: "Sprecher der Polizei", "Vertreter des Ministeriums".
      if (/^(?:der|des|of)$/u.test(tokens[end]?.lower ?? "") && tokens[end + 1]?.cap) end += 2;
      return [k, end];
    };
    const after = phraseAt(cueIndex + 1);
    if (after && determiner.test(tokens[cueIndex + 1]?.lower ?? "")) return after;
    // Subject: the clause start before the cue (after a comma or at the sentence start).
    let start = cueIndex - 1;
    while (
      start > 0 &&
      tokens[start - 1]?.text !== "," &&
      tokens[start - 1]?.text !== ":" &&
      outside(start - 1)
    )
      start--;
    if (start < cueIndex && determiner.test(tokens[start]?.lower ?? "")) {
      const before = phraseAt(start);
      if (before && before[1] <= cueIndex) return before;
    }
    return after;
  }

  /** Reported speech without marks in one sentence. */
  private reportedSpeech(sentence: Sentence): void {
    const tokens = sentence.tokens;
    const text = this.text;
    const add = (
      start: number,
      end: number,
      frame: ReturnType<QuoteFinder["frameSpeaker"]>,
      confidence: number,
    ) => {
      const [s, e] = trimContent(text, start, end);
      if (e - s < 8) return;
      if (this.quotes.some((q) => q.marked && q.start <= s + 1 && q.end >= e - 1)) return;
      if (this.quotes.some((q) => !q.marked && q.start < e && s < q.end)) return;
      const mixed = this.quotes.some((q) => q.marked && q.start >= s && q.end <= e);
      this.quotes.push({
        kind: mixed ? "MIXED" : "INDIRECT",
        start: s,
        end: e,
        parts: null,
        speaker: frame.speaker,
        speakerMention: frame.mention,
        via: frame.via,
        addressee: null,
        cue: frame.cue,
        confidence: frame.speaker ? confidence : confidence - 0.2,
        marked: false,
      });
    };
    const end = sentence.end;

    // Hearsay: "…, so heißt es." → speaker a source group named nearby, or none.
    const hearsay =
      this.language === "de"
        ? HEARSAY_DE.exec(sentence.text)
        : /,\s*(?:it is said|it was said|reportedly)\s*\.?$/iu.exec(sentence.text);
    if (hearsay && hearsay.index > 10) {
      const cueStart =
        sentence.start +
        hearsay.index +
        (hearsay[0].length - hearsay[0].trimStart().replace(/^,\s*/u, "").length);
      const cue = span(
        text,
        cueStart,
        sentence.start + hearsay.index + hearsay[0].replace(/[\s.!]+$/u, "").length,
      );
      const source = this.nearbySource(sentence);
      if (source) source.used = true;
      add(
        sentence.start,
        sentence.start + hearsay.index,
        { speaker: source, mention: null, cue, via: null },
        0.6,
      );
      return;
    }

    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token?.word || this.insideMarks(token.start)) continue;
      // "laut X, …", "according to X, …"
      if (
        (token.lower === "laut" || (token.lower === "according" && tokens[i + 1]?.lower === "to")) &&
        !this.insideMarks(token.start)
      ) {
        const innerCue = tokens.find((t, k) => k > i + 1 && this.isCue(t) && !this.insideMarks(t.start));
        if (innerCue && this.clauseAfterCue(sentence, tokens.indexOf(innerCue))) continue;
        const frame = this.frameSpeaker(sentence, token, null);
        const mention = this.actors.mentionsIn(token.end, end).find((m) => m.first <= i + 4);
        const afterSource = mention ? mention.end : (tokens[i + 2]?.end ?? token.end);
        if (i <= 1) add(afterSource, end, frame, 0.65);
        else add(sentence.start, token.start, frame, 0.6);
        return;
      }
      if (!this.isCue(token)) continue;
      const clause = this.clauseAfterCue(sentence, i);
      if (clause) {
        const frame = this.frameSpeaker(sentence, token, null);
        add(clause, end, frame, 0.7);
        return;
      }
      // "…, sagte der Präsident." / "…, so X." / ", X said."
      const prev = tokens[i - 1];
      const prevPrev = tokens[i - 2];
      const commaBefore =
        prev?.text === "," ? prev : prevPrev?.text === "," && this.language === "en" ? prevPrev : null;
      if (commaBefore && i > 3 && tokens.length - i <= 8) {
        const frame = this.frameSpeaker(sentence, token, null);
        if (frame.speaker) {
          add(sentence.start, commaBefore.start, frame, 0.6);
          return;
        }
      }
      if (tokens[i - 2]?.lower === "wie" || tokens[i - 3]?.lower === "wie") {
        const wie = tokens.findIndex((t, k) => k < i && t.lower === "wie" && tokens[k - 1]?.text === ",");
        if (wie > 2) {
          const frame = this.frameSpeaker(sentence, token, null);
          add(sentence.start, tokens[wie - 1]?.start ?? sentence.start, frame, 0.6);
          return;
        }
      }
    }
    if (this.language === "de") {
      const so = /,\s+so\s+(?:der|die|das|ein|eine)?\s*[\p{Lu}][^,.]*[.]?$/u.exec(sentence.text);
      if (so && so.index > 10) {
        const soToken = tokens.find((t) => t.lower === "so" && t.start >= sentence.start + so.index);
        if (soToken) {
          const frame = this.frameSpeaker(sentence, soToken, null);
          if (frame.speaker) {
            add(sentence.start, sentence.start + so.index, frame, 0.65);
            return;
          }
        }
      }
      this.subjunctiveContinuation(sentence);
    }
  }

  /** Start offset of the reported clause after a cue: ", dass …", "that …", ", er habe …". */
  private clauseAfterCue(sentence: Sentence, cueIndex: number): number | null {
    const tokens = sentence.tokens;
    for (let k = cueIndex + 1; k < Math.min(tokens.length, cueIndex + 12); k++) {
      const token = tokens[k];
      if (!token) break;
      if (this.insideMarks(token.start)) return null;
      if (["dass", "daß", "that"].includes(token.lower)) return tokens[k + 1]?.start ?? null;
      if (token.text === ":" || token.text === "„" || token.text === "“" || token.text === '"') return null;
      if (token.text === "," && this.language === "de") {
        const rest = tokens.slice(k + 1, k + 12);
        if (rest[0]?.lower === "dass" || rest[0]?.lower === "daß") return tokens[k + 2]?.start ?? null;
        if (
          rest.some((t) => this.lex.subjunctive.has(t.lower)) &&
          !["der", "die", "das", "welche", "wie", "um", "ohne", "als"].includes(rest[0]?.lower ?? "")
        ) {
          return tokens[k + 1]?.start ?? null;
        }
        if (rest[0]?.lower === "dass" || rest[0]?.lower === "daß") return tokens[k + 2]?.start ?? null;
      }
    }
    return null;
  }

  /** A sentence in Konjunktiv I right after reported speech continues it ("Er habe …"). */
  private subjunctiveContinuation(sentence: Sentence): void {
    const tokens = sentence.tokens;
    const verb = tokens.find(
      (t, k) =>
        this.lex.subjunctive.has(t.lower) && tokens[k - 1]?.lower !== "ich" && !this.insideMarks(t.start),
    );
    if (!verb) return;
    const previous = [...this.quotes]
      .reverse()
      .find((q) => q.end <= sentence.start && sentence.start - q.end < 400);
    if (!previous?.speaker) return;
    const [s, e] = trimContent(this.text, sentence.start, sentence.end);
    if (this.quotes.some((q) => q.start < e && s < q.end)) return;
    this.quotes.push({
      kind: this.quotes.some((q) => q.marked && q.start >= s && q.end <= e) ? "MIXED" : "INDIRECT",
      start: s,
      end: e,
      parts: null,
      speaker: previous.speaker,
      speakerMention: null,
      via: previous.via,
      addressee: null,
      cue: span(this.text, verb.start, verb.end),
      confidence: 0.45,
      marked: false,
    });
  }

  /** A media group or agency named in this or the two previous sentences ("nordkoreanische Medien"). */
  private nearbySource(sentence: Sentence): Cluster | null {
    for (let index = sentence.index; index >= Math.max(0, sentence.index - 2); index--) {
      const s = this.sentences[index];
      if (!s) continue;
      const mentions = this.actors.mentionsIn(s.start, s.end).reverse();
      for (const m of mentions) {
        const cluster = this.actors.clusterOf.get(m);
        if (cluster && (cluster.kind === "GROUP" || cluster.entity?.media)) return cluster;
      }
    }
    return null;
  }
}
