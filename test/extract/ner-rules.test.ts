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
