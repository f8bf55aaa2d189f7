/**
 * Who said it: the speaker of a speech verb or a source marker, read from the clause around it.
 * German is verb-second: the speaker is the clause's first phrase ("Der Minister sagte"), or the
 * phrase right after the verb when something else comes first ("Dies bestätigte der Minister",
 * "…, sagte er"). English puts the speaker before the verb ("officials said") or after it in a
 * postposed frame ("…," said X). A phrase naming a known actor resolves to it; a pronoun to the last
 * fitting actor; a description no actor names ("ein Sprecher der Polizei") becomes an actor of its own.
 */
import type { ActorSet, Cluster } from "./actors.ts";
import { nominative } from "./declension.ts";
import type { Lexicon } from "./lexicons/index.ts";
import type { Mention } from "./mentions.ts";
import type { SpeakerRule } from "./rules/speakers.ts";
import type { Sentence } from "./sentences.ts";
import type { Token } from "./tokens.ts";
import type { ActorKind, Language, Span } from "./types.ts";

export type Attribution = {
  speaker: Cluster | null;
  mention: Span | null;
  cue: Span | null;
  via: Cluster | null;
  addressee: Cluster | null;
  /** How the speaker was chosen (rules/speakers.ts). */
  rule: SpeakerRule | null;
};

export const NO_ATTRIBUTION: Attribution = {
  speaker: null,
  mention: null,
  cue: null,
  via: null,
  addressee: null,
  rule: null,
};

const DETERMINERS = new Set(
  (
    "der die das den dem des ein eine einer eines einem einen sein seine seiner seinem seinen ihr ihre " +
    "ihrer ihrem ihren dessen deren mehrere einige viele zahlreiche andere alle beide zwei drei vier " +
    "the a an his her their its several some many other two three four both all"
  ).split(" "),
);
const SUBORDINATORS = new Set(
  "wie dass daß als nachdem weil ob während wenn obwohl da sodass zumal sobald seit seitdem bevor falls indem as while because when although".split(
    " ",
  ),
);
/** Words that open the German Vorfeld without being its subject: the subject follows the verb. */
const NON_SUBJECT_START = new Set(
  (
    "dies das dazu darauf daraufhin dabei damit davon darüber deshalb daher so zudem außerdem " +
    "weiter weiterhin ebenso zugleich jedoch allerdings aber dennoch trotzdem gestern heute morgen bereits " +
    "schon nun jetzt später zuvor inzwischen mittlerweile zunächst anschließend erst vor nach in im am an " +
    "auf aus bei beim mit von vom zu zum zur über unter um durch für gegen ohne seit bis während wegen laut " +
    "gegenüber gemäß zufolge hier dort damals zuletzt schließlich demnach offenbar ähnlich insbesondere " +
    "wörtlich konkret abschließend einerseits andererseits zwar nicht zum des " +
    "erneut abermals nochmals wiederum ebenfalls gleichwohl indes indessen freilich unterdessen"
  ).split(" "),
);
const FINITE_AUX = new Set(
  (
    "hat haben hatte hatten habe hätte hätten ist sind war waren sei seien wird werden wurde wurden würde " +
    "würden will wollte wollten soll sollte sollten kann konnte konnten könne könnte muss musste müsse " +
    "has have had is are was were will would could should may might"
  ).split(" "),
);
const PHRASE_STOP_DE = new Set(
  (
    "am im in an auf bei beim mit nach vor zu zum zur über unter um durch für gegen ohne seit bis " +
    "während wegen dass daß ob und oder aber sondern jedoch auch zudem noch bereits schon heute gestern " +
    "morgen nun jetzt dazu darauf dabei damit so nicht es sich man wie als weil wenn denn, hat habe hatte ist sei war wird"
  ).split(" "),
);
const PHRASE_STOP_EN = new Set(
  (
    "on in at after before during that who which when while and but as to told said says added on, " +
    "yesterday today earlier later last this next in, was is were are had has have would will could"
  ).split(" "),
);
/** Prepositions that open a phrase which never names the speaker ("gegenüber der BBC", "angesichts der Lage"). */
const PP_OPENERS = new Set(
  "gegenüber angesichts aufgrund wegen trotz infolge mittels bezüglich hinsichtlich zugunsten anlässlich".split(
    " ",
  ),
);
/**
 * Heads of German noun phrases that never speak: words, opinions, criticism, spans of time. SpkAtt
 * counts documents, reports, organisations and groups as sources, so the list stays this narrow.
 */
const ABSTRACT_HEAD =
  /^(?:worte?|worten|meinung|meinungen|kritik|jahre?|jahren|tage?|tagen|\p{L}*abend|einblendungen?|nennung|erfahrungen|maßnahmen|verfügung)$/u;
/** Heads of descriptions that stand for one person: "Politiker", "54-Jährige", "CDU-Chef". */
const PERSON_DESCRIPTION =
  /(?:politiker|politikerin|jährige|jährigen|jähriger|chef|chefin|vorsitzende|vorsitzender|vorsitzenden)$/u;
const QUOTE_MARK = /^[„“”"»«‚‘’]$/u;
const MALE = new Set(["er", "he", "him"]);
const FEMALE_OR_PLURAL = new Set(["sie", "she", "they", "her", "them"]);
const SPOKES_ROLES =
  /^(?:sprecher|sprecherin|regierungssprecher|pressesprecher|spokesman|spokeswoman|spokesperson)$/u;

export class Speakers {
  /** Mentions attached to an actor, per sentence index, in text order. */
  private readonly bySentence = new Map<number, Mention[]>();

  constructor(
    private readonly text: string,
    private readonly sentences: readonly Sentence[],
    private readonly actors: ActorSet,
    private readonly language: Language,
    private readonly lex: Lexicon,
  ) {
    for (const mention of actors.mentions) {
      if (!actors.clusterOf.has(mention) || mention.use === "ADJECTIVE") continue;
      const list = this.bySentence.get(mention.sentence) ?? [];
      list.push(mention);
      this.bySentence.set(mention.sentence, list);
    }
  }

  private span(start: number, end: number): Span {
    return { start, end, text: this.text.slice(start, end) };
  }

  mentionsOf(sentence: Sentence): Mention[] {
    return this.bySentence.get(sentence.index) ?? [];
  }

  /** Speaker of the speech verb at `cue` (token index); tokens for which `skip` holds are quoted words. */
  ofVerb(sentence: Sentence, cue: number, skip: (token: Token) => boolean): Attribution {
    const tokens = sentence.tokens;
    const cueToken = tokens[cue];
    if (!cueToken) return NO_ATTRIBUTION;
    const cueSpan = this.span(cueToken.start, cueToken.end);
    const via = this.channel(sentence, cue);
    const result = (found: { speaker: Cluster; mention: Span } | null, rule: SpeakerRule): Attribution =>
      found
        ? {
            speaker: found.speaker,
            mention: found.mention,
            cue: cueSpan,
            via: via === found.speaker ? null : via,
            addressee: this.addressee(sentence, cue),
            rule,
          }
        : { ...NO_ATTRIBUTION, cue: cueSpan, via };
    let start = cue;
    while (start > 0) {
      const previous = tokens[start - 1];
      if (!previous || skip(previous) || /^[,;:–—(]$/u.test(previous.text)) break;
      start--;
      // A parenthesis inside the clause ("Schröder (SPD) sagte"): step over it whole.
      if (previous.text === ")") {
        let open = start - 1;
        while (open >= 0 && open > start - 8 && tokens[open]?.text !== "(") open--;
        if (open >= 0 && tokens[open]?.text === "(") start = open;
      }
    }
    // "Aber", "Und": conjunctions stand before the Vorfeld.
    // "Auch Putin sprach": a focus particle belongs to the subject after it.
    while (
      start < cue &&
      /^(?:aber|und|doch|denn|sondern|oder|auch|selbst|sogar|but|and|even)$/u.test(tokens[start]?.lower ?? "")
    )
      start++;
    const lemma = this.lex.speechVerbs[this.language].get(cueToken.lower)?.lemma;
    // The verb opens its clause ("…, sagte er", "…," said X): the speaker follows it, unless an
    // apposition ends right before it ("Kim, der Vorsitzende, sagte"): then the sentence subject.
    const coordinated = /^(?:and|but)$/u.test(tokens[cue - 1]?.lower ?? "");
    if ((start === cue || coordinated) && this.language === "en")
      return result(this.englishFrameSpeaker(sentence, cue, skip, lemma), "verb-frame-en");
    if (start === cue) {
      if (tokens[cue - 1]?.text === "," && cue <= 14 && this.phraseEnd(tokens, 0, skip) >= cue - 1) {
        const subject = this.resolve(sentence, 0, cue - 1);
        if (subject) return result(subject, "verb-sentence-subject");
      }
      const after = this.phraseAfter(sentence, cue + 1, skip);
      if (after || tokens[cue - 1]?.text !== "," || skip(tokens[cue - 1] as Token))
        return result(after, "verb-after");
      const subjectEnd = this.phraseEnd(tokens, 0, skip);
      if (subjectEnd <= 0 || subjectEnd >= cue) return result(null, "verb-after");
      // "C.Y. Leung, der am Montag in Guandong war, sagte": the subject before its relative clause.
      return result(
        this.resolve(sentence, 0, cue - 1) ?? this.resolve(sentence, 0, subjectEnd),
        "verb-sentence-subject",
      );
    }
    const first = tokens[start];
    if (!first) return result(null, "verb-subject");
    if (this.language === "en") {
      // Subject before the verb: the clause start up to the verb, without trailing adverbs.
      let end = cue;
      while (
        end > start &&
        /^(?:also|later|then|previously|earlier|had|has|have|would|will|once|again)$/u.test(
          tokens[end - 1]?.lower ?? "",
        )
      )
        end--;
      if (SUBORDINATORS.has(first.lower)) start++;
      const before =
        this.resolve(sentence, start, end) ??
        this.commaChain(sentence, start, end, skip) ??
        // "X, author of the book "A, B," said": the title's comma cut the scan; read the whole chain.
        (tokens.slice(start, end).some((t) => t.word) ? null : this.commaChain(sentence, 0, end, skip));
      if (before) return result(before, "verb-subject");
      // "told reporters": who is told is never the speaker.
      const after = lemma === "tell" ? null : this.phraseAfter(sentence, cue + 1, skip);
      if (after && !this.clauseAfter(tokens, after.mention)) return result(after, "verb-after");
      this.discard(after);
      return result(null, "verb-after");
    }
    if (SUBORDINATORS.has(first.lower)) {
      // "Als Begründung sagte ein Wissenschaftler": "als" opens a phrase, the verb is second.
      const after = tokens[cue + 1];
      if (
        /^(?:als|wie)$/u.test(first.lower) &&
        after?.word &&
        !skip(after) &&
        !FINITE_AUX.has(after.lower) &&
        !/^(?:worden|werden|wurde|haben|hatte)$/u.test(after.lower)
      ) {
        const subject = this.phraseAfter(sentence, cue + 1, skip);
        if (subject) return result(subject, "verb-after");
      }
      // "wie X mitteilte", "als X sagte": the subject follows the subordinator.
      return result(this.resolve(sentence, start + 1, cue), "verb-subject");
    }
    let verb = start;
    while (verb < cue && !FINITE_AUX.has(tokens[verb]?.lower ?? "")) verb++;
    // "Die Welle zitiert Morales mit den Worten": the quoted person is the object, the quoter the channel.
    if (lemma === "zitieren" && verb === cue) {
      const quoted = this.phraseAfter(sentence, cue + 1, skip);
      const quoter = this.resolve(sentence, start, cue);
      if (quoted) return { ...result(quoted, "verb-quoted-object"), via: quoter?.speaker ?? via };
    }
    if (verb === start) return result(this.phraseAfter(sentence, verb + 1, skip), "verb-after");
    const mentions = this.mentionsOf(sentence);
    const next = tokens[start + 1];
    if (next && !next.cap) {
      // "Dieser behauptete": a demonstrative pronoun stands for the last fitting person.
      if (/^(?:dieser|diese|jener|jene)$/u.test(first.lower) && verb === start + 1) {
        const found = this.stand(sentence, start, first.lower.endsWith("r") ? "m" : null);
        if (found) return result(found, "verb-demonstrative");
      }
      // "…, der (gegenüber Reportern) sagte": a relative pronoun stands for the actor before the comma.
      if (/^(?:der|die|welcher|welche)$/u.test(first.lower) && tokens[start - 1]?.text === ",") {
        const antecedent = mentions.findLast((m) => m.last === start - 1 || m.last === start - 2);
        const cluster = antecedent ? this.actors.clusterOf.get(antecedent) : undefined;
        if (cluster) return result(this.stand(sentence, start, null, cluster), "verb-relative");
      }
    }
    const startsWithMention = mentions.some((m) => m.first === start || m.first === start + 1);
    const demonstrative = /^(?:das|dies)$/u.test(first.lower) && verb === start + 1;
    const adverbial =
      demonstrative ||
      /^(?:den|dem|einen|einem)$/u.test(first.lower) ||
      (NON_SUBJECT_START.has(first.lower) && !/^(?:das|dies)$/u.test(first.lower)) ||
      (first.word && !first.cap && !DETERMINERS.has(first.lower) && !this.isPronoun(first)) ||
      (first.cap &&
        !startsWithMention &&
        !DETERMINERS.has(first.lower) &&
        !this.isPronoun(first) &&
        !this.lex.isCommonNoun(first.text) &&
        !this.lex.roleOf(first.text, "de") &&
        /(?:ig|lich|isch|end|bar|los|weise)$/u.test(first.lower));
    if (adverbial) return result(this.phraseAfter(sentence, verb + 1, skip), "verb-after");
    if (this.isPronoun(first) && verb === start + 1)
      return result(this.pronoun(sentence, start), "verb-pronoun");
    // Object first ("Die Haltung kritisierte Merkel"): a name or pronoun right after the verb wins
    // over a Vorfeld that names no actor.
    const vorfeldNamed = mentions.some((m) => m.first >= start && m.last <= verb);
    if (!vorfeldNamed) {
      const next = tokens[verb + 1];
      const nameAfter = mentions.find(
        (m) => m.first === verb + 1 && (m.form === "NAME" || m.kind === "PERSON"),
      );
      if ((next && MALE.has(next.lower)) || nameAfter) {
        const after = this.phraseAfter(sentence, verb + 1, skip);
        if (after) return result(after, "verb-after");
      }
    }
    const before = this.resolve(sentence, start, verb);
    if (before) return result(before, "verb-subject");
    return result(this.phraseAfter(sentence, verb + 1, skip), "verb-after");
  }

  /**
   * English speech verb opening its clause. "…," said Jane Doe / "…," a senior official, who …,
   * told Reuters / Jane Doe, author of …, said the delay … / Jane Doe called it "…" and said …
   * A name right after the verb is the speaker unless a clause follows it ("said the delay would");
   * after "and" the sentence's subject speaks; after a comma, the first phrase of the comma chain
   * that is not a relative clause.
   */
  private englishFrameSpeaker(
    sentence: Sentence,
    cue: number,
    skip: (token: Token) => boolean,
    lemma: string | undefined,
  ): { speaker: Cluster; mention: Span } | null {
    const tokens = sentence.tokens;
    const before = tokens[cue - 1];
    // "Wang rejected the claim, saying Beijing …": the participle's speaker is the sentence's subject.
    if (before?.text === "," && /ing$/u.test(tokens[cue]?.lower ?? "")) {
      const found = this.englishSubject(sentence, 0, skip);
      if (found) return found;
    }
    if (before && /^(?:and|but)$/u.test(before.lower)) {
      // "In a statement, X apologised and said …": past an opening phrase to the subject.
      const opening = /^(?:in|on|at|after|before|during|speaking|asked|later)$/u.test(tokens[0]?.lower ?? "");
      const comma = opening ? tokens.findIndex((t, k) => k < cue && t.text === ",") : -1;
      const found =
        this.commaChain(sentence, comma + 1, cue, skip) ?? this.englishSubject(sentence, comma + 1, skip);
      if (found) return found;
    }
    if (lemma !== "tell") {
      const after = this.phraseAfter(sentence, cue + 1, skip);
      if (after && !this.clauseAfter(tokens, after.mention)) return after;
      this.discard(after);
    }
    if (before?.text !== "," || skip(before)) return null;
    // The comma chain since the quote or the sentence start: "X, a Y at Z, who …," told/said.
    let from = cue - 1;
    while (from > 0 && !skip(tokens[from - 1] as Token)) from--;
    return this.commaChain(sentence, from, cue, skip);
  }

  /**
   * "X, a Y at Z, who …, said": the phrase of a comma chain in [from, to) that names the speaker; a
   * segment naming a person wins over a description ("the city's treasurer, Maria Olsen,").
   */
  private commaChain(
    sentence: Sentence,
    from: number,
    to: number,
    skip: (token: Token) => boolean,
  ): { speaker: Cluster; mention: Span } | null {
    const tokens = sentence.tokens;
    const segments: [number, number][] = [];
    let segmentStart = from;
    for (let k = from; k < to; k++) {
      if (tokens[k]?.text !== "," || skip(tokens[k] as Token)) continue;
      const first = tokens[segmentStart];
      if (
        k > segmentStart &&
        first &&
        !/^(?:who|which|that|whose|where|when|because|although|while)$/u.test(first.lower)
      )
        segments.push([segmentStart, k]);
      segmentStart = k + 1;
    }
    const people = this.mentionsOf(sentence).filter((m) => m.kind === "PERSON" && m.form === "NAME");
    const named = segments.find(([a, b]) => people.some((m) => m.first >= a && m.last <= b));
    if (named) return this.resolve(sentence, named[0], named[1]);
    for (const [a, b] of segments) {
      const found = this.resolve(sentence, a, b);
      if (found) return found;
    }
    return null;
  }

  /** A speaker read and then rejected: an actor made for that phrase alone is not kept. */
  private discard(found: { speaker: Cluster; mention: Span } | null): void {
    if (!found || found.speaker.entity) return;
    const own = found.speaker.mentions.every(
      (m) => m.start >= found.mention.start && m.end <= found.mention.end,
    );
    if (own) found.speaker.used = false;
  }

  /** The capitalised phrase that opens an English clause at `from`, as a speaker. */
  private englishSubject(
    sentence: Sentence,
    from: number,
    skip: (token: Token) => boolean,
  ): { speaker: Cluster; mention: Span } | null {
    const end = this.phraseEnd(sentence.tokens, from, skip);
    return end > from && sentence.tokens[from]?.cap ? this.resolve(sentence, from, end) : null;
  }

  /**
   * Whether a clause goes on after the phrase read right after an English verb: "said the delay would
   * …", "said initial data pointed to …" report a clause; "said X, a spokesman for Y" names X.
   */
  private clauseAfter(tokens: readonly Token[], phrase: Span): boolean {
    const inside = tokens.filter((t) => t.start >= phrase.start && t.end <= phrase.end);
    if (inside.slice(1).some((t) => t.word && !t.cap && /ed$/u.test(t.lower))) return true;
    const next = tokens.find((t) => t.start >= phrase.end);
    return next?.word === true && !/^(?:of|at|for|from|in|on|with|who|and|to)$/u.test(next.lower);
  }

  /**
   * The subject of a German main clause that opens the sentence ("Sadiq Khan, eines der Mitglieder,
   * verurteilte …", "Er zeigte sich besorgt …", "Die Experten kamen zu dem Ergebnis, dass …"), when it
   * names an actor, is a pronoun for one, or is a role description. Null for adverbial openings,
   * "es", "man", and phrases that name nothing.
   */
  subject(sentence: Sentence, skip: (token: Token) => boolean, limit = sentence.tokens.length): Attribution {
    if (this.language !== "de") return NO_ATTRIBUTION;
    const tokens = sentence.tokens;
    let start = 0;
    while (start < limit && /^(?:aber|und|doch|denn|auch|selbst|sogar)$/u.test(tokens[start]?.lower ?? ""))
      start++;
    const first = tokens[start];
    if (!first || skip(first) || !first.word) return NO_ATTRIBUTION;
    if (NON_SUBJECT_START.has(first.lower) || SUBORDINATORS.has(first.lower)) return NO_ATTRIBUTION;
    if (this.isPronoun(first)) {
      const verb = tokens[start + 1];
      if (!verb?.word || verb.cap || first.lower === "es") return NO_ATTRIBUTION;
      const found = this.pronoun(sentence, start);
      return found
        ? { ...NO_ATTRIBUTION, speaker: found.speaker, mention: found.mention, rule: "sentence-subject" }
        : NO_ATTRIBUTION;
    }
    if (!first.cap && !DETERMINERS.has(first.lower)) return NO_ATTRIBUTION;
    const end = this.vorfeldEnd(tokens, start, skip);
    if (end <= start || end >= limit) return NO_ATTRIBUTION;
    // The phrase must be followed by its verb (or an apposition's comma), not be part of a longer Vorfeld.
    const after = tokens[end];
    if (!after || (after.cap && after.word) || (!after.word && after.text !== ",")) return NO_ATTRIBUTION;
    const firstMention = this.mentionsOf(sentence).find(
      (m) => m.start >= first.start && m.end <= (tokens[end - 1]?.end ?? 0),
    );
    const head = tokens.slice(start, end).find((t) => t.cap && t.word && !DETERMINERS.has(t.lower));
    const role = head !== undefined && this.lex.roleOf(head.text, "de") !== null;
    if (!firstMention && !role) return NO_ATTRIBUTION;
    const found = this.resolve(sentence, start, end);
    return found
      ? { ...NO_ATTRIBUTION, speaker: found.speaker, mention: found.mention, rule: "sentence-subject" }
      : NO_ATTRIBUTION;
  }

  /**
   * End of a German noun phrase opening a clause: articles and adjectives, the noun, name words,
   * "und" with another noun ("Vizekanzler und Arbeitsminister Franz Müntefering"), a genitive
   * ("der Partei"), a parenthesis ("(SPD)"), an apposition between commas.
   */
  private vorfeldEnd(tokens: readonly Token[], start: number, skip: (token: Token) => boolean): number {
    let noun = false;
    let k = start;
    while (k < tokens.length && k < start + 16) {
      const token = tokens[k];
      if (!token || skip(token)) break;
      if (token.text === "(" && noun) {
        const close = tokens.findIndex((t, m) => m > k && m < k + 6 && t.text === ")");
        if (close < 0) break;
        k = close + 1;
        continue;
      }
      if (token.text === "," && noun) return Math.max(this.phraseEnd(tokens, start, skip), k);
      if (/^[-–'’]$/u.test(token.text) && noun) {
        k++;
        continue;
      }
      if (!token.word) break;
      if (token.cap && (k > start || !DETERMINERS.has(token.lower))) noun = true;
      else if (DETERMINERS.has(token.lower) || /^(?:und|von|vom)$/u.test(token.lower)) {
        if (token.lower === "und") noun = false;
      } else if (noun || !/(?:e|en|er|es|em)$/u.test(token.lower)) break;
      k++;
    }
    return noun ? k : start;
  }

  /** Source of "laut X", "X zufolge", "nach Angaben X", "according to X": the phrase after (or before) it. */
  ofMarker(sentence: Sentence, from: number, to: number, cue: Span): Attribution {
    const found = this.resolve(sentence, from, to);
    if (!found) return { ...NO_ATTRIBUTION, cue };
    return {
      speaker: found.speaker,
      mention: found.mention,
      cue,
      via: null,
      addressee: null,
      rule: "marker-phrase",
    };
  }

  /**
   * A channel no actor names ("ersten Angaben zufolge", "Nach Polizeiangaben", "laut taz", "laut
   * ndr.de"): an actor for the phrase itself, so that the report keeps its source.
   */
  channelSource(sentence: Sentence, from: number, to: number, cue: Span, noun = false): Attribution {
    const tokens = sentence.tokens;
    let a = from;
    let b = Math.min(to, tokens.length);
    while (a < b && !tokens[a]?.word) a++;
    while (b > a && !tokens[b - 1]?.word) b--;
    if (b <= a || b - a > 6) return { ...NO_ATTRIBUTION, cue };
    const first = tokens[a];
    const last = tokens[b - 1];
    if (!first || !last) return { ...NO_ATTRIBUTION, cue };
    const text = this.text.slice(first.start, last.end);
    if (!/\p{L}{2}/u.test(text) || (b - a === 1 && this.isPronoun(first))) return { ...NO_ATTRIBUTION, cue };
    // A phrase, not the words after it: a name, a noun with its article, or a web address.
    const named =
      noun ||
      first.cap ||
      DETERMINERS.has(first.lower) ||
      /^(?:diese[mnrs]?|dieser)$/u.test(first.lower) ||
      /\.(?:de|com|net|org|at|ch|uk|fr)$/u.test(text) ||
      (b - a === 1 && /^[a-z][\p{L}-]+$/u.test(text) && !this.lex.functionWords.has(first.lower));
    if (!named || tokens.slice(a, b).some((t) => t.word && !t.cap && FINITE_AUX.has(t.lower)))
      return { ...NO_ATTRIBUTION, cue };
    const kind: ActorKind =
      /\.(?:de|com|net|org|at|ch|uk|fr)$/u.test(text) || this.lex.orgSuffix(last.text)
        ? "ORGANIZATION"
        : "GROUP";
    const speaker = this.actors.adHoc(
      first.start,
      last.end,
      text,
      kind,
      sentence.index,
      this.singularName(tokens, a, b),
    );
    return { ...NO_ATTRIBUTION, speaker, mention: this.span(first.start, last.end), cue, rule: "channel" };
  }

  /** End (token index) of the noun phrase starting at `k`. */
  phraseEnd(tokens: readonly Token[], k: number, skip: (token: Token) => boolean = () => false): number {
    const stop = this.language === "de" ? PHRASE_STOP_DE : PHRASE_STOP_EN;
    let j = k;
    let nouns = 0;
    while (j < tokens.length && j < k + 14) {
      const token = tokens[j];
      if (!token || skip(token)) break;
      if (token.text === "(") {
        const close = tokens.findIndex((t, m) => m > j && m < j + 6 && t.text === ")");
        if (close < 0) break;
        j = close + 1;
        continue;
      }
      if (token.text === "," && nouns > 0) {
        // Apposition: ", der Vorsitzende der Partei," or ", Paulo Santos,"
        const next = tokens[j + 1];
        if (next && (DETERMINERS.has(next.lower) || next.cap) && !this.isPronoun(next)) {
          const end = this.phraseEnd(tokens, j + 1, skip);
          // English phrases run on over every word: ", Russia launched 35 drones," is a clause, not an
          // apposition, unless it opens with an article or is all name words.
          const clause =
            this.language === "en" &&
            !DETERMINERS.has(next.lower) &&
            tokens
              .slice(j + 1, end)
              .some((t) => t.word && !t.cap && !/^(?:of|for|the|and|at)$/u.test(t.lower));
          if (end > j + 1 && tokens[end]?.text === "," && !clause) {
            j = end;
            break;
          }
        }
        break;
      }
      if (!token.word && !/^[-–'’]$/u.test(token.text)) break;
      if (nouns > 0 && stop.has(token.lower) && !(token.lower === "der" || token.lower === "des")) break;
      // "forderte der 45-Jährige die Partner auf": a second article after the noun opens the object.
      if (
        nouns > 0 &&
        this.language === "de" &&
        /^(?:die|das|den|dem|ein|eine|einen|einem)$/u.test(token.lower)
      )
        break;
      if (nouns > 0 && this.language === "en" && DETERMINERS.has(token.lower)) break;
      // "Sprecher des russischen Ministeriums": an adjective after a genitive article stays in the phrase.
      const genitiveAdjective =
        /^(?:der|des)$/u.test(tokens[j - 1]?.lower ?? "") && /(?:e|en|er|es|em)$/u.test(token.lower);
      if (token.cap || (this.language === "en" && token.word) || /^\d+-\p{Lu}/u.test(token.text)) nouns++;
      else if (
        nouns > 0 &&
        this.language === "de" &&
        !/^(?:der|des|von|vom|dem)$/u.test(token.lower) &&
        !genitiveAdjective
      )
        break;
      j++;
    }
    return j;
  }

  /** The phrase right after a verb ("sagte der Sprecher", "so Kim", "said X"), or a pronoun there. */
  private phraseAfter(sentence: Sentence, k: number, skip: (token: Token) => boolean) {
    const tokens = sentence.tokens;
    let at = k;
    // "sagte am Montag der Sprecher", "said on Monday X": skip a short adverbial.
    while (
      at < tokens.length &&
      at < k + 4 &&
      /^(?:am|heute|gestern|dazu|zudem|auch|später|weiter|jedoch|aber|nun|daraufhin|bereits|sich|also|later|then|again)$/u.test(
        tokens[at]?.lower ?? "",
      )
    )
      at++;
    // "sagte gegenüber der Nachrichtenagentur AFP der Polizeichef": the addressee is not the speaker.
    if (this.language === "de" && PP_OPENERS.has(tokens[at]?.lower ?? "")) {
      const end = this.phraseEnd(tokens, at + 1, skip);
      if (end <= at + 1) return null;
      // "gegenüber der Agentur AFP der Polizeichef X": the subject may hide in what reads as a genitive.
      for (let j = at + 3; j < end; j++) {
        if (!/^(?:der|die)$/u.test(tokens[j]?.lower ?? "") || !tokens[j - 1]?.cap) continue;
        const head = tokens[j + 1];
        const person = this.mentionsOf(sentence).some(
          (m) => m.first > j && m.last <= end && m.kind === "PERSON",
        );
        if (person || (head && this.lex.roleOf(head.text, "de"))) {
          const found = this.resolve(sentence, j, end);
          if (found) return found;
        }
      }
      at = end;
      while (
        at < tokens.length &&
        at < end + 3 &&
        /^(?:am|heute|gestern|auch|nun|sich)$/u.test(tokens[at]?.lower ?? "")
      )
        at++;
    }
    // "nannte seinen Platzverweis …": an accusative object is never the speaker; its subject may follow.
    if (
      this.language === "de" &&
      /^(?:den|einen|seinen|ihren|meinen|unseren)$/u.test(tokens[at]?.lower ?? "")
    ) {
      const end = this.phraseEnd(tokens, at, skip);
      const next = tokens[end];
      if (end <= at || !next || !(DETERMINERS.has(next.lower) || this.isPronoun(next) || next.cap))
        return null;
      at = end;
    }
    const token = tokens[at];
    if (!token || skip(token)) return null;
    if (this.isPronoun(token)) return this.pronoun(sentence, at);
    if (this.language === "de" && PP_OPENERS.has(token.lower)) return null;
    const end = this.phraseEnd(tokens, at, skip);
    return end > at ? this.resolve(sentence, at, end) : null;
  }

  isPronoun(token: Token): boolean {
    return (
      MALE.has(token.lower) ||
      FEMALE_OR_PLURAL.has(token.lower) ||
      token.lower === "es" ||
      token.lower === "it"
    );
  }

  /** "er", "sie", "he", "she", "they" → the last fitting actor before it. */
  pronoun(sentence: Sentence, k: number): { speaker: Cluster; mention: Span } | null {
    const token = sentence.tokens[k];
    if (!token || token.lower === "es" || token.lower === "it") return null;
    const verb = sentence.tokens[k - 1]?.word ? sentence.tokens[k - 1] : sentence.tokens[k + 1];
    const plural =
      token.lower === "they" ||
      token.lower === "them" ||
      (token.lower === "sie" &&
        /(?:en|ten|ern)$/u.test(verb?.lower ?? "") &&
        !/^(?:sie)$/u.test(verb?.lower ?? ""));
    const gender = MALE.has(token.lower) ? "m" : plural ? null : "f";
    const cluster = plural
      ? (this.lastGroup(token.start) ?? this.lastPerson(token.start, null))
      : (this.previousSubject(sentence, k, gender) ??
        this.lastPerson(token.start, gender) ??
        this.lastPerson(token.start, null));
    if (!cluster) return gender && !plural ? this.nominalAntecedent(sentence, k, gender) : null;
    this.actors.addMention(cluster, token.start, token.end, token.text, "PRONOUN");
    cluster.used = true;
    return { speaker: cluster, mention: this.span(token.start, token.end) };
  }

  /**
   * "Xi met Blinken in Beijing. … he said": when the sentence before names the person of the pronoun
   * and names him as its subject (its first words), the subject is meant, not the last name in it.
   */
  private previousSubject(sentence: Sentence, k: number, gender: "m" | "f" | null): Cluster | null {
    const before = this.sentences[sentence.index - 1];
    if (!before || this.mentionsOf(sentence).some((m) => m.first < k && m.kind === "PERSON")) return null;
    const people = this.mentionsOf(before)
      .map((m) => ({ m, cluster: this.actors.clusterOf.get(m) }))
      .filter(
        ({ cluster }) =>
          cluster?.kind === "PERSON" && (!gender || !cluster.gender || cluster.gender === gender),
      );
    const first = people[0];
    if (!first?.cluster || first.m.first > 4 || people.every(({ cluster }) => cluster === first.cluster))
      return null;
    return this.weakWord(first.cluster) ? null : first.cluster;
  }

  /**
   * The last person mentioned before `offset` whose gender fits, passing over lone capitalised words
   * that no name list knows and nothing marks as a name ("Journalisten", "Besorgt") while a better
   * candidate exists.
   */
  private lastPerson(offset: number, gender: "m" | "f" | null): Cluster | null {
    const weak = new Map<Cluster, boolean>();
    const fits = (cluster: Cluster, weakWanted: boolean) => {
      if (cluster.kind !== "PERSON") return false;
      if (gender && cluster.gender && cluster.gender !== "x" && cluster.gender !== gender) return false;
      if (!weak.has(cluster)) weak.set(cluster, this.weakWord(cluster));
      return weak.get(cluster) === weakWanted;
    };
    return (
      this.actors.lastCluster(offset, (cluster) => fits(cluster, false)) ??
      this.actors.lastCluster(offset, (cluster) => fits(cluster, true))
    );
  }

  /** A one-word person no lexicon knows, never preceded by a role noun, title or given name. */
  weakWord(cluster: Cluster): boolean {
    if (cluster.entity || this.language !== "de") return false;
    if (/\s/u.test(cluster.name)) return false;
    if (this.lex.surnames.has(cluster.name) || this.lex.givenNames.has(cluster.name)) return false;
    // An inflected common noun ("Journalisten") names a group, not one person.
    const noun = this.lex.noun(cluster.name);
    if (noun && noun.lemma !== cluster.name) return true;
    // A role noun without an article ("als Abgeordneter") describes, it does not introduce a person.
    if (cluster.role)
      return cluster.mentions.every(
        (m) =>
          !DETERMINERS.has(m.text.split(/\s+/u)[0]?.toLowerCase() ?? "") &&
          !DETERMINERS.has(this.sentences[m.sentence]?.tokens[m.first - 1]?.lower ?? ""),
      );
    return cluster.mentions.every((m) => {
      if (m.form !== "NAME" || /\s/u.test(m.text)) return m.form !== "NAME";
      const before = this.sentences[m.sentence]?.tokens[m.first - 1];
      if (!before?.word) return true;
      return !(
        this.lex.roleOf(before.text, "de") ||
        this.lex.titles.has(before.lower) ||
        this.lex.givenNames.has(before.text)
      );
    });
  }

  /** A pronoun at token `k` standing for `cluster`, or for the last fitting person. */
  private stand(
    sentence: Sentence,
    k: number,
    gender: "m" | "f" | null,
    cluster: Cluster | null = null,
  ): { speaker: Cluster; mention: Span } | null {
    const token = sentence.tokens[k];
    const found = cluster ?? (token ? this.lastPerson(token.start, gender) : null);
    if (!token || !found) return null;
    this.actors.addMention(found, token.start, token.end, token.text, "PRONOUN");
    found.used = true;
    return { speaker: found, mention: this.span(token.start, token.end) };
  }

  /**
   * "Der Mann verschanzte sich. Er erklärte, …": with no named person before it, a pronoun stands for
   * the last definite person noun of its gender in this or the two sentences before.
   */
  private nominalAntecedent(
    sentence: Sentence,
    k: number,
    gender: "m" | "f",
  ): { speaker: Cluster; mention: Span } | null {
    const token = sentence.tokens[k];
    if (!token || this.language !== "de") return null;
    const article = gender === "m" ? /^(?:der|ein)$/u : /^(?:die|eine)$/u;
    for (let index = sentence.index; index >= Math.max(0, sentence.index - 2); index--) {
      const s = this.sentences[index];
      if (!s) continue;
      const tokens = s.tokens;
      for (let j = (index === sentence.index ? k : tokens.length) - 1; j > 0; j--) {
        const noun = tokens[j];
        if (!noun?.cap || !noun.word || this.isPronoun(noun)) continue;
        let a = j - 1;
        while (
          a > j - 3 &&
          a > 0 &&
          tokens[a]?.word &&
          !tokens[a]?.cap &&
          !DETERMINERS.has(tokens[a]?.lower ?? "") &&
          /(?:e|en|er)$/u.test(tokens[a]?.lower ?? "")
        )
          a--;
        if (!article.test(tokens[a]?.lower ?? "")) continue;
        const info = this.lex.noun(noun.text);
        const personal =
          this.lex.roleOf(noun.text, "de") !== null ||
          /(?:mann|frau|täter|täterin|angestellte|angestellter|polizist|polizistin|person|junge|mädchen|kind|opfer|zeuge|zeugin|fahrer|fahrerin|sprecher|sprecherin)$/u.test(
            noun.lower,
          );
        if (!personal || (info?.gender && info.gender !== (gender === "m" ? "M" : "F") && gender === "f"))
          continue;
        const first = tokens[a];
        if (!first) continue;
        const cluster = this.actors.adHoc(
          first.start,
          noun.end,
          this.text.slice(first.start, noun.end),
          "PERSON",
          s.index,
        );
        cluster.gender = gender;
        this.actors.addMention(cluster, token.start, token.end, token.text, "PRONOUN");
        return { speaker: cluster, mention: this.span(token.start, token.end) };
      }
    }
    return null;
  }

  private lastGroup(offset: number): Cluster | null {
    for (
      let index = this.sentenceIndexAt(offset);
      index >= 0 && index >= this.sentenceIndexAt(offset) - 3;
      index--
    ) {
      const sentence = this.sentences[index];
      if (!sentence) continue;
      const mentions = this.mentionsOf(sentence);
      for (let m = mentions.length - 1; m >= 0; m--) {
        const mention = mentions[m];
        if (!mention || mention.start >= offset) continue;
        const cluster = this.actors.clusterOf.get(mention);
        if (cluster && cluster.kind !== "PLACE" && cluster.kind !== "PERSON") return cluster;
      }
    }
    return null;
  }

  private sentenceIndexAt(offset: number): number {
    let low = 0;
    let high = this.sentences.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.sentences[mid]?.start ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /**
   * The actor a phrase [from, to) names: a person named in it, else the first actor in it, else a new
   * actor for the description. The mention is the whole phrase, which is what names the speaker here.
   */
  resolve(sentence: Sentence, from: number, to: number): { speaker: Cluster; mention: Span } | null {
    const tokens = sentence.tokens;
    let a = from;
    let b = Math.min(to, tokens.length);
    while (a < b && !tokens[a]?.word) a++;
    while (b > a && (!tokens[b - 1]?.word || /^[,(–-]$/u.test(tokens[b - 1]?.text ?? ""))) {
      // Keep the closing parenthesis of "Franz Müntefering (SPD)".
      if (tokens[b - 1]?.text === ")" && tokens.slice(a, b - 1).some((t) => t.text === "(")) break;
      b--;
    }
    if (b <= a || b - a > 16) return null;
    const first = tokens[a];
    const last = tokens[b - 1];
    if (!first || !last) return null;
    if (b - a === 1 && this.isPronoun(first)) return this.pronoun(sentence, a);
    const described = this.describedPerson(sentence, a, b);
    if (described) return described;
    if (!tokens.slice(a, b).some((t) => t.cap || (this.language === "en" && t.word))) return null;
    if (this.language === "de" && this.lex.functionWords.has(first.lower) && !DETERMINERS.has(first.lower))
      return null;
    if (this.language === "de" && PP_OPENERS.has(first.lower)) return null;
    const start = first.start;
    // "der „Aktion Deutschland hilft“": a name in marks is one organisation; the names inside it
    // (Deutschland) are not the speaker. The mention keeps the closing mark.
    const marked = this.markedName(tokens, a, b);
    const closing = tokens[b];
    const end = marked && closing && QUOTE_MARK.test(closing.text) ? closing.end : last.end;
    const mention = this.span(start, end);
    const inside = this.mentionsOf(sentence).filter(
      (m) =>
        m.start >= start &&
        m.end <= end &&
        (!marked ||
          m.end <= marked.start ||
          m.start >= marked.end ||
          (m.start === marked.start && m.end === marked.end)),
    );
    const head =
      tokens.slice(a, b).find((t) => t.cap && t.word && !DETERMINERS.has(t.lower)) ??
      (this.language === "en"
        ? tokens.slice(a, b).findLast((t) => t.word && !DETERMINERS.has(t.lower))
        : undefined);
    const spokes = head !== undefined && SPOKES_ROLES.test(head.lower);
    const person =
      inside.find((m) => m.kind === "PERSON" && m.form === "NAME") ?? inside.find((m) => m.kind === "PERSON");
    const chosen = spokes ? (inside.find((m) => m.kind !== "PERSON") ?? person) : (person ?? inside[0]);
    const cluster = chosen ? this.actors.clusterOf.get(chosen) : undefined;
    if (cluster && (!marked || !spokes || chosen?.kind !== "PERSON")) {
      cluster.used = true;
      return { speaker: cluster, mention };
    }
    if (marked && (spokes || !person)) {
      const organization = this.actors.adHoc(
        marked.start,
        marked.end,
        marked.text,
        "ORGANIZATION",
        sentence.index,
      );
      return { speaker: organization, mention };
    }
    if (!head) return null;
    const headWord =
      tokens
        .slice(a, b)
        .filter((t) => t.word && (t.cap || this.language === "en"))
        .at(-1)?.text ?? head.text;
    if (
      this.language === "de" &&
      !this.lex.isCommonNoun(head.text) &&
      !this.lex.roleOf(head.text, "de") &&
      b - a === 1
    )
      return null;
    const role = this.lex.roleOf(head.text, this.language) || this.lex.roleOf(headWord, this.language);
    const organization = !role && this.lex.orgSuffix(head.text);
    // "die Meinung", "den Worten", "Einblendungen": an abstract noun does not speak; let the caller
    // look elsewhere for the speaker instead of inventing one.
    if (!role && !organization && this.language === "de" && ABSTRACT_HEAD.test(headWord.toLowerCase()))
      return null;
    const kind: ActorKind = role ? "PERSON" : organization ? "ORGANIZATION" : "GROUP";
    const created = this.actors.adHoc(
      start,
      end,
      mention.text,
      kind,
      sentence.index,
      this.singularName(tokens, a, b),
    );
    return { speaker: created, mention };
  }

  /**
   * "der SPD-Politiker", "die 54-Jährige", "der Minister": a definite description of one person,
   * without a name, stands for the last person named shortly before it, of the article's gender.
   */
  private describedPerson(
    sentence: Sentence,
    a: number,
    b: number,
  ): { speaker: Cluster; mention: Span } | null {
    const tokens = sentence.tokens;
    const head = tokens[b - 1];
    const first = tokens[a];
    if (this.language !== "de" || b - a > 3 || !head || !first) return null;
    const inside = this.mentionsOf(sentence).filter((m) => m.start >= first.start && m.end <= head.end);
    const article = first.lower;
    const feminine = /in$/u.test(head.lower);
    // "sagte der Lette", "die Französin": one person of a nation, once the text has named him or her.
    const demonym =
      inside.length === 1 &&
      inside[0]?.use === "DEMONYM" &&
      ((article === "der" && !/n$/u.test(head.lower)) || (article === "die" && feminine));
    if (inside.length > 0 && !demonym) return null;
    if (!/^(?:der|die|dem|den|des)$/u.test(article)) return null;
    if (!demonym && !PERSON_DESCRIPTION.test(head.lower) && !this.lex.roleOf(head.text, "de")) return null;
    // "die Politiker" is plural; "die Politikerin", "die 54-Jährige" are one woman.
    if (article === "die" && !feminine && !/jährige$/u.test(head.lower)) return null;
    const found = this.lastPerson(first.start, feminine || article === "die" ? "f" : "m");
    if (!found || this.weakWord(found)) return null;
    if (!found.mentions.some((m) => m.start < first.start && first.start - m.start < 600)) return null;
    if (demonym && inside[0]) this.actors.detach(inside[0]);
    this.actors.addMention(found, first.start, head.end, this.text.slice(first.start, head.end), "NOMINAL");
    found.used = true;
    return { speaker: found, mention: this.span(first.start, head.end) };
  }

  /**
   * The name of a described speaker in the nominative: "des ukrainischen Generalstabs" →
   * "ukrainischer Generalstab". Only after a singular masculine or neuter article, where the case is
   * sure; other phrases keep their words (without the article).
   */
  private singularName(tokens: readonly Token[], a: number, b: number): string | undefined {
    const article = tokens[a];
    const head = tokens[b - 1];
    if (this.language !== "de" || !article || !head?.cap || !/^(?:des|dem|eines|einem)$/u.test(article.lower))
      return undefined;
    const adjectives = tokens.slice(a + 1, b - 1);
    if (!adjectives.every((t) => t.word && !t.cap && /(?:e|en|er|es|em)$/u.test(t.lower))) return undefined;
    return nominative(this.lex, adjectives, head);
  }

  /** The words between a pair of quotation marks within tokens [a, b] (the closing mark may be at b). */
  private markedName(tokens: readonly Token[], a: number, b: number): Span | null {
    const open = tokens.findIndex((t, k) => k >= a && k < b && QUOTE_MARK.test(t.text));
    if (open < 0) return null;
    const close = tokens.findIndex((t, k) => k > open + 1 && k <= b && QUOTE_MARK.test(t.text));
    const first = tokens[open + 1];
    const last = tokens[close - 1];
    if (close < 0 || !first || !last || !first.cap) return null;
    return this.span(first.start, last.end);
  }

  /** "Laut KCNA sagte Kim": the channel named by "laut", "zufolge", "according to" in the clause. */
  private channel(sentence: Sentence, cue: number): Cluster | null {
    const cueToken = sentence.tokens[cue];
    if (!cueToken || /^(?:laut|zufolge|according)$/u.test(cueToken.lower)) return null;
    for (const mention of this.mentionsOf(sentence)) {
      const before = sentence.tokens[mention.first - 1];
      const after = sentence.tokens[mention.last];
      if (
        (before && /^(?:laut|according)$/u.test(before.lower)) ||
        (before?.lower === "to" && sentence.tokens[mention.first - 2]?.lower === "according") ||
        after?.lower === "zufolge"
      )
        return this.actors.clusterOf.get(mention) ?? null;
    }
    return null;
  }

  /** "told reporters", "sagte der Zeitung", "gegenüber der BBC": who was spoken to. */
  private addressee(sentence: Sentence, cue: number): Cluster | null {
    const tokens = sentence.tokens;
    const cueToken = tokens[cue];
    if (!cueToken) return null;
    let at = -1;
    if (/^(?:told|tells|tell)$/u.test(cueToken.lower)) at = cue + 1;
    else {
      const towards = tokens.findIndex((t, k) => k > cue && k < cue + 6 && t.lower === "gegenüber");
      if (towards > 0) at = towards + 1;
    }
    if (at < 0) return null;
    const mention = this.mentionsOf(sentence).find((m) => m.first >= at && m.first <= at + 2);
    return mention ? (this.actors.clusterOf.get(mention) ?? null) : null;
  }
}
