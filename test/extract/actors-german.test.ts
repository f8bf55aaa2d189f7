import { describe, expect, it } from "vitest";
import { extract } from "../../server/extract/index.ts";

// Sentences written for this test: descriptions of German actors in the nominative.
function described(text: string, name: string): string | null | undefined {
  return extract(text, { language: "de" }).actors.find((actor) => actor.name === name)?.description;
}

describe("German actor descriptions", () => {
  it("puts a dative role phrase into the nominative", () => {
    const text = "Das sagte Wladimir Putin. Dem russischen Präsidenten zufolge gab es keine Angriffe.";
    expect(described(text, "Wladimir Putin")).toBe("russischer Präsident");
  });

  it("declines the adjective by the noun's gender", () => {
    const text = "Die Aussage der ehemaligen Finanzministerin Maria Schneider überraschte alle.";
    expect(described(text, "Maria Schneider")).toBe("ehemalige Finanzministerin");
  });

  it("keeps a hyphenated role noun and a genitive complement as they are", () => {
    expect(
      described("Gestern traf er den stellvertretenden Kreml-Sprecher Dmitri Peskow.", "Dmitri Peskow"),
    ).toBe("stellvertretender Kreml-Sprecher");
    const text = "Der Sprecher des Nationalen Sicherheitsrats, John Kirby, schwieg.";
    expect(described(text, "John Kirby")).toBe("Sprecher des Nationalen Sicherheitsrats");
  });

  it("names an organisation in the nominative with indeclinable town adjectives intact", () => {
    const names = extract("Das meldete die Frankfurter Polizei dem Nationalen Sicherheitsrat.", {
      language: "de",
    }).actors.map((actor) => actor.name);
    expect(names).toContain("Frankfurter Polizei");
    expect(names).toContain("Nationaler Sicherheitsrat");
  });
});
