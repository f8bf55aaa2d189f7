import { describe, expect, it } from "vitest";
import { extract } from "../../server/extract/index.ts";
import type { AnnotationDocument } from "../../server/extract/types.ts";
import { seedText } from "../helpers.ts";
import { actorNamed, expectValidDocument } from "./helpers.ts";

describe("seed article (nordkorea-russland-waffen.txt, shipped in prisma/seed/)", () => {
  const text = seedText;
  const doc: AnnotationDocument = extract(text, { language: "de", publishedAt: "2023-10-14" });
  const actor = (name: string) => {
    const found = actorNamed(doc, name);
    if (!found) throw new Error(`no actor ${name}`);
    return found;
  };
  const mentionTexts = (name: string) => actor(name).mentions.map((m) => m.text);

  it("is a valid document", () => {
    expectValidDocument(text, doc);
  });

  it("separates the body from the cookie banner and the reader comment", () => {
    const kinds = doc.segments.map((s) => s.kind);
    expect(kinds).toEqual(["BODY", "BOILERPLATE", "COMMENT"]);
    const body = doc.segments[0];
    expect(text.slice(body?.start ?? 0, body?.end ?? 0)).toContain("so heißt es.");
    expect(text.slice(doc.segments[1]?.start ?? 0)).toMatch(/^We use Cookies\./u);
    expect(doc.actors.some((a) => a.name.includes("Jelzin") || a.aliases.includes("Jelzin"))).toBe(false);
  });

  it("finds the countries with their metonyms and demonyms", () => {
    expect(mentionTexts("Russland")).toEqual(expect.arrayContaining(["Moskau", "die Russen", "Russland"]));
    expect(mentionTexts("Nordkorea")).toEqual(expect.arrayContaining(["Pjöngjang", "Nordkorea"]));
    expect(mentionTexts("USA")).toEqual(expect.arrayContaining(["Washington", "USA"]));
    expect(mentionTexts("USA").some((m) => m.includes("US-Regierung"))).toBe(true);
    expect(actor("Israel").kind).toBe("COUNTRY");
    expect(actor("Ukraine").kind).toBe("COUNTRY");
    expect(actor("Russland").wikidataId).toBe("Q159");
  });

  it("finds the people, resolving surnames, genitives and role phrases", () => {
    const kim = actor("Kim Jong Un");
    expect(kim.wikidataId).toBe("Q56226");
    expect(kim.mentions.map((m) => m.text)).toEqual(
      expect.arrayContaining(["Kim", "Kims", "dem nordkoreanischen Machthaber"]),
    );
    const putin = actor("Wladimir Putin");
    expect(putin.mentions.map((m) => m.text)).toEqual(
      expect.arrayContaining(["Putin", "der russische Präsident"]),
    );
    expect(actor("John Kirby").description).toBe("Kommunikationsdirektor des Nationalen Sicherheitsrats");
    expect(actor("Dmitri Peskow").description).toBe("Kreml-Sprecher");
    expect(actor("KCNA").mentions.map((m) => m.text)).toEqual(["KNCA"]);
    expect(actor("Nationaler Sicherheitsrat").kind).toBe("ORGANIZATION");
    for (const place of ["Rason", "Dunai", "Wostotschny"]) expect(actor(place).kind).toBe("PLACE");
    expect(
      doc.actors
        .filter((a) => a.kind === "PERSON")
        .map((a) => a.name)
        .sort(),
    ).toEqual(["Dmitri Peskow", "John Kirby", "Kim Jong Un", "Wladimir Putin"].sort());
  });

  it("finds the quotes with their speakers", () => {
    const quote = (start: string) => doc.quotes.find((q) => q.text.startsWith(start));
    expect(quote("Wir beobachten genau")).toMatchObject({ kind: "DIRECT", speaker: actor("John Kirby").id });
    expect(quote("Unsere Länder kooperieren")).toMatchObject({
      kind: "DIRECT",
      speaker: actor("Dmitri Peskow").id,
    });
    expect(quote("er habe mit Putin")).toMatchObject({
      kind: "MIXED",
      speaker: actor("Kim Jong Un").id,
      via: actor("KCNA").id,
    });
    expect(quote("Möglichkeiten")).toMatchObject({ kind: "PARTIAL", speaker: actor("Wladimir Putin").id });
    const hearsay = quote("Eine entsprechende Einladung");
    expect(hearsay?.cue?.text).toBe("so heißt es");
    expect([null, actor("nordkoreanische Medien").id]).toContain(hearsay?.speaker);
    expect(quote("Nordkorea die Russen")).toMatchObject({ kind: "INDIRECT", speaker: actor("USA").id });
  });

  it("finds the events", () => {
    const id = (name: string) => actor(name).id;
    const supply = doc.events.find((e) => e.trigger.text === "beliefert");
    expect(supply).toMatchObject({ cameo: "07", modality: "REPORTED", attributedTo: id("USA") });
    expect(supply?.participants).toEqual([
      { actor: id("Nordkorea"), role: "AGENT", rule: "first-actor" },
      { actor: id("Russland"), role: "RECIPIENT", rule: "later-actor" },
    ]);
    const release = doc.events.find((e) => e.trigger.text === "veröffentlichte");
    expect(release?.time).toMatchObject({ start: "2023-10-13", end: "2023-10-13", precision: "DAY" });
    const meeting = doc.events.find((e) => e.trigger.text === "Treffen" && e.time?.precision === "MONTH");
    expect(meeting?.cameo.slice(0, 2)).toBe("04");
    expect(meeting?.time).toMatchObject({ start: "2023-09-01", end: "2023-09-30" });
    expect(meeting?.participants.map((p) => p.actor).sort()).toEqual(
      [id("Kim Jong Un"), id("Wladimir Putin")].sort(),
    );
    const received = doc.events.find((e) => e.trigger.text === "empfangen");
    expect(received).toMatchObject({ place: id("Wostotschny") });
    const travel = doc.events.find((e) => e.trigger.text === "reisen");
    expect(travel).toMatchObject({ modality: "PLANNED", attributedTo: id("nordkoreanische Medien") });
    expect(travel?.time).toMatchObject({ precision: "VAGUE", direction: "FUTURE" });
    expect(travel?.participants[0]).toEqual({
      actor: id("Wladimir Putin"),
      role: "AGENT",
      rule: "first-actor",
    });
    const shipped = doc.events.find((e) => e.trigger.text === "verschifft");
    expect(shipped?.participants).toEqual([
      { actor: id("Nordkorea"), role: "AGENT", rule: "aid-source" },
      { actor: id("Russland"), role: "RECIPIENT", rule: "visit-goal" },
    ]);
    expect(shipped?.place).toBe(id("Dunai"));
    const accepted = doc.events.find((e) => e.trigger.text === "angenommen");
    expect(accepted?.modality).toBe("REPORTED");
    // The images were released on Friday; the transport they show ran 7 September – 1 October.
    const transport = doc.events.filter((e) => e.cameo.startsWith("07") && e.time);
    expect(transport.map((e) => e.time?.start)).not.toContain("2023-10-13");
    expect(transport.some((e) => e.time?.start === "2023-09-07" && e.time.end === "2023-10-01")).toBe(true);
    const expected = doc.events.find((e) => e.modality === "EXPECTED");
    expect(expected?.cameo).toBe("07");
    expect(expected?.participants).toEqual([
      { actor: id("Russland"), role: "AGENT", rule: "expected-supplier" },
      { actor: id("Nordkorea"), role: "RECIPIENT", rule: "expected-receiver" },
    ]);
  });
});
