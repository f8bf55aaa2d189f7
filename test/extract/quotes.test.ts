import { describe, expect, it } from "vitest";
import { extract } from "../../server/extract/index.ts";
import type { AnnotationDocument } from "../../server/extract/types.ts";
import { actorNamed, expectValidDocument } from "./helpers.ts";

// Sentences written for these tests, one rule each.
const speakerOf = (doc: AnnotationDocument, start: string) => {
  const quote = doc.quotes.find((q) => q.text.startsWith(start));
  return doc.actors.find((actor) => actor.id === quote?.speaker)?.name ?? null;
};

describe("German quote rules", () => {
  const text =
    "Die Stadt Bremen hat den Haushalt beschlossen. Die Finanzsenatorin Karin Vogt sagte, die Lage bleibe angespannt. " +
    "Sie nannte den Beschluss „einen Kraftakt“. Der Betrag sei trotzdem zu niedrig. " +
    "Die Zeitung „Weser-Kurier“ berichtete, die Opposition habe protestiert. " +
    "Nach Angaben der Polizei blieben die Proteste friedlich. " +
    "Ein Sprecher des Senats erklärte, dass die Gespräche weitergingen. " +
    "Den Plan kritisierte Oppositionsführer Frank Imhoff scharf, er sei unsozial.";
  const doc = extract(text, { language: "de", publishedAt: "2024-02-01" });

  it("is valid", () => {
    expectValidDocument(text, doc);
  });

  it("reads a speech verb with a Konjunktiv clause and its subject", () => {
    expect(speakerOf(doc, "die Lage bleibe")).toBe("Karin Vogt");
  });

  it("keeps a partial quote and gives it the clause subject", () => {
    const partial = doc.quotes.find((q) => q.text === "einen Kraftakt");
    expect(partial?.kind).toBe("PARTIAL");
    expect(partial?.speakerMention?.text).toBe("Sie");
  });

  it("continues a report with a sentence in Konjunktiv I", () => {
    expect(speakerOf(doc, "Der Betrag sei")).toBe("Karin Vogt");
  });

  it("does not read a title in marks as a quote, and lets the paper speak", () => {
    expect(doc.quotes.some((q) => q.text === "Weser-Kurier")).toBe(false);
    const report = doc.quotes.find((q) => q.text.startsWith("die Opposition habe"));
    expect(report?.speakerMention?.text).toContain("Weser-Kurier");
  });

  it("reads 'nach Angaben X' with X as the source", () => {
    const quote = doc.quotes.find((q) => q.text.includes("friedlich"));
    expect(quote?.cue?.text).toBe("Nach Angaben");
    expect(quote?.speakerMention?.text).toBe("der Polizei");
  });

  it("creates a speaker for a description no actor names", () => {
    const quote = doc.quotes.find((q) => q.text.startsWith("die Gespräche"));
    expect(quote?.speakerMention?.text).toBe("Ein Sprecher des Senats");
    expect(quote?.speaker).not.toBeNull();
  });

  it("finds the subject after the verb when the object comes first", () => {
    expect(speakerOf(doc, "er sei unsozial")).toBe("Frank Imhoff");
  });
});

describe("English quote rules", () => {
  const text =
    "Port strike spreads\nROTTERDAM - Dockworkers walked out on Monday, union officials said. " +
    '"We will not back down," said union leader Anna Smit. Port director Mark Jansen told reporters the losses were rising. ' +
    'According to him, talks would resume on Friday. The newspaper "De Telegraaf" wrote that the government was worried.';
  const doc = extract(text, { language: "en", publishedAt: "2024-02-01" });

  it("is valid", () => {
    expectValidDocument(text, doc);
  });

  it("reads a postposed frame '…, officials said'", () => {
    const quote = doc.quotes.find((q) => q.text.startsWith("Dockworkers walked out"));
    expect(quote?.speakerMention?.text).toBe("union officials");
  });

  it("reads 'said X' after a direct quote", () => {
    expect(speakerOf(doc, "We will not back down")).toBe("Anna Smit");
  });

  it("reads 'X told Y <clause>' without 'that'", () => {
    const quote = doc.quotes.find((q) => q.text.startsWith("the losses were rising"));
    expect(quote?.speaker).toBe(actorNamed(doc, "Mark Jansen")?.id);
  });

  it("resolves 'according to him' to the last man", () => {
    expect(speakerOf(doc, "talks would resume")).toBe("Mark Jansen");
  });

  it("skips the title and reads 'wrote that'", () => {
    expect(doc.quotes.some((q) => q.text === "De Telegraaf")).toBe(false);
    expect(doc.quotes.some((q) => q.text.startsWith("the government was worried"))).toBe(true);
  });
});

describe("a frame that opens a colon", () => {
  it("is not itself reported speech: its words before the comma are the speaker", () => {
    const text = "Der Sprecher des Ministeriums, Hans Müller, sagte: „Wir prüfen den Antrag bis Freitag.“";
    const doc = extract(text, { language: "de" });
    expectValidDocument(text, doc);
    expect(doc.quotes.map((quote) => quote.kind)).toEqual(["DIRECT"]);
    expect(speakerOf(doc, "Wir prüfen")).toBe("Hans Müller");
  });
});

describe("quotes over several paragraphs", () => {
  it("keeps a quote open to its paragraph's end when the next paragraph opens with a mark", () => {
    const text = [
      "Coach praises keeper",
      "“I have not seen a better game,” coach Ellen Dorsey said. “He was magnificent. Everyone saw it.",
      "“He kept us in the league, and he knows it.”",
    ].join("\n");
    const doc = extract(text, { language: "en", publishedAt: "2024-05-02" });
    expectValidDocument(text, doc);
    expect(doc.quotes.map((q) => q.text)).toContain("He was magnificent. Everyone saw it.");
    expect(speakerOf(doc, "He was magnificent")).toBe("Ellen Dorsey");
  });
});
