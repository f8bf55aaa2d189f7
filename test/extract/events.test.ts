import { describe, expect, it } from "vitest";
import { extract } from "../../server/extract/index.ts";
import type { AnnotationDocument } from "../../server/extract/types.ts";
import { actorNamed, expectValidDocument } from "./helpers.ts";

/** An event's participants as "name ROLE". */
function rolesOf(doc: AnnotationDocument, event: AnnotationDocument["events"][number] | undefined): string[] {
  return (event?.participants ?? []).map(
    (p) => `${doc.actors.find((actor) => actor.id === p.actor)?.name} ${p.role}`,
  );
}

/** A German text's document (checked for validity) and its first event of a CAMEO root. */
function germanEvent(text: string, root: string) {
  const doc = extract(text, { language: "de", publishedAt: "2024-06-12" });
  expectValidDocument(text, doc);
  return { doc, event: doc.events.find((event) => event.cameo.startsWith(root)) };
}

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
        { actor: scholz?.id, role: "PARTICIPANT", rule: "meeting-side" },
        { actor: macron?.id, role: "PARTICIPANT", rule: "meeting-side" },
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
      { actor: actorNamed(doc, "Deutschland")?.id, role: "AGENT", rule: "expected-supplier" },
      { actor: actorNamed(doc, "Polen")?.id, role: "RECIPIENT", rule: "expected-receiver" },
    ]);
  });
});

describe("event verbs", () => {
  it("reads an attack's aim as its target, and a separable verb only with its particle", () => {
    const { doc, event: attack } = germanEvent(
      "Nach Angaben der Armee hat Russland in der Nacht Raketen auf Odessa abgefeuert. " +
        "„Wir lassen die Ukraine nicht im Stich“, sagte Außenministerin Annalena Baerbock.",
      "19",
    );
    expect(rolesOf(doc, attack)).toEqual(["Russland AGENT", "Ukraine TARGET"]);
    // "lassen" without "frei" is not "freilassen" (CAMEO 08).
    expect(doc.events.filter((event) => event.cameo.startsWith("08"))).toEqual([]);
  });
});

describe("events that answer the one before", () => {
  it("gives a rejection without a named object the actor of the event before as its target", () => {
    const { doc, event: rejection } = germanEvent(
      "Bauernpräsident Otto Brenner forderte die Regierung auf, die Kürzung zurückzunehmen. " +
        "Finanzminister Paul Weber wies die Forderung zurück.",
      "12",
    );
    expect(rolesOf(doc, rejection)).toEqual(["Paul Weber AGENT", "Otto Brenner TARGET"]);
  });

  it("reads English event nouns and a verb form shared by two separable verbs", () => {
    const en = extract("The United States imposed new sanctions on Iran on Tuesday.", {
      language: "en",
      publishedAt: "2024-04-10",
    });
    expect(en.events.map((event) => event.cameo)).toContain("163");
    // "nahm … fest" is festnehmen (arrest), although "nahm" is annehmen's form too.
    const de = extract("Die Polizei nahm am Montag in Berlin vierzehn Demonstranten fest.", {
      language: "de",
      publishedAt: "2024-04-10",
    });
    expect(de.events.map((event) => event.cameo)).toContain("173");
  });
});

describe("event time from the occasion", () => {
  it("dates a later undated event of the story to the day of the occasion, but not a pluperfect", () => {
    const text =
      "Am Montag haben rund 5000 Landwirte in Bonn gegen die Pläne der Bundesregierung demonstriert. " +
      "Zu der Kundgebung hatte der Bauernverband aufgerufen. " +
      "Die Polizei nahm 14 Personen fest.";
    const doc = extract(text, { language: "de", publishedAt: "2024-01-16" });
    expectValidDocument(text, doc);
    const protest = doc.events.find((event) => event.cameo.startsWith("14"));
    // The German government is Germany, as "US-Regierung" is the United States.
    expect(rolesOf(doc, protest)).toContain("Deutschland TARGET");
    expect(doc.events.find((event) => event.cameo === "173")?.time?.start).toBe("2024-01-15");
    expect(doc.events.find((event) => event.cameo.startsWith("02"))?.time ?? null).toBeNull();
  });
});
