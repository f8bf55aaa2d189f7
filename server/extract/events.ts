/**
 * Sentence-level events: a trigger from the verb or noun lexicon (mapped to CAMEO), the actors
 * around it with roles, a place, a time, and how the text presents it (modality, by the
 * precedence of the format), who claims it, and the quotes that speak about it.
 */

import { CAMEO_ROOTS } from "../cameo.ts";
import type { ActorSet, Cluster } from "./actors.ts";
import { lexicon, verbReading } from "./lexicons/index.ts";
import type { Mention } from "./mentions.ts";
import type { FoundQuote } from "./quotes.ts";
import type { EventRule, ParticipantRule } from "./rules/events.ts";
import { type Sentence, sentenceAt } from "./sentences.ts";
import { SpanIndex } from "./span-index.ts";
import type { TimeExpression } from "./time.ts";
import type { Token } from "./tokens.ts";
import type { Language, Modality, ParticipantRole, Span } from "./types.ts";

export type FoundEvent = {
  cameo: string;
  trigger: Span;
  evidence: Span;
  participants: FoundParticipant[];
  place: Cluster | null;
  time: TimeExpression | null;
  modality: Modality;
  attributedTo: Cluster | null;
  quotes: FoundQuote[];
  confidence: number;
  summary: string;
  rule: EventRule;
};

export type FoundParticipant = { cluster: Cluster; role: ParticipantRole; rule: ParticipantRule };

const MODALITY_CUES: Record<Language, [Modality, RegExp][]> = {
  de: [
    ["NEGATED", /^(?:nicht|kein|keine|keinen|keiner|keinem|keines|nie|niemals)$/u],
    [
      "HYPOTHETICAL",
      /^(?:dürfte|dürften|könnte|könnten|würde|würden|wäre|wären|möglicherweise|eventuell|vielleicht|ob|falls)$/u,
    ],
    ["ALLEGED", /^(?:soll|sollen|mutmaßlich|mutmaßliche[nmrs]?|angeblich|angebliche[nmrs]?|vermeintlich)$/u],
    ["PLANNED", /^(?:wird|werden|werde|plant|planen|geplant|geplante[nmrs]?|beabsichtigt|will|wollen)$/u],
    ["EXPECTED", /^(?:erwartet|erwarten|erwartete|voraussichtlich|erhofft)$/u],
    ["REPORTED", /^(?:laut|zufolge|berichten|berichtete|berichtet)$/u],
  ],
  en: [
    ["NEGATED", /^(?:not|no|never|n't|without)$/u],
    ["HYPOTHETICAL", /^(?:might|could|would|may|possibly|perhaps|if|whether)$/u],
    ["ALLEGED", /^(?:allegedly|alleged|reportedly|purportedly|suspected)$/u],
    ["PLANNED", /^(?:will|plans|planned|planning|scheduled|intends)$/u],
    ["EXPECTED", /^(?:expected|expects|likely)$/u],
    ["REPORTED", /^(?:according|reported|reports)$/u],
  ],
};
const ORDER: Modality[] = [
  "NEGATED",
  "HYPOTHETICAL",
  "ALLEGED",
  "PLANNED",
  "EXPECTED",
  "REPORTED",
  "ASSERTED",
];
const SYMMETRIC = new Set(["04", "05", "06"]);
const SOURCE_PREPOSITIONS = new Set(["von", "aus", "from"]);
const GOAL_PREPOSITIONS = new Set(["nach", "an", "to", "into"]);
const TARGET_PREPOSITIONS = new Set(["gegen", "against", "on"]);
const PLACE_PREPOSITIONS = new Set(["in", "im", "bei", "auf", "at", "near", "nahe"]);
const WITH_PREPOSITIONS = new Set(["mit", "with", "zwischen", "between"]);
const SOURCE_CUES = new Set([
  "laut",
  "zufolge",
  "according",
  "über",
  "um",
  "wegen",
  "zu",
  "zur",
  "zum",
  "für",
  "of",
  "for",
  "about",
  "bezüglich",
]);
const SUBORDINATORS =
  /^(?:dass|daß|ob|weil|da|wenn|als|während|nachdem|obwohl|bevor|damit|sodass|indem|falls|sobald|ohne|um|die|der|das|den|dem|deren|dessen|welche|welcher|welches|which|who|that|while|because|when|if|after|although|before|as)$/u;

/** English words after which a verb form is a noun ("fresh attacks", "the visit"). */
const NOUN_CONTEXT_EN =
  /^(?:the|a|an|its|his|her|their|our|this|that|these|those|such|fresh|new|further|recent|repeated|renewed|deadly|latest|more|several|many|few|no|any|air|drone|missile|rocket|terror|terrorist|cyber|state|official)$/u;
/** Nouns and pronouns that point back at a claim or a demand a rejection answers. */
const ANSWERED =
  /^(?:forderung|forderungen|vorwurf|vorwürfe|vorwürfen|kritik|dies|das|darstellung|behauptung|behauptungen|anschuldigungen|vorschlag|bericht|berichte|move|claim|claims|accusation|accusations|allegation|allegations|demand|demands|proposal|report|reports|criticism)$/u;
/** Verbs of expecting something to be delivered ("erwartet", "erhofft sich"). */
const EXPECTING = /^(?:erwartet|erwarten|erwartete|erwarteten|erhofft|erhoffen|erhoffte|erhofften)$/u;
/** Things one country supplies another (also as the end of a compound: "Waffentechnologien"). */
const DELIVERABLE =
  /(?:waffen|technologie|technologien|munition|hilfe|hilfen|unterstützung|lieferung|lieferungen|ausrüstung|panzer|raketen|kredite|gelder|investitionen)$/u;

/** Pronouns that refer back to the previous sentence's things. */
const ANAPHORS = /^(?:es|sie|diese|dies|das|dabei|davon|they|it|these|this)$/u;
/** A lower-case verb form that can carry the event of a copula sentence ("gewesen", "sein", "were"). */
const VERB_SHAPE = /^(?:gewesen|sein|seien|war|waren|wurden|worden|geliefert|verschifft|were|was|been)$/u;

type Trigger = { token: Token; index: number; cameo: string; lemma: string; noun: boolean; rule: EventRule };

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

export class EventFinder {
  private readonly lex = lexicon();
  private readonly quotes: SpanIndex<FoundQuote>;

  constructor(
    private readonly text: string,
    private readonly actors: ActorSet,
    quotes: FoundQuote[],
    private readonly language: Language,
  ) {
    this.quotes = new SpanIndex(quotes);
  }

  /** The quotes that overlap the sentence, in text order. */
  private quotesIn(sentence: Sentence): FoundQuote[] {
    return this.quotes
      .meeting(sentence.start, sentence.end)
      .filter((q) => q.start < sentence.end && sentence.start < q.end);
  }

  /** The first quote (in text order) that holds [start, end), among marked quotes only if `marked`. */
  private quoteHolding(start: number, end: number, marked: boolean): FoundQuote | undefined {
    return this.quotes
      .meeting(start, end)
      .find((q) => (q.marked || !marked) && q.start <= start && q.end >= end);
  }

  private triggers(sentence: Sentence): Trigger[] {
    const verbs = this.lex.eventVerbs[this.language];
    const speech = this.lex.speechVerbs[this.language];
    const found: Trigger[] = [];
    sentence.tokens.forEach((token, index) => {
      if (!token.word) return;
      const lower = token.lower;
      const eventVerb =
        !token.cap || index === 0 || this.language === "en"
          ? verbReading(verbs.get(lower), sentence.tokens, index)
          : undefined;
      const verb =
        eventVerb ??
        (!token.cap || index === 0 || this.language === "en"
          ? verbReading(speech.get(lower), sentence.tokens, index)
          : undefined);
      // English verb forms double as nouns: "fresh attacks", "the strikes", "35 visits".
      const previous = sentence.tokens[index - 1];
      const nounUse =
        this.language === "en" &&
        previous !== undefined &&
        (NOUN_CONTEXT_EN.test(previous.lower) || /^\d/u.test(previous.text));
      if (verb?.cameo && !nounUse) {
        const rule = eventVerb ? "event-verb" : "speech-verb";
        found.push({ token, index, cameo: verb.cameo, lemma: verb.lemma, noun: false, rule });
        return;
      }
      const noun = this.eventNoun(token);
      if (noun) {
        found.push({ token, index, cameo: noun.cameo, lemma: noun.lemma, noun: true, rule: "event-noun" });
        return;
      }
      // "zur Verfügung stellen": provide.
      if (lower === "verfügung" && sentence.tokens[index - 1]?.lower === "zur") {
        const rule = "provide-phrase";
        found.push({ token, index, cameo: "07", lemma: "zur Verfügung stellen", noun: false, rule });
      }
    });
    return found;
  }

  run(sentences: Sentence[], times: Map<number, TimeExpression[]>): FoundEvent[] {
    const events: FoundEvent[] = [];
    let previous: FoundEvent | null = null;
    for (const sentence of sentences) {
      const triggers = this.triggers(sentence);
      const sentenceTimes = times.get(sentence.index) ?? [];
      if (triggers.length === 0 && previous && sentenceTimes.length > 0) {
        const continued = this.continuation(sentence, previous, sentenceTimes);
        if (continued) events.push(continued);
      }
      previous = null;
      const usedPairs = new Set<string>();
      for (const trigger of triggers) {
        const event = this.eventAt(sentence, trigger, times.get(sentence.index) ?? []);
        if (!event) continue;
        this.answerTarget(event, events, sentence);
        this.sameOccasion(event, events, sentence, sentences);
        const signature = `${event.cameo.slice(0, 2)}:${event.participants.map((p) => p.cluster.key).join(",")}`;
        if (usedPairs.has(signature)) continue;
        usedPairs.add(signature);
        events.push(event);
        if (event.participants.length >= 2) previous = event;
      }
      const expected = this.language === "de" ? this.expectedSupply(sentence, sentenceTimes) : null;
      if (expected && !usedPairs.has(`07:${expected.participants.map((p) => p.cluster.key).join(",")}`))
        events.push(expected);
    }
    return events;
  }

  /**
   * "Nordkorea erwartet russische Waffentechnologien", "Kiew erhofft sich deutsche Panzer": a supply
   * (CAMEO 07) from the country of the adjective to the one who expects it, as EXPECTED.
   */
  private expectedSupply(sentence: Sentence, times: TimeExpression[]): FoundEvent | null {
    const tokens = sentence.tokens;
    const verb = tokens.findIndex((t) => EXPECTING.test(t.lower));
    if (verb < 0) return null;
    const [clauseStart, clauseEnd] = this.clauseBounds(sentence, verb);
    const mentions = this.actors
      .mentionsIn(sentence.start, sentence.end)
      .filter((m) => m.first >= clauseStart && m.last <= clauseEnd);
    for (const adjective of mentions) {
      if (adjective.use !== "ADJECTIVE" || adjective.first < verb) continue;
      const noun = tokens[adjective.last];
      if (!noun?.cap || !DELIVERABLE.test(noun.lower)) continue;
      const supplier = this.actors.clusterOf.get(adjective);
      const receiving = mentions
        .filter((m) => m.use !== "ADJECTIVE" && m.last <= adjective.first)
        .map((m) => ({ m, cluster: this.actors.clusterOf.get(m) }))
        .sort((a, b) => Math.abs(a.m.first - verb) - Math.abs(b.m.first - verb))[0]?.cluster;
      if (!supplier || !receiving || supplier === receiving || receiving.kind === "PLACE") return null;
      supplier.used = true;
      receiving.used = true;
      const label = CAMEO_ROOTS["07"]?.de ?? "";
      return {
        cameo: "07",
        trigger: span(this.text, noun.start, noun.end),
        evidence: span(this.text, sentence.start, sentence.end),
        participants: [
          { cluster: supplier, role: "AGENT", rule: "expected-supplier" },
          { cluster: receiving, role: "RECIPIENT", rule: "expected-receiver" },
        ],
        place: null,
        time: times.find((t) => t.span.start >= (tokens[clauseStart]?.start ?? 0)) ?? null,
        modality: "EXPECTED",
        attributedTo: null,
        quotes: this.quotesIn(sentence),
        confidence: 0.5,
        summary: `${supplier.name} – ${noun.text} – ${receiving.name} (${label})`,
        rule: "expected-supply",
      };
    }
    return null;
  }

  /** The event a noun names ("Angriff", "Waffenlieferungen" as a compound's end, "sanctions"). */
  private eventNoun(token: Token): { cameo: string; lemma: string } | null {
    if (this.language === "en") {
      const cameo = token.cap ? undefined : this.lex.eventNounsEn.get(token.lower);
      return cameo ? { cameo, lemma: token.lower } : null;
    }
    const lower = token.lower;
    if (!token.cap || lower.length < 5) return null;
    const found = this.lex.eventNouns.find(
      ([noun]) => lower === noun || (lower.endsWith(noun) && noun.length >= 6),
    );
    return found ? { cameo: found[1], lemma: found[0] } : null;
  }

  /** Whether a verb that is an event of its own stands in tokens [from, to). */
  private eventVerbBetween(tokens: readonly Token[], from: number, to: number): boolean {
    const verbs = this.lex.eventVerbs[this.language];
    const speech = this.lex.speechVerbs[this.language];
    return tokens
      .slice(from, to)
      .some((t) => !t.cap && (verbs.get(t.lower)?.cameo || speech.get(t.lower)?.cameo));
  }

  /**
   * "Am Montag demonstrierten Tausende … Die Polizei nahm 14 Personen fest.": an event told as done in
   * the simple past or perfect, with no time of its own, a few sentences after an event dated to a
   * day, belongs to that day's occasion. A pluperfect ("hatte … gefordert") tells of earlier things.
   */
  private sameOccasion(
    event: FoundEvent,
    events: FoundEvent[],
    sentence: Sentence,
    sentences: Sentence[],
  ): void {
    if (event.time || (event.modality !== "ASSERTED" && event.modality !== "REPORTED")) return;
    if (sentence.tokens.some((t) => /^(?:hatte|hatten|war|waren|had)$/u.test(t.lower))) return;
    const dated = events.findLast((e) => e.time && e.evidence.end <= sentence.start);
    if (dated?.time?.precision !== "DAY" || !dated.time.start || dated.time.direction === "FUTURE") return;
    const from = sentenceAt(sentences, dated.evidence.start);
    if (!from || sentence.index - from.index > 8) return;
    event.time = dated.time;
  }

  /**
   * "Lindner wies die Forderung zurück", "Tehran dismissed the claims": a rejection of a claim or a
   * demand with no one named answers the actor of the event just before it (in the two sentences
   * before), who becomes its target.
   */
  private answerTarget(event: FoundEvent, events: FoundEvent[], sentence: Sentence): void {
    const root = event.cameo.slice(0, 2);
    if ((root !== "11" && root !== "12") || event.participants.length !== 1) return;
    // Only what points back at a claim, a demand or an act: "wies die Forderung zurück", "dismissed
    // the claims", "verurteilte den Angriff".
    const trigger = sentence.tokens.findIndex((t) => t.start === event.trigger.start);
    const pointsBack = sentence.tokens
      .slice(trigger, trigger + 6)
      .some((t) => ANSWERED.test(t.lower) || this.eventNoun(t) !== null);
    if (!pointsBack) return;
    const agent = event.participants[0]?.cluster;
    // Not one's own side: the Kremlin's spokesman does not answer Russia.
    const side = (cluster: Cluster | undefined) => cluster?.entity?.country || cluster?.country || null;
    const other = (cluster: Cluster) =>
      cluster !== agent && (side(cluster) === null || side(cluster) !== side(agent));
    const previous = events.findLast(
      (e) =>
        e.evidence.end <= sentence.start &&
        sentence.start - e.evidence.start < 600 &&
        e.participants.some((p) => p.role === "AGENT" && other(p.cluster)),
    );
    const answered = previous?.participants.find((p) => p.role === "AGENT" && other(p.cluster))?.cluster;
    if (!answered) return;
    answered.used = true;
    event.participants.push({ cluster: answered, role: "TARGET", rule: "answered-agent" });
    const label = CAMEO_ROOTS[root]?.[this.language] ?? "";
    event.summary = `${agent?.name} – ${event.trigger.text} – ${answered.name} (${label})`;
  }

  /**
   * A sentence with a date but no trigger that refers back with a pronoun continues the previous
   * sentence's event ("Mehr als 1000 sollen es zwischen dem 7. September und dem 1. Oktober gewesen
   * sein."): the same event, read with this sentence's time and modality.
   */
  private continuation(sentence: Sentence, previous: FoundEvent, times: TimeExpression[]): FoundEvent | null {
    const tokens = sentence.tokens;
    if (!tokens.some((t) => ANAPHORS.test(t.lower))) return null;
    const time = times.find((t) => t.precision !== "VAGUE") ?? null;
    if (!time) return null;
    const verb = [...tokens].reverse().find((t) => t.word && !t.cap && VERB_SHAPE.test(t.lower));
    if (!verb) return null;
    const present = new Set<Modality>();
    for (const token of tokens)
      for (const [modality, pattern] of MODALITY_CUES[this.language])
        if (pattern.test(token.lower)) present.add(modality);
    if (this.language === "de" && tokens.some((t) => this.lex.subjunctive.has(t.lower)))
      present.add("REPORTED");
    return {
      ...previous,
      trigger: span(this.text, verb.start, verb.end),
      evidence: span(this.text, sentence.start, sentence.end),
      time,
      modality: ORDER.find((m) => present.has(m)) ?? "ASSERTED",
      quotes: this.quotesIn(sentence),
      confidence: Math.min(previous.confidence, 0.5),
      rule: "continuation",
    };
  }

  /** The clause around the trigger: subordinate clauses (", dass …", ", die …", "Wenn …,") are cut off. */
  private clauseBounds(sentence: Sentence, index: number): [number, number] {
    const tokens = sentence.tokens;
    const opensClause = (k: number) => {
      const token = tokens[k];
      if (token === undefined) return false;
      // English content clauses often come without a comma: "warned that North Korea …".
      if (this.language === "en" && token.lower === "that") return true;
      return token.text === "," && SUBORDINATORS.test(tokens[k + 1]?.lower ?? "");
    };
    const hard = (k: number) => tokens[k]?.text === ";" || tokens[k]?.text === ":";
    let start = index;
    while (start > 0 && !hard(start - 1) && !opensClause(start - 1)) start--;
    let end = index;
    while (end < tokens.length && !hard(end) && !opensClause(end)) end++;
    // A subordinate clause opening the sentence ("Wenn man …, wird Putin …") ends at its first comma.
    if (SUBORDINATORS.test(tokens[0]?.lower ?? "") && start === 0) {
      const comma = tokens.findIndex((t) => t.text === ",");
      if (comma > 0 && comma < index) start = comma + 1;
      else if (comma > index) end = Math.min(end, comma);
    }
    // A clause that ends a subordinate clause inside ("…, die …, wird …") stops at the next comma.
    if (start > 0 && opensClause(start - 1)) {
      const comma = tokens.findIndex((t, k) => k > index && t.text === ",");
      if (comma > 0 && comma < end && !SUBORDINATORS.test(tokens[start]?.lower ?? "dass")) end = comma;
    }
    return [start, end];
  }

  private eventAt(sentence: Sentence, trigger: Trigger, times: TimeExpression[]): FoundEvent | null {
    const tokens = sentence.tokens;
    const [clauseStart, clauseEnd] = this.clauseBounds(sentence, trigger.index);
    const triggerQuote = this.quoteHolding(trigger.token.start, trigger.token.end, true);
    const inClause = this.actors
      .mentionsIn(sentence.start, sentence.end)
      .filter((m) => m.first >= clauseStart && m.last <= clauseEnd)
      .filter((m) => {
        return this.quoteHolding(m.start, m.end, true) === triggerQuote;
      });
    const root = trigger.cameo.slice(0, 2);
    const participants: FoundParticipant[] = [];
    let place: Cluster | null = null;
    const add = (cluster: Cluster, role: ParticipantRole, rule: ParticipantRule) => {
      if (participants.some((p) => p.cluster === cluster)) return;
      participants.push({ cluster, role, rule });
    };
    const countryCluster = (cluster: Cluster): Cluster => {
      if (cluster.kind !== "PLACE" || !cluster.country) return cluster;
      const country = this.actors.clusters.find(
        (c) => c.kind === "COUNTRY" && c.entity?.country === cluster.country,
      );
      return country ?? cluster;
    };
    const candidates: { mention: Mention; cluster: Cluster; preposition: string | null }[] = [];
    for (const mention of inClause) {
      const cluster = this.actors.clusterOf.get(mention);
      if (!cluster) continue;
      // Datelines and asides in parentheses ("Berlin (dpa) –") take no part.
      if (tokens[mention.first - 1]?.text === "(" && tokens[mention.last]?.text === ")") continue;
      const dash = tokens.findIndex((t, k) => k <= 4 && (t.text === "–" || t.text === "—" || t.text === "-"));
      if (dash >= 0 && mention.last <= dash && tokens[dash - 1]?.text === ")") continue;
      if (mention.use === "ADJECTIVE") {
        // "der nordkoreanischen Hafenstadt Rason": the adjective tells the place's country.
        continue;
      }
      // Walk back over articles, adjectives and place nouns to the governing preposition.
      let p = mention.first - 1;
      let genitiveOf: Token | null = null;
      let genitiveArticle = false;
      while (p >= clauseStart) {
        const token = tokens[p];
        if (!token?.word) break;
        if (/^(?:der|die|das|den|dem|des|the|a|an)$/u.test(token.lower)) {
          // "die Kürzungen der Bundesregierung": der/des right after a noun make a genitive.
          genitiveArticle = p === mention.first - 1 && /^(?:der|des)$/u.test(token.lower);
          p--;
          if (
            genitiveArticle &&
            tokens[p]?.cap &&
            tokens[p]?.word &&
            !this.lex.placeNounOf(tokens[p]?.text ?? "")
          ) {
            genitiveOf = tokens[p] ?? null;
            break;
          }
        } else if (
          !token.cap &&
          /(?:e|en|er|es|em)$/u.test(token.lower) &&
          !this.lex.functionWords.has(token.lower)
        )
          p--;
        else if (token.cap && this.lex.placeNounOf(token.text)) p--;
        else if (token.cap && this.language === "de" && p === mention.first - 1 && /s$/u.test(mention.text)) {
          genitiveOf = token;
          break;
        } else break;
      }
      // "verurteilte den Angriff Russlands": the owner of what is condemned or rejected is the target.
      // "demonstrierten gegen die Kürzungen der Bundesregierung": so is the owner of what is protested.
      if (genitiveOf && genitiveOf !== trigger.token) {
        const owner = tokens.indexOf(genitiveOf);
        const against = tokens
          .slice(Math.max(0, owner - 3), owner)
          .some((t) => /^(?:gegen|against)$/u.test(t.lower));
        if (
          !trigger.noun &&
          root >= "10" &&
          (mention.first > trigger.index || against) &&
          cluster.kind !== "PLACE"
        )
          candidates.push({ mention, cluster, preposition: "gegen" });
        continue;
      }
      if (genitiveOf === trigger.token) {
        candidates.unshift({ mention, cluster, preposition: null });
        continue;
      }
      const governing = tokens[p];
      const preposition =
        governing?.word && (!governing.cap || this.lex.functionWords.has(governing.lower))
          ? governing.lower
          : null;
      if (preposition && SOURCE_CUES.has(preposition)) continue;
      // "Selenskyj verurteilte den Angriff": a noun's participants stand in its own phrase, not before
      // it past another event's verb ("The US imposed sanctions" keeps its subject).
      if (
        trigger.noun &&
        !preposition &&
        mention.last <= trigger.index &&
        this.eventVerbBetween(tokens, mention.last, trigger.index)
      )
        continue;
      candidates.push({ mention, cluster, preposition });
    }
    const adjectiveCountry = (mention: Mention): Cluster | null => {
      const adjective = this.actors
        .mentionsIn(sentence.start, sentence.end)
        .find((m) => m.use === "ADJECTIVE" && m.last <= mention.first && m.last >= mention.first - 2);
      return adjective ? (this.actors.clusterOf.get(adjective) ?? null) : null;
    };
    let agentSet = false;
    let betweenPending = false;
    for (const { mention, cluster, preposition } of candidates) {
      // "Drohnen auf Kiew abgefeuert": what an attack is aimed at is its target, place or not.
      if (root >= "18" && preposition && /^(?:auf|gegen|on|against|at)$/u.test(preposition)) {
        add(countryCluster(cluster), "TARGET", "attack-aim");
        if (cluster.kind === "PLACE") place ??= cluster;
        continue;
      }
      if (
        cluster.kind === "PLACE" ||
        (preposition && PLACE_PREPOSITIONS.has(preposition) && cluster.kind === "COUNTRY")
      ) {
        if (preposition && SOURCE_PREPOSITIONS.has(preposition) && root === "07") {
          add(adjectiveCountry(mention) ?? countryCluster(cluster), "AGENT", "aid-source");
          agentSet = true;
          continue;
        }
        if (preposition && GOAL_PREPOSITIONS.has(preposition) && (root === "07" || root === "04")) {
          place ??= cluster;
          // "reiste nach Peking": the country visited receives the visit.
          const country = countryCluster(cluster);
          if (root === "07" || country !== cluster) add(country, "RECIPIENT", "visit-goal");
          continue;
        }
        if (!place || (preposition && PLACE_PREPOSITIONS.has(preposition))) place = place ?? cluster;
        continue;
      }
      if (preposition && TARGET_PREPOSITIONS.has(preposition)) {
        add(cluster, "TARGET", "target-preposition");
        continue;
      }
      if (preposition && GOAL_PREPOSITIONS.has(preposition)) {
        if (cluster.kind === "COUNTRY" && (root === "04" || root === "07")) place ??= cluster;
        add(cluster, "RECIPIENT", "goal-preposition");
        continue;
      }
      if (preposition && WITH_PREPOSITIONS.has(preposition)) {
        add(cluster, SYMMETRIC.has(root) ? "PARTICIPANT" : "RECIPIENT", "with-preposition");
        // "zwischen A und B" names both sides: B follows without a preposition of its own.
        betweenPending = preposition === "zwischen" || preposition === "between";
        continue;
      }
      if (betweenPending && !preposition) {
        betweenPending = false;
        add(cluster, SYMMETRIC.has(root) ? "PARTICIPANT" : "RECIPIENT", "between-pair");
        continue;
      }
      if (preposition && SOURCE_PREPOSITIONS.has(preposition) && root === "07") {
        add(cluster, "AGENT", "source-preposition");
        agentSet = true;
        continue;
      }
      if (!agentSet) {
        add(cluster, "AGENT", "first-actor");
        agentSet = true;
      } else add(cluster, root >= "11" ? "TARGET" : "RECIPIENT", "later-actor");
    }
    // "nach Dunai in Russland": the country receives, the town is the place.
    const recipient = participants.find((p) => p.role === "RECIPIENT" && p.cluster.kind === "PLACE");
    if (recipient && root === "07") {
      const country = candidates.find((c) => c.cluster.kind === "COUNTRY" && c.preposition === "in");
      if (country) {
        place = recipient.cluster;
        recipient.cluster = country.cluster;
      }
    }
    // "A traf B", "A and B met": a meeting (CAMEO 04 itself) has sides, not an agent and a recipient.
    if (trigger.cameo === "04")
      for (const p of participants) {
        p.role = "PARTICIPANT";
        p.rule = "meeting-side";
      }
    if (participants.length === 0) return null;
    // A noun names an event with two sides, or with the one who does it as the clause's subject
    // ("Die UN kündigten eine Untersuchung an"), and not as a topic ("über neue Waffenlieferungen").
    const subjectOnly =
      participants.length === 1 &&
      candidates.some(
        (c) => c.cluster === participants[0]?.cluster && c.mention.last <= trigger.index && !c.preposition,
      );
    if (trigger.noun && participants.length < 2 && !subjectOnly) return null;
    const topic = tokens
      .slice(Math.max(0, trigger.index - 3), trigger.index)
      .some((t) => /^(?:über|about|on)$/u.test(t.lower));
    if (trigger.noun && topic) return null;

    // Time: the nearest expression in the trigger's own clause. "veröffentlichte am Freitag Bilder,
    // die den Transport … zeigen": Friday dates the release, not the transport in the relative clause.
    let time: TimeExpression | null = null;
    let distance = Number.POSITIVE_INFINITY;
    for (const candidate of times) {
      const at = tokens.findIndex((t) => t.start >= candidate.span.start);
      if (at >= 0 && this.clauseBounds(sentence, at)[0] !== clauseStart) continue;
      const d = Math.abs(candidate.span.start - trigger.token.start);
      if (d < distance) {
        distance = d;
        time = candidate;
      }
    }

    // Modality by precedence, from the clause (and the sentence for reporting cues). A speech act
    // ("warnte, …", "rejected the claim, saying …") ends where what was said begins: cues after that
    // describe the words, not the act.
    const present = new Set<Modality>();
    const cues = MODALITY_CUES[this.language];
    const speechAct = this.lex.speechVerbs[this.language].has(trigger.token.lower);
    const saidFrom = speechAct
      ? tokens.findIndex(
          (t, k) => k > trigger.index && (t.text === "," || /^(?:that|if|whether|dass|ob)$/u.test(t.lower)),
        )
      : -1;
    const modalityEnd = saidFrom > trigger.index ? Math.min(clauseEnd, saidFrom) : clauseEnd;
    for (let k = clauseStart; k < modalityEnd; k++) {
      const token = tokens[k];
      if (!token?.word) continue;
      for (const [modality, pattern] of cues) if (pattern.test(token.lower)) present.add(modality);
      if (this.language === "de" && this.lex.subjunctive.has(token.lower) && tokens[k - 1]?.lower !== "ich")
        present.add("REPORTED");
    }
    if (present.has("PLANNED") && this.language === "de") {
      // "wird … reisen": future only with an infinitive after "wird"; "wurde" is passive past.
      const hasInfinitive = tokens
        .slice(clauseStart, clauseEnd)
        .some((t) => /en$/u.test(t.lower) && t.start > trigger.token.start - 1);
      if (!hasInfinitive && !tokens.some((t) => /^(?:plant|planen|geplant)$/u.test(t.lower)))
        present.delete("PLANNED");
    }
    for (const token of tokens)
      if (/^(?:laut|zufolge|according)$/u.test(token.lower)) present.add("REPORTED");
    const quote = this.quoteHolding(trigger.token.start, trigger.token.end, false);
    // The verb that frames a report is not itself reported.
    const framesIt = quote?.cue && quote.cue.start === trigger.token.start;
    if (quote && !quote.marked && !framesIt) present.add("REPORTED");
    const modality = ORDER.find((m) => present.has(m)) ?? "ASSERTED";

    // Who claims it: the speaker of the quote it sits in, "laut X", or a source named in the sentence.
    let attributedTo: Cluster | null = quote?.speaker ?? null;
    if (!attributedTo) {
      const laut = tokens.findIndex((t) => /^(?:laut|zufolge|according)$/u.test(t.lower));
      if (laut >= 0) {
        const source = this.actors
          .mentionsIn(sentence.start, sentence.end)
          .find((m) => Math.abs(m.first - laut) <= 3);
        attributedTo = source ? (this.actors.clusterOf.get(source) ?? null) : null;
      }
    }
    if (!attributedTo) {
      const source = this.actors
        .mentionsIn(sentence.start, sentence.end)
        .map((m) => this.actors.clusterOf.get(m))
        .find((c) => c && (c.kind === "GROUP" || c.entity?.media));
      if (source) attributedTo = source;
    }
    if (attributedTo) attributedTo.used = true;
    for (const p of participants) p.cluster.used = true;
    if (place) place.used = true;

    const related = this.quotesIn(sentence);
    // Without an agent (both sides of a meeting), the first participant opens the summary.
    const first = participants.find((p) => p.role === "AGENT") ?? participants[0];
    const agent = first?.cluster.name;
    const other = participants.find((p) => p !== first)?.cluster.name;
    const label = CAMEO_ROOTS[root]?.[this.language] ?? "";
    const summary = `${[agent, trigger.token.text, other].filter(Boolean).join(" – ")} (${label})`;
    return {
      cameo: trigger.cameo,
      trigger: span(this.text, trigger.token.start, trigger.token.end),
      evidence: span(this.text, sentence.start, sentence.end),
      participants,
      place,
      time,
      modality,
      attributedTo,
      quotes: related,
      confidence: Math.min(0.8, 0.4 + 0.15 * participants.length + (time ? 0.05 : 0)),
      summary,
      rule: trigger.rule,
    };
  }
}
