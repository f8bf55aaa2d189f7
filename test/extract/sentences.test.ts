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
