import { describe, expect, it } from "vitest";
import { extract } from "../../server/extract/index.ts";
import { actorNamed, expectValidDocument } from "./helpers.ts";

// Written for this test (not the seed): direct, interrupted, indirect and pronoun-attributed speech.
const TEXT = `Scholz trifft Macron in Paris
Berlin (dpa) – Bundeskanzler Olaf Scholz hat am Dienstag in Paris den französischen Präsidenten Emmanuel Macron getroffen. „Wir stehen fest an der Seite der Ukraine“, sagte Scholz nach dem Treffen. Macron betonte, dass Europa mehr für seine Verteidigung tun müsse. Er habe mit Scholz auch über neue Waffenlieferungen gesprochen, sagte der Präsident. Die Finanzministerin Maria Schneider erklärte, sie werde den Haushalt im Mai vorlegen. Laut Reuters soll die Einigung bis Ende Juni stehen. „Das ist ein guter Tag“, so Schneider. Sie fügte hinzu: „Wir werden liefern.“ Die „Süddeutsche Zeitung“ hatte zuvor berichtet, die Gespräche seien schwierig gewesen.
Artikel teilen
Kommentare
Helmut Kohl hätte das besser gemacht!`;

describe("German article", () => {
  const doc = extract(TEXT, { publishedAt: "2024-01-03" });
  const id = (name: string) => actorNamed(doc, name)?.id;

  it("is valid and detected as German", () => {
    expect(doc.language).toBe("de");
    expectValidDocument(TEXT, doc);
  });

  it("finds people, places and organisations with descriptions", () => {
    expect(actorNamed(doc, "Olaf Scholz")?.description).toBe("Bundeskanzler");
    expect(actorNamed(doc, "Olaf Scholz")?.wikidataId).toBe("Q61053");
    expect(actorNamed(doc, "Maria Schneider")?.kind).toBe("PERSON");
    expect(actorNamed(doc, "Maria Schneider")?.description).toBe("Finanzministerin");
    expect(actorNamed(doc, "Paris")?.kind).toBe("PLACE");
    expect(actorNamed(doc, "Reuters")?.kind).toBe("ORGANIZATION");
    expect(actorNamed(doc, "Ukraine")?.kind).toBe("COUNTRY");
    // "der Präsident" is Macron, "Schneider" and "Sie" are Maria Schneider.
    const macron = actorNamed(doc, "Emmanuel Macron");
    expect(macron?.mentions.map((m) => m.text)).toContain("der Präsident");
    const schneider = actorNamed(doc, "Maria Schneider");
    expect(schneider?.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(["Schneider", "Sie"]));
  });

  it("ignores the reader comment", () => {
    expect(doc.actors.some((actor) => actor.name.includes("Kohl"))).toBe(false);
  });

  it("attributes direct quotes", () => {
    const ukraine = doc.quotes.find((q) => q.text === "Wir stehen fest an der Seite der Ukraine");
    expect(ukraine?.kind).toBe("DIRECT");
    expect(ukraine?.speaker).toBe(id("Olaf Scholz"));
    expect(ukraine?.cue?.text).toBe("sagte");
    const goodDay = doc.quotes.find((q) => q.text === "Das ist ein guter Tag");
    expect(goodDay?.speaker).toBe(id("Maria Schneider"));
    const deliver = doc.quotes.find((q) => q.text.startsWith("Wir werden liefern"));
    expect(deliver?.speaker).toBe(id("Maria Schneider"));
    expect(deliver?.speakerMention?.text).toBe("Sie");
  });

  it("finds indirect speech: dass-clause, Konjunktiv I, postposed frame and laut X", () => {
    const europe = doc.quotes.find((q) => q.text.startsWith("Europa mehr"));
    expect(europe?.kind).toBe("INDIRECT");
    expect(europe?.speaker).toBe(id("Emmanuel Macron"));
    const talks = doc.quotes.find((q) => q.text.startsWith("Er habe mit Scholz"));
    expect(talks?.speaker).toBe(id("Emmanuel Macron"));
    const budget = doc.quotes.find((q) => q.text.startsWith("sie werde den Haushalt"));
    expect(budget?.speaker).toBe(id("Maria Schneider"));
    const deal = doc.quotes.find((q) => q.text.includes("Einigung"));
    expect(deal?.speaker).toBe(id("Reuters"));
  });

  it("does not read a newspaper title in quotation marks as a quote", () => {
    expect(doc.quotes.some((q) => q.text === "Süddeutsche Zeitung")).toBe(false);
  });

  it("reads the meeting as an event with time and place", () => {
    const meeting = doc.events.find((e) => e.trigger.text === "getroffen");
    expect(meeting?.cameo.slice(0, 2)).toBe("04");
    expect(meeting?.participants).toEqual(
      expect.arrayContaining([
        // A meeting has sides, not an agent and a recipient.
        { actor: id("Olaf Scholz"), role: "PARTICIPANT", rule: "meeting-side" },
        { actor: id("Emmanuel Macron"), role: "PARTICIPANT", rule: "meeting-side" },
      ]),
    );
    expect(meeting?.place).toBe(id("Paris"));
    expect(meeting?.time).toMatchObject({ start: "2024-01-02", end: "2024-01-02", precision: "DAY" });
    expect(meeting?.modality).toBe("ASSERTED");
  });
});
