/**
 * The whole-article gold set (test/fixtures/articles/gold.json) stays scorable: every string the
 * scorer locates occurs in its article, every actor reference names a listed actor, every code and
 * date is well-formed, and the set keeps its size (see test/fixtures/articles/README.md).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type GoldArticle = {
  id: string;
  language: string;
  publishedAt: string;
  text: string;
  bodyFirstWords: string;
  bodyLastWords: string;
  boilerplate: string[];
  comments: string[];
  actors: { names: string[]; kind: string; wikidataId?: string }[];
  notActors: string[];
  quotes: { text: string; speaker: string | null; kind: string; hearsayAllowed?: boolean }[];
  events: {
    evidence: string;
    cameoRoots: string[];
    participants: { actor: string; role: string }[];
    modality: string;
    time: { start: string; end: string } | null;
    attributedTo: string | null;
  }[];
};

const gold = JSON.parse(
  readFileSync(new URL("../fixtures/articles/gold.json", import.meta.url), "utf8"),
) as GoldArticle[];

const KINDS = ["PERSON", "COUNTRY", "ORGANIZATION", "PLACE", "GROUP"];
const QUOTE_KINDS = ["DIRECT", "INDIRECT", "PARTIAL", "MIXED"];
const ROLES = ["AGENT", "RECIPIENT", "TARGET", "PARTICIPANT"];
const MODALITIES = ["ASSERTED", "REPORTED", "ALLEGED", "EXPECTED", "PLANNED", "HYPOTHETICAL", "NEGATED"];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Everything wrong with one article, as readable lines (empty when it is scorable). */
function problems(article: GoldArticle): string[] {
  const found: string[] = [];
  const { text } = article;
  const lowerText = text.toLowerCase();
  const need = (value: string, what: string) => {
    if (!text.includes(value)) found.push(`${what} not in text: ${value}`);
  };
  const canonical = new Set(article.actors.map((actor) => actor.names[0]));
  const known = (name: string | null, what: string) => {
    if (name !== null && !canonical.has(name)) found.push(`${what} is no listed actor: ${name}`);
  };
  need(article.bodyFirstWords, "bodyFirstWords");
  need(article.bodyLastWords, "bodyLastWords");
  for (const value of [...article.boilerplate, ...article.comments]) need(value, "segment text");
  if (!DAY.test(article.publishedAt)) found.push(`publishedAt ${article.publishedAt}`);
  for (const actor of article.actors) {
    if (!KINDS.includes(actor.kind)) found.push(`actor kind ${actor.kind}`);
    if (!actor.names.some((name) => lowerText.includes(name.toLowerCase())))
      found.push(`no name of actor ${actor.names[0]} in text`);
    if (actor.wikidataId !== undefined && !/^Q\d+$/.test(actor.wikidataId))
      found.push(`wikidataId ${actor.wikidataId}`);
  }
  for (const quote of article.quotes) {
    need(quote.text, "quote");
    known(quote.speaker, "quote speaker");
    if (!QUOTE_KINDS.includes(quote.kind)) found.push(`quote kind ${quote.kind}`);
  }
  for (const event of article.events) {
    need(event.evidence, "evidence");
    known(event.attributedTo, "attributedTo");
    if (event.participants.length === 0) found.push(`event without participants: ${event.evidence}`);
    for (const participant of event.participants) {
      known(participant.actor, "participant");
      if (!ROLES.includes(participant.role)) found.push(`role ${participant.role}`);
    }
    if (!event.cameoRoots.every((root) => /^(0[1-9]|1\d|20)$/.test(root)))
      found.push(`CAMEO roots ${event.cameoRoots.join("/")}`);
    if (!MODALITIES.includes(event.modality)) found.push(`modality ${event.modality}`);
    const { time } = event;
    if (time && !(DAY.test(time.start) && DAY.test(time.end) && time.start <= time.end))
      found.push(`time ${time.start}..${time.end}`);
  }
  return found;
}

describe("whole-article gold set", () => {
  it("has at least 40 articles (25 German, 15 English) and 300 events, with unique ids", () => {
    const count = (language: string) => gold.filter((article) => article.language === language).length;
    expect(gold.length).toBeGreaterThanOrEqual(40);
    expect(count("de")).toBeGreaterThanOrEqual(25);
    expect(count("en")).toBeGreaterThanOrEqual(15);
    expect(gold.reduce((sum, article) => sum + article.events.length, 0)).toBeGreaterThanOrEqual(300);
    expect(new Set(gold.map((article) => article.id)).size).toBe(gold.length);
  });

  it.each(gold.map((article) => [article.id, article] as const))("%s is scorable", (_id, article) => {
    expect(problems(article)).toEqual([]);
  });
});
