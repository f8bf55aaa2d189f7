import { describe, expect, it } from "vitest";
import { extract } from "../../server/extract/index.ts";
import type { ActorKind } from "../../server/extract/types.ts";

// Sentences written for this test: one rule of the entity side each.
function mentions(text: string): string[] {
  const doc = extract(text, { language: "de" });
  return doc.actors
    .flatMap((actor) => actor.mentions.map((mention) => `${actor.kind}:${mention.text}`))
    .sort();
}

function has(text: string, kind: ActorKind, surface: string): boolean {
  return mentions(text).includes(`${kind}:${surface}`);
}

describe("named entity rules", () => {
  it("keeps towns whose names look like compounds", () => {
    expect(has("Sie hat in Freiburg studiert und in Darmstadt gearbeitet.", "PLACE", "Freiburg")).toBe(true);
    expect(has("Sie hat in Freiburg studiert und in Darmstadt gearbeitet.", "PLACE", "Darmstadt")).toBe(true);
  });

  it("continues a list of places", () => {
    const text = "Sie wohnte in Bern, Kumpula und Oikari.";
    expect(has(text, "PLACE", "Kumpula")).toBe(true);
    expect(has(text, "PLACE", "Oikari")).toBe(true);
  });

  it("reads hyphenated given names and initials", () => {
    expect(has("Gestern sagte Frank-Jürgen Weise in Nürnberg nichts.", "PERSON", "Frank-Jürgen Weise")).toBe(
      true,
    );
    expect(has("Das Buch schrieb gestern A. Wiegemann in Bonn.", "PERSON", "A. Wiegemann")).toBe(true);
  });

  it("finds clubs, companies with legal forms and bodies named by their purpose", () => {
    expect(has("Er spielte beim MSV Duisburg.", "ORGANIZATION", "MSV Duisburg")).toBe(true);
    expect(has("Er wechselte zu Bayer Leverkusen.", "ORGANIZATION", "Bayer Leverkusen")).toBe(true);
    expect(has("Die Auszubildenden der Läpple AG gewannen.", "ORGANIZATION", "Läpple AG")).toBe(true);
    expect(has("Das Bundesamt für Gesundheit hat gewarnt.", "ORGANIZATION", "Bundesamt für Gesundheit")).toBe(
      true,
    );
    expect(has("Dagegen gaben General Motors und Ford nach.", "ORGANIZATION", "General Motors")).toBe(true);
  });

  it("finds streets named after something, not common compounds", () => {
    expect(has("Das Haus steht in der Schwabacher Straße.", "PLACE", "Schwabacher Straße")).toBe(true);
    expect(mentions("Der Sammelplatz liegt hinter dem Haus.")).toEqual([]);
  });

  it("does not take abbreviations and genitive nouns for names", () => {
    expect(mentions("Der Verlust betrug 7 Mio. Euro am Ende des Jahres.")).toEqual([]);
  });
});

describe("organisation names", () => {
  it("reads a demonym before an organisation noun as part of the name", () => {
    expect(
      has("Das berichtete sie der Deutschen Presse-Agentur.", "ORGANIZATION", "Deutschen Presse-Agentur"),
    ).toBe(true);
  });

  it("keeps an adjective that looks like a role and the institution's town", () => {
    expect(has("Der Oberste Gerichtshof hat entschieden.", "ORGANIZATION", "Oberste Gerichtshof")).toBe(true);
    const text = "Sie promovierte an der Medizinischen Hochschule Hannover über Narkosen.";
    expect(has(text, "ORGANIZATION", "Medizinischen Hochschule Hannover")).toBe(true);
  });

  it("takes English names of bodies and places for what their last word says", () => {
    expect(has("Im Krieg flog die Royal Air Force viele Einsätze.", "ORGANIZATION", "Royal Air Force")).toBe(
      true,
    );
    expect(has("Im Finale der Champions League spielte er nicht.", "ORGANIZATION", "Champions League")).toBe(
      true,
    );
    expect(has("Sein Haus stand am Ufer des Hudson River.", "PLACE", "Hudson River")).toBe(true);
  });

  it("does not take two-letter abbreviations or acronyms one letter off a known one for organisations", () => {
    expect(mentions("Die Karten speicherten 32 KB oder 128 KB.")).toEqual([]);
    expect(mentions("Die Zellen verbrauchen dabei viel ATP.")).toEqual([]);
  });
});

describe("places named by direction", () => {
  it("finds a region of a known country or continent", () => {
    expect(has("Viele Betriebe in Ostdeutschland suchen Fachkräfte.", "PLACE", "Ostdeutschland")).toBe(true);
    expect(has("Die Küsten Nordafrikas sind heiß.", "PLACE", "Nordafrikas")).toBe(true);
  });
});

describe("people", () => {
  it("does not take a lone unknown word after an article for a person", () => {
    expect(mentions("Die politischen Risiken ließen die Anleger zögern.")).toEqual([]);
  });

  it("still finds a lone given name after an article", () => {
    expect(has("Wieder einmal hatte die kleine Laura gewonnen.", "PERSON", "Laura")).toBe(true);
  });

  it("makes no person of a role noun used as a predicate or alone", () => {
    expect(mentions("Im Jahr 1994 trat er als Kandidat an.")).toEqual([]);
    const kinds = extract("Forscher wiesen anhand des Schädels eine neue Art nach.", {
      language: "de",
    }).actors.map((actor) => actor.kind);
    expect(kinds).not.toContain("PERSON");
  });
});

describe("demonyms", () => {
  it("lets the mention of a demonym cover its article, numerals and adjectives", () => {
    expect(has("Soldaten nahmen gestern drei Palästinenser fest.", "COUNTRY", "drei Palästinenser")).toBe(
      true,
    );
  });

  it("reads a demonym before a state noun as the state", () => {
    expect(has("Das zeigte die schwache Lage der Schweizer Armee.", "COUNTRY", "der Schweizer Armee")).toBe(
      true,
    );
  });
});
