import { describe, expect, it } from "vitest";
import { sentences } from "../../server/extract/sentences.ts";

// Sentences written for this test: where the sentence splitter needs help.
const split = (text: string) =>
  sentences(text, [{ kind: "BODY", start: 0, end: text.length }], "de").map((s) => s.text);

describe("German sentences", () => {
  it("ends a sentence before a capital umlaut", () => {
    expect(split("Er will einkaufen. Über die Sache sprach er nicht.")).toEqual([
      "Er will einkaufen.",
      "Über die Sache sprach er nicht.",
    ]);
  });

  it("ends a sentence after a closing guillemet and before an opening one", () => {
    expect(split("Er sprach von »Terror«. Dann bat er um Hilfe. »Jedes System zählt«, sagte er.")).toEqual([
      "Er sprach von »Terror«.",
      "Dann bat er um Hilfe.",
      "»Jedes System zählt«, sagte er.",
    ]);
  });

  it("keeps an abbreviation inside its sentence", () => {
    expect(split("Er kam bzw. Österreich schickte ihn.")).toHaveLength(1);
  });
});

describe("Long paragraphs and sentences", () => {
  const paragraph =
    "Der Minister reiste am Montag nach Paris. „Wir stehen fest an der Seite unserer Partner“, sagte er dort. " +
    "Die Opposition kritisierte die Reise (sie sei zu teuer gewesen). Über die Kosten sprach er nicht.";

  it("splits a paragraph longer than any article into the sentences of its parts", () => {
    const copies = 300; // about 60,000 characters in one line, as a text without line breaks comes
    const text = Array.from({ length: copies }, () => paragraph).join(" ");
    const one = split(paragraph);
    expect(one.length).toBeGreaterThan(2);
    expect(split(text)).toEqual(Array.from({ length: copies }, () => one).flat());
  });

  it("cuts a sentence longer than 1,500 characters at a comma or a space, offsets exact", () => {
    const text = `${"Die Regierung sagte am Montag in Berlin, dass die Lage ernst sei und ".repeat(200)}Ende.`;
    const found = sentences(text, [{ kind: "BODY", start: 0, end: text.length }], "de");
    expect(found.length).toBeGreaterThan(9);
    for (const sentence of found) {
      expect(sentence.end - sentence.start).toBeLessThanOrEqual(1_500);
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
      expect(sentence.text).toBe(sentence.text.trim());
    }
    expect(found.map((sentence) => sentence.text).join(" ")).toBe(text);
    expect(found.slice(0, -1).every((sentence) => sentence.text.endsWith(","))).toBe(true);
  });
});
