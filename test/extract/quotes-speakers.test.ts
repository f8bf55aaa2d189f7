import { describe, expect, it } from "vitest";
import { extract } from "../../server/extract/index.ts";
import type { AnnotationDocument } from "../../server/extract/types.ts";
import { expectValidDocument } from "./helpers.ts";

// Sentences written for these tests, one speaker rule each.
const quoteOf = (doc: AnnotationDocument, start: string) => doc.quotes.find((q) => q.text.startsWith(start));
const speakerOf = (doc: AnnotationDocument, start: string) => {
  const quote = quoteOf(doc, start);
  return doc.actors.find((actor) => actor.id === quote?.speaker)?.name ?? null;
};
const run = (text: string) => {
  const doc = extract(text, { language: "de", publishedAt: "2024-03-01" });
  expectValidDocument(text, doc);
  return doc;
};

describe("German speakers without a frame at the quote", () => {
  it("gives a free-standing quote to the subject of the sentence before", () => {
    const doc = run(
      "Der Brief wurde von drei Abgeordneten unterzeichnet. Sadiq Khan, einer der Unterzeichner, verurteilte die Haltung der Regierung. " +
        "„Diese Regierung hat große Erfolge in der Außenpolitik, aber diese Politik ist ungerecht.“",
    );
    expect(speakerOf(doc, "Diese Regierung hat")).toBe("Sadiq Khan");
  });

  it("reads 'Das sagte X' right after a quote", () => {
    const doc = run(
      "Die Debatte begann am Dienstag. „Ja, es gibt Zumutungen für alle.“ Das musste Finanzminister Peer Steinbrück zu Beginn der Debatte einräumen.",
    );
    expect(speakerOf(doc, "Ja, es gibt Zumutungen")).toBe("Peer Steinbrück");
  });

  it("reads the subject of a colon sentence without a speech verb", () => {
    const doc = run(
      "Der Innenminister Giuliano Amato zeigte sich besorgt, dass die Fehden ins Ausland getragen würden: „Das hat es noch nicht gegeben.“",
    );
    expect(speakerOf(doc, "Das hat es noch nicht")).toBe("Giuliano Amato");
  });

  it("steps over a parenthesis between the subject and the speech verb", () => {
    const doc = run(
      "Damit ist die Marke unterschritten, die Gerhard Schröder in seiner Amtszeit (1998 bis 2002) zum Ziel erklärt hatte: „Ich rechne damit, dass es uns gelingt.“",
    );
    expect(speakerOf(doc, "Ich rechne damit")).toBe("Gerhard Schröder");
  });
});

describe("German Konjunktiv and source markers", () => {
  it("gives a Konjunktiv clause to the subject of its main clause", () => {
    const doc = run(
      "Die Anhörung dauerte drei Tage. Die Experten der Kommission kamen zu dem Ergebnis, dass es keinerlei Beweise für die Vorwürfe gebe.",
    );
    const quote = quoteOf(doc, "es keinerlei Beweise");
    expect(quote?.speakerMention?.text).toContain("Die Experten");
    expect(quote?.confidence).toBeGreaterThan(0.5);
  });

  it("continues with the subject of the sentence before when no report precedes", () => {
    const doc = run(
      "Bundestagspräsident Norbert Lammert würdigte die Bundeswehr als ein Kind des Kalten Krieges. " +
        "Die Bundeswehr sei eine Armee des Friedens und der Integration.",
    );
    expect(speakerOf(doc, "Die Bundeswehr sei")).toBe("Norbert Lammert");
  });

  it("reads an inserted so-frame inside a Konjunktiv sentence", () => {
    const doc = run(
      "Die Kampagne war erfolgreich. Doch sei es, so der Schriftsteller Musa Okwanga in einem Blog, eine gefährliche Vereinfachung.",
    );
    expect(speakerOf(doc, "Doch sei es")).toBe("Musa Okwanga");
  });

  it("keeps the source of 'Demnach' as the earlier speaker, named by 'Demnach'", () => {
    const doc = run(
      "Das Nachrichtenmagazin Focus berichtete, die Regierung habe die Pläne geändert. Demnach habe der Minister den Bericht gekannt.",
    );
    const quote = quoteOf(doc, "Demnach habe");
    expect(quote?.speakerMention?.text).toBe("Demnach");
    expect(quote?.speaker).toBe(quoteOf(doc, "die Regierung habe")?.speaker);
  });

  it("makes a channel the source when no actor is named: 'Nach Polizeiangaben', 'ersten Angaben zufolge', 'laut taz'", () => {
    const doc = run(
      "Nach Polizeiangaben haben sich etwa tausend Autonome formiert. " +
        "Bei dem Angriff starben ersten Angaben zufolge vier Menschen. " +
        "Am Dienstag wurde laut taz erneut deutlich gemacht, dass die Lage ernst ist.",
    );
    expect(quoteOf(doc, "haben sich etwa")?.speakerMention?.text).toBe("Polizeiangaben");
    expect(doc.quotes.find((q) => q.text.includes("vier Menschen"))?.speakerMention?.text).toBe(
      "ersten Angaben",
    );
    expect(doc.quotes.find((q) => q.text.includes("erneut deutlich"))?.speakerMention?.text).toBe("taz");
    for (const quote of doc.quotes) expect(quote.speaker).not.toBeNull();
  });

  it("does not resolve 'er' to a plural common noun read as a name", () => {
    const doc = run(
      "Der Vizekanzler Franz Müntefering hat seinen Rücktritt verkündet. Er begründete den Schritt vor Journalisten mit der Erkrankung seiner Frau. " +
        "„Es ist ausschließlich dieser private Grund“, teilte er mit.",
    );
    expect(speakerOf(doc, "Es ist ausschließlich")).toBe("Franz Müntefering");
  });
});

describe("German speaker phrases", () => {
  it("reads 'Als Begründung sagte X' as a verb-second clause", () => {
    const doc = run(
      "Die Forscher stellten ihre Studie vor. Als Begründung sagte ein Wissenschaftler der Universität: „Das ist ein sehr breites Feld an Erkrankungen.“",
    );
    expect(quoteOf(doc, "Das ist ein sehr breites")?.speakerMention?.text).toContain("ein Wissenschaftler");
  });

  it("skips the addressee after 'gegenüber'", () => {
    const doc = run(
      "„Die Boote sind im Einsatz“, sagte gegenüber der Nachrichtenagentur AFP der Polizeichef Tegaye Mununhe.",
    );
    expect(speakerOf(doc, "Die Boote sind")).toBe("Tegaye Mununhe");
  });

  it("reads the holder of a view after 'für' right before a partial quote", () => {
    const doc = run(
      "Die Reform wurde beschlossen. Was für Ministerin Elisabeth Heister-Neumann eine „flexiblere Handhabe“ ist, sehen andere anders.",
    );
    expect(speakerOf(doc, "flexiblere Handhabe")).toBe("Elisabeth Heister-Neumann");
  });

  it("resolves a relative pronoun subject to the actor before the comma", () => {
    const doc = run(
      "Der Politiker Felipe González, der gegenüber mehreren Zeitungen bekräftigte, dass er für das Amt nicht zur Verfügung stehe, reiste ab.",
    );
    expect(speakerOf(doc, "er für das Amt")).toBe("Felipe González");
  });

  it("lets a pronoun stand for a person noun when no name came before", () => {
    const doc = run(
      "Anschließend verschanzte sich der Mann auf der Toilette. Er erklärte einem Angestellten, dass er eine Bombe bei sich trage.",
    );
    const quote = quoteOf(doc, "er eine Bombe");
    expect(quote?.speakerMention?.text).toBe("Er");
    expect(doc.actors.find((a) => a.id === quote?.speaker)?.mentions.map((m) => m.text)).toContain(
      "der Mann",
    );
  });

  it("does not take an accusative object after the verb for the speaker", () => {
    const doc = run("Nach dem Spiel nannte Stürmer Miroslav Klose seinen Platzverweis „völlig überzogen“.");
    const quote = quoteOf(doc, "völlig überzogen");
    expect(quote?.speakerMention?.text ?? "").not.toContain("Platzverweis");
  });
});

describe("German speakers the frame names indirectly", () => {
  it("reads a name in quotation marks before a speech verb as the speaker, not as quoted words", () => {
    const doc = run(
      "Der „Bund für Umwelt und Naturschutz“ kritisiert, der Plan komme zu spät. " +
        "Eine Sprecherin der „Initiative Lebenswertes Hamburg“ sagte, man werde klagen.",
    );
    expect(doc.quotes.map((quote) => quote.text)).not.toContain("Bund für Umwelt und Naturschutz");
    expect(speakerOf(doc, "der Plan komme")).toBe("Bund für Umwelt und Naturschutz");
    // The names inside the marks (Hamburg) do not speak; the organisation does.
    expect(speakerOf(doc, "man werde klagen")).toBe("Initiative Lebenswertes Hamburg");
  });

  it("gives the words after 'zitierte X mit den Worten' to X, not to the words", () => {
    const doc = run(
      "Der Sender zitierte Ministerin Petra Albers mit den Worten: „Wir lassen niemanden zurück.“",
    );
    expect(speakerOf(doc, "Wir lassen niemanden")).toBe("Petra Albers");
  });

  it("reads 'der SPD-Politiker', 'die 54-Jährige' as the person just named", () => {
    const doc = run(
      "Innenministerin Karin Hollerbach besuchte am Montag die Feuerwache. „Die Lage ist ernst“, sagte die 54-Jährige. " +
        "Bürgermeister Jens Albrecht widersprach. „Wir haben genug Personal“, sagte der SPD-Politiker.",
    );
    expect(speakerOf(doc, "Die Lage ist ernst")).toBe("Karin Hollerbach");
    expect(speakerOf(doc, "Wir haben genug")).toBe("Jens Albrecht");
    expect(doc.actors.map((actor) => actor.name)).not.toContain("SPD-Politiker");
  });

  it("reads an infinitive with 'zu' after a speech verb as what was announced or demanded", () => {
    const doc = run(
      "Die Staatsanwältin Eva Kranz kündigte an, das Urteil prüfen zu wollen. " +
        "Bauernpräsident Otto Brenner forderte die Regierung auf, die Kürzung zurückzunehmen.",
    );
    expect(speakerOf(doc, "das Urteil prüfen zu wollen")).toBe("Eva Kranz");
    expect(speakerOf(doc, "die Kürzung zurückzunehmen")).toBe("Otto Brenner");
  });

  it("reads 'sagte der Lette' as the Latvian just named, not as Latvia", () => {
    const doc = run(
      "EU-Kommissar Valdis Ozols verteidigte die Zölle. „Wir wollen keinen Streit“, sagte der Lette.",
    );
    expect(speakerOf(doc, "Wir wollen keinen Streit")).toBe("Valdis Ozols");
    const latvia = doc.actors.find((actor) => actor.name === "Lettland");
    expect(latvia?.mentions.map((mention) => mention.text) ?? []).not.toContain("der Lette");
  });

  it("ends the phrase after the verb where its object begins", () => {
    const doc = run(
      "Präsident Jonas Ahrens sprach am Abend. Erneut forderte der 58-Jährige die Partner auf, mehr Hilfe zu schicken.",
    );
    expect(speakerOf(doc, "mehr Hilfe zu schicken")).toBe("Jonas Ahrens");
  });

  it("reads a source in marks after 'laut'", () => {
    const doc = run("Laut „Tagesspiegel“ soll das Gesetz im Frühjahr kommen.");
    expect(speakerOf(doc, "soll das Gesetz")).toBe("Tagesspiegel");
  });

  it("gives a fragment to the holder named by 'für' far before it", () => {
    const doc = run(
      "Für den niedersächsischen Landwirtschaftsminister Jan Berger ist die Lage in den betroffenen Betrieben „sehr ernst“.",
    );
    expect(speakerOf(doc, "sehr ernst")).toBe("Jan Berger");
  });
});
