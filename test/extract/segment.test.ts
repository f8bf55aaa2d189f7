import { describe, expect, it } from "vitest";
import { extract } from "../../server/extract/index.ts";
import { segment } from "../../server/extract/segment.ts";
import { expectValidDocument } from "./helpers.ts";

describe("segments", () => {
  it("covers the text without gaps and classifies page junk", () => {
    const text = [
      "Neue Sanktionen gegen Iran",
      "",
      "Brüssel (dpa) - Die EU hat neue Sanktionen gegen Iran beschlossen. Das teilte der Rat am Dienstag mit.",
      "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.",
      "Foto: Max Mustermann/dpa",
      "Artikel teilen",
      "Newsletter abonnieren",
      "(dpa/afp)",
      "Kommentare anzeigen",
      "Angela Merkel hätte das nie erlaubt. Schade!",
    ].join("\n");
    const segments = segment(text);
    const kinds = segments.map((s) => [s.kind, text.slice(s.start, s.end).trim().split("\n")[0]]);
    expect(kinds[0]).toEqual(["TITLE", "Neue Sanktionen gegen Iran"]);
    expect(kinds[1]?.[0]).toBe("BODY");
    expect(kinds.at(-1)).toEqual(["COMMENT", "Angela Merkel hätte das nie erlaubt. Schade!"]);
    const boilerplate = segments
      .filter((s) => s.kind === "BOILERPLATE")
      .map((s) => text.slice(s.start, s.end));
    expect(boilerplate.join("")).toContain("Cookies");
    expect(boilerplate.join("")).toContain("Foto: Max Mustermann/dpa");
    expect(boilerplate.join("")).toContain("(dpa/afp)");
    expect(boilerplate.join("")).toContain("Kommentare anzeigen");
  });

  it("extracts nothing from boilerplate or reader comments", () => {
    const text =
      'Olaf Scholz traf am Montag Emmanuel Macron in Paris.\nWe use cookies to improve your experience.\nShare this article\n12 Comments\nBoris Johnson would have done better, says Nigel Farage: "A disgrace."';
    const doc = extract(text, { language: "en", publishedAt: "2024-03-08" });
    expectValidDocument(text, doc);
    const bodyEnd = doc.segments.find((s) => s.kind === "BODY")?.end ?? 0;
    for (const actor of doc.actors)
      for (const mention of actor.mentions) expect(mention.end).toBeLessThanOrEqual(bodyEnd);
    for (const quote of doc.quotes) expect(quote.end).toBeLessThanOrEqual(bodyEnd);
    expect(doc.actors.some((actor) => actor.name.includes("Johnson") || actor.name.includes("Farage"))).toBe(
      false,
    );
    expect(doc.segments.at(-1)?.kind).toBe("COMMENT");
  });

  it("reads wire sign-offs, section links and a labelled reader comment as junk and comment", () => {
    const text = [
      "Talks resume in Vienna",
      "VIENNA (Reuters) - Negotiators resumed talks on Monday, officials said.",
      "Reporting by Anna Berg; Editing by Tom Wells",
      "Mehr aus dem Ressort Wirtschaft",
      "Reader comment: This will never work. Ask Berlin.",
    ].join("\n");
    const kindOf = (line: string) => {
      const at = text.indexOf(line);
      return segment(text).find((s) => s.start <= at && at < s.end)?.kind;
    };
    expect(kindOf("Reporting by Anna Berg")).toBe("BOILERPLATE");
    expect(kindOf("Mehr aus dem Ressort")).toBe("BOILERPLATE");
    expect(kindOf("Reader comment:")).toBe("COMMENT");
    expect(extract(text, { language: "en" }).actors.map((actor) => actor.name)).not.toContain("Anna Berg");
  });

  it("handles a text of one line", () => {
    const text = "Kurz und knapp.";
    expect(segment(text)).toEqual([{ kind: "BODY", start: 0, end: text.length }]);
  });
});

describe("long lines", () => {
  it("keep an article that mentions Datenschutz or cookies as body, even without line breaks", () => {
    const text =
      "Der Vertreter der Arbeitgeber hat in einem Interview gefordert, dass der Datenschutz gelockert werden solle, um Betrugsfälle besser aufdecken zu können. " +
      "Derzeit sei der Abgleich von Daten mit dem Finanzamt einfacher möglich, sagte er. Umstritten ist, ob der Vorschlag etwas nutzt. " +
      "Ein Sachbearbeiter sagte, es sei eher unwahrscheinlich, dass jemand, der gegenüber dem Amt lüge, auf dem Finanzamt richtige Angaben mache.";
    expect(extract(text, { language: "de" }).segments).toEqual([
      { kind: "BODY", start: 0, end: text.length },
    ]);
  });
});
