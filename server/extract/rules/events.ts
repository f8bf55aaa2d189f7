/**
 * The event rules: how an event was found and coded, and how each participant got its role, each
 * with a one-line "why".
 */
export const EVENT_RULES = {
  "event-verb": "a verb of the event lexicon, coded by its CAMEO entry",
  "speech-verb": "a speech verb with a CAMEO code (criticise, demand, threaten)",
  "event-noun": "a noun of the event lexicon with its sides in the clause",
  "provide-phrase": "'zur Verfügung stellen': provide aid",
  "expected-supply": "'X erwartet russische Waffen': an expected supply from the adjective's country",
  continuation: "a dated sentence pointing back at the previous event",
} as const;

export type EventRule = keyof typeof EVENT_RULES;

export const PARTICIPANT_RULES = {
  "first-actor": "the first actor of the clause does it",
  "later-actor": "a later actor of the clause receives it or is its target",
  "attack-aim": "'auf'/'gegen' after an attack: what it is aimed at",
  "aid-source": "'von'/'aus' a place with aid: its country gives",
  "visit-goal": "'nach'/'to' a place with a visit or aid: its country receives",
  "target-preposition": "'gegen'/'against': the target",
  "goal-preposition": "'an'/'nach'/'to': the recipient",
  "with-preposition": "'mit'/'zwischen'/'with': a side or a recipient",
  "between-pair": "the second side of 'zwischen A und B'",
  "source-preposition": "'von'/'from' with aid: the giver",
  "meeting-side": "a meeting has sides, not an agent and a recipient",
  "answered-agent": "a rejection answers the agent of the event before",
  "expected-supplier": "the country of the adjective supplies",
  "expected-receiver": "the actor who expects receives",
} as const;

export type ParticipantRule = keyof typeof PARTICIPANT_RULES;
