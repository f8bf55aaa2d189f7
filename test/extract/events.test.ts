import { describe, expect, it } from "vitest";
import { extract } from "../../server/extract/index.ts";
import { actorNamed, expectValidDocument } from "./helpers.ts";

describe("event participants", () => {
  it("gives both sides of a meeting 'zwischen A und B' the same role", () => {
    const text =
      "Am Dienstag kam es in Genf zu einem Treffen zwischen Olaf Scholz und dem französischen Präsidenten Emmanuel Macron.";
    const doc = extract(text, { language: "de", publishedAt: "2024-03-07" });
    expectValidDocument(text, doc);
    const meeting = doc.events.find((event) => event.cameo.startsWith("04"));
    const scholz = actorNamed(doc, "Olaf Scholz");
    const macron = actorNamed(doc, "Emmanuel Macron");
    expect(meeting?.participants).toEqual(
      expect.arrayContaining([
        { actor: scholz?.id, role: "PARTICIPANT" },
        { actor: macron?.id, role: "PARTICIPANT" },
      ]),
    );
    expect(meeting?.summary).toMatch(/Olaf Scholz – Treffen – Emmanuel Macron/);
  });
});

describe("event time and modality", () => {
  it("dates an event by a time in its own clause only", () => {
    const text =
      "Die japanische Regierung veröffentlichte am Montag Fotos, die den Transport von Öl von Iran nach China zeigen sollen.";
    const doc = extract(text, { language: "de", publishedAt: "2024-06-12" });
    expectValidDocument(text, doc);
    const transport = doc.events.find((event) => event.trigger.text === "Transport");
    expect(transport).toBeDefined();
    expect(transport?.time ?? null).toBeNull();
    const release = doc.events.find((event) => event.trigger.text === "veröffentlichte");
    expect(release?.time).toMatchObject({ start: "2024-06-10", precision: "DAY" });
  });

  it("reads an expected supply: 'X erwartet deutsche Panzer'", () => {
    const text = "Nach den Verhandlungen erwartet Polen deutsche Panzer für die eigene Armee.";
    const doc = extract(text, { language: "de", publishedAt: "2024-06-12" });
    expectValidDocument(text, doc);
    const supply = doc.events.find((event) => event.modality === "EXPECTED");
    expect(supply?.cameo).toBe("07");
    expect(supply?.participants).toEqual([
      { actor: actorNamed(doc, "Deutschland")?.id, role: "AGENT" },
      { actor: actorNamed(doc, "Polen")?.id, role: "RECIPIENT" },
    ]);
  });
});

describe("event verbs", () => {
  it("reads an attack's aim as its target, and a separable verb only with its particle", () => {
    const text =
      "Nach Angaben der Armee hat Russland in der Nacht Raketen auf Odessa abgefeuert. " +
      "„Wir lassen die Ukraine nicht im Stich“, sagte Außenministerin Annalena Baerbock.";
    const doc = extract(text, { language: "de", publishedAt: "2024-06-12" });
    expectValidDocument(text, doc);
    const attack = doc.events.find((event) => event.cameo.startsWith("19"));
    expect(attack?.participants).toEqual([
      { actor: actorNamed(doc, "Russland")?.id, role: "AGENT" },
      { actor: actorNamed(doc, "Ukraine")?.id, role: "TARGET" },
    ]);
    // "lassen" without "frei" is not "freilassen" (CAMEO 08).
    expect(doc.events.filter((event) => event.cameo.startsWith("08"))).toEqual([]);
  });
});
