/**
 * The quote rules (sieves): how a quote was found and its speaker chosen, each with a one-line
 * "why" and its confidence with and without a speaker: the precision measured on all of SpkAtt
 * (`npm run eval -- --by-rule`; right = a gold quote with the right speaker) where the rule decided
 * ≥ 30 quotes, else the pooled precision of its family (marked-*, the unmarked reports, the
 * Konjunktiv rules) with or without a speaker.
 */
export type QuoteRule =
  | "marked-cue"
  | "marked-colon"
  | "marked-subject"
  | "marked-continued"
  | "marked-previous"
  | "marked-none"
  | "marked-inherited"
  | "verb-clause"
  | "marker"
  | "postposed"
  | "demonstrative"
  | "hearsay"
  | "subjunctive"
  | "subjunctive-subject"
  | "subjunctive-previous";

export type QuoteRuleEntry = {
  name: QuoteRule;
  /** Confidence of a quote this rule decided, with a speaker and without one. */
  confidence: { withSpeaker: number; without: number };
  why: string;
};

export const QUOTE_RULES: readonly QuoteRuleEntry[] = [
  {
    name: "marked-cue",
    confidence: { withSpeaker: 0.77, without: 0.03 },
    why: "words in quotation marks framed by a speech verb or 'laut'/'so'",
  },
  {
    name: "marked-colon",
    confidence: { withSpeaker: 0.78, without: 0.03 },
    why: "words in quotation marks after a colon that names the speaker",
  },
  {
    name: "marked-subject",
    confidence: { withSpeaker: 0.2, without: 0.03 },
    why: "quoted words inside the writer's sentence, held by its subject",
  },
  {
    name: "marked-continued",
    confidence: { withSpeaker: 0.17, without: 0.03 },
    why: "quoted words with no frame, given to the last speaker",
  },
  {
    name: "marked-previous",
    confidence: { withSpeaker: 0.55, without: 0.03 },
    why: "a quote standing alone, framed by the sentence before or after it",
  },
  {
    name: "marked-none",
    confidence: { withSpeaker: 0.55, without: 0.03 },
    why: "quoted words with no speaker found",
  },
  {
    name: "marked-inherited",
    confidence: { withSpeaker: 0.51, without: 0.03 },
    why: "quoted words inside reported speech, spoken by its speaker",
  },
  {
    name: "verb-clause",
    confidence: { withSpeaker: 0.82, without: 0.2 },
    why: "a speech verb with a 'dass'/'that' clause or an infinitive",
  },
  {
    name: "marker",
    confidence: { withSpeaker: 0.95, without: 0.21 },
    why: "'laut X', 'X zufolge', 'according to X'",
  },
  {
    name: "postposed",
    confidence: { withSpeaker: 0.67, without: 0.21 },
    why: "a report followed by ', sagte X' or ', so X'",
  },
  {
    name: "demonstrative",
    confidence: { withSpeaker: 0.84, without: 0.21 },
    why: "a sentence followed by 'Das sagte X'",
  },
  { name: "hearsay", confidence: { withSpeaker: 0.84, without: 0.21 }, why: "', so heißt es', 'reportedly'" },
  {
    name: "subjunctive",
    confidence: { withSpeaker: 0.54, without: 0.18 },
    why: "a Konjunktiv I sentence continuing a report",
  },
  {
    name: "subjunctive-subject",
    confidence: { withSpeaker: 0.87, without: 0.18 },
    why: "a Konjunktiv clause after its main clause's subject",
  },
  {
    name: "subjunctive-previous",
    confidence: { withSpeaker: 0.58, without: 0.18 },
    why: "a Konjunktiv sentence after a sentence naming its speaker",
  },
];

const BY_NAME = new Map(QUOTE_RULES.map((rule) => [rule.name, rule]));

export function quoteRule(name: QuoteRule): QuoteRuleEntry {
  const rule = BY_NAME.get(name);
  if (!rule) throw new Error(`Unknown quote rule ${name}`);
  return rule;
}
