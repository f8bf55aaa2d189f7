import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extract } from "../../server/extract/index.ts";
import { derivedLines } from "../../server/extract/lexicons/derived.ts";
import { EVENT_RULES, PARTICIPANT_RULES } from "../../server/extract/rules/events.ts";
import { QUOTE_RULES } from "../../server/extract/rules/quotes.ts";
import { SPEAKER_RULES, speakerWhy } from "../../server/extract/rules/speakers.ts";
import { seedText } from "../helpers.ts";

// Every decision names the rule that made it: quotes, speakers, events, roles.
describe("named rules in the extractor's output", () => {
  const quoteRules = new Set<string>(QUOTE_RULES.map((rule) => rule.name));

  it("records a known rule on every quote, speaker, event and participant of the seed article", () => {
    const doc = extract(seedText, { language: "de", publishedAt: "2023-10-14" });
    expect(doc.quotes.length).toBeGreaterThan(3);
    expect(doc.events.length).toBeGreaterThan(3);
    for (const quote of doc.quotes) {
      expect(quoteRules).toContain(quote.rule);
      if (quote.speaker) expect(Object.keys(SPEAKER_RULES)).toContain(quote.speakerRule);
      else expect(quote.speakerRule).toBeNull();
    }
    for (const event of doc.events) {
      expect(Object.keys(EVENT_RULES)).toContain(event.rule);
      for (const participant of event.participants)
        expect(Object.keys(PARTICIPANT_RULES)).toContain(participant.rule);
    }
  });

  it("gives each rule's own confidence, with and without a speaker", () => {
    const doc = extract(
      "„Wir werden die Hilfe fortsetzen“, sagte Bundeskanzler Olaf Scholz am Montag in Berlin.",
      {
        language: "de",
      },
    );
    const [quote] = doc.quotes;
    expect(quote?.rule).toBe("marked-cue");
    expect(quote?.speakerRule).toBe("verb-after");
    expect(quote?.confidence).toBe(
      QUOTE_RULES.find((rule) => rule.name === "marked-cue")?.confidence.withSpeaker,
    );
  });

  it("says why a speaker was chosen, in the reader's words", () => {
    const doc = extract(
      "Der Außenminister Heiko Maas sagte am Dienstag, dass die Gespräche fortgesetzt werden müssten.",
      { language: "de" },
    );
    const quote = doc.quotes[0];
    expect(quote?.rule).toBe("verb-clause");
    expect(quote?.speakerRule).toBe("verb-subject");
    expect(speakerWhy(quote?.speakerRule ?? "", quote?.cue?.text ?? null)).toBe(
      "subject of 'sagte' in the same sentence",
    );
    expect(speakerWhy("previous-quote", null)).toBe("speaker of the report just before");
    expect(speakerWhy("no-such-rule", "sagte")).toBeNull();
  });
});

describe("derived lexicon tables", () => {
  it("builds a table in memory, writing nothing, when it was not prebuilt", () => {
    const name = `never-built-${process.pid}-${Date.now()}`;
    const cache = fileURLToPath(new URL("../../node_modules/.cache/newsgraph/", import.meta.url));
    expect(derivedLines({ name, source: "eld", build: () => ["a", "b"] })).toEqual(["a", "b"]);
    const written = existsSync(cache) ? readdirSync(cache).filter((file) => file.startsWith(name)) : [];
    expect(written).toEqual([]);
  });
});
