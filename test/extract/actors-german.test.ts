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

describe("German persons no lexicon knows", () => {
  // Written for this test: a leader with an invented name, then his surname and a role phrase.
  const text =
    "Tomas Varga hat die Wahl in Ungarn gewonnen. Am Montag traf der ungarische Regierungschef den Papst. " +
    "Vargas Sieg kam überraschend, und Varga dankte den Wählern.";
  const doc = extract(text, { language: "de", publishedAt: "2024-04-10" });

  it("is one actor across full name, surname and genitive", () => {
    const people = doc.actors.filter((actor) => actor.kind === "PERSON");
    const varga = people.find((actor) => actor.name === "Tomas Varga");
    expect(varga?.mentions.map((mention) => mention.text)).toEqual(
      expect.arrayContaining(["Tomas Varga", "Vargas", "Varga"]),
    );
    expect(people.filter((actor) => actor.name.includes("Varga"))).toHaveLength(1);
  });

  it("takes a country's leader described without a name for the one person just named", () => {
    const varga = doc.actors.find((actor) => actor.name === "Tomas Varga");
    expect(varga?.mentions.map((mention) => mention.text)).toContain("der ungarische Regierungschef");
  });
});

describe("German institutions and offices", () => {
  it("names a state's ministry or air force as an organisation, which its spokesman speaks for", () => {
    const text =
      "Ein Sprecher des russischen Verteidigungsministeriums sagte, es habe keine Verluste gegeben. " +
      "Nach Angaben der ukrainischen Luftwaffe wurden zwölf Drohnen abgeschossen.";
    const doc = extract(text, { language: "de", publishedAt: "2024-05-02" });
    const names = doc.actors.filter((actor) => actor.kind === "ORGANIZATION").map((actor) => actor.name);
    expect(names).toEqual(
      expect.arrayContaining(["russisches Verteidigungsministerium", "ukrainische Luftwaffe"]),
    );
    const speaker = doc.quotes.find((quote) => quote.text.startsWith("es habe keine"))?.speaker;
    expect(doc.actors.find((actor) => actor.id === speaker)?.name).toBe(
      "russisches Verteidigungsministerium",
    );
  });

  it("takes 'der Premier' for the Ministerpräsident named before", () => {
    const text =
      "Ministerpräsident Karel Novák rief den Notstand aus. Der Premier sprach von einer Katastrophe.";
    const doc = extract(text, { language: "de", publishedAt: "2024-05-02" });
    const novak = doc.actors.find((actor) => actor.name === "Karel Novák");
    expect(novak?.mentions.map((mention) => mention.text)).toContain("Der Premier");
  });
});
