/**
 * The speaker rules: how a quote's speaker was chosen, each with a one-line "why" for the reader
 * ("{cue}" stands for the cue word: "speaker: subject of 'sagte' in the same sentence").
 */
export const SPEAKER_RULES = {
  "verb-subject": "subject of '{cue}' in the same sentence",
  "verb-after": "named right after '{cue}'",
  "verb-sentence-subject": "subject of the sentence that '{cue}' closes",
  "verb-frame-en": "named beside the speech verb '{cue}'",
  "verb-quoted-object": "the person quoted by '{cue}'",
  "verb-demonstrative": "'dieser' or 'diese' before '{cue}': the last fitting person",
  "verb-relative": "the actor that the relative pronoun before '{cue}' refers to",
  "verb-pronoun": "a pronoun before '{cue}', resolved to the last fitting actor",
  "sentence-subject": "subject of the sentence",
  "marker-phrase": "named after '{cue}'",
  channel: "the source named after '{cue}'",
  "colon-name": "named before the colon that opens the quote",
  "view-holder": "named after 'für' before the quoted words",
  "previous-quote": "speaker of the report just before",
  "last-speaker": "the last speaker named before",
  "outer-report": "speaker of the reported speech around it",
  "previous-sentence-verb": "subject of the speech verb in the sentence before",
  "previous-sentence-subject": "subject of the sentence before",
  "next-sentence-verb": "subject of '{cue}' in the sentence after",
  "nearby-source": "a source named nearby",
} as const;

export type SpeakerRule = keyof typeof SPEAKER_RULES;

/** The reader's line: "subject of 'sagte' in the same sentence". */
export function speakerWhy(rule: string, cue: string | null): string | null {
  const template = (SPEAKER_RULES as Record<string, string>)[rule];
  if (!template) return null;
  return cue ? template.replaceAll("{cue}", cue) : template.replace(/ ?'\{cue\}'/gu, " the cue");
}
