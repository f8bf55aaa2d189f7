import { describe, expect, it } from "vitest";
import { extract } from "../../server/extract/index.ts";
import { expectValidDocument } from "./helpers.ts";

const GERMAN =
  "Die Bundesregierung in Berlin warnte am Montag, dass Russland neue Raketen teste. „Wir nehmen das sehr ernst“, sagte Regierungssprecher Steffen Hebestreit.";
const ENGLISH =
  'President Joe Biden met Chancellor Olaf Scholz in Washington on Friday. "We stand with Ukraine," Biden said. According to Reuters, the talks lasted two hours.';

describe("offsets", () => {
  it.each([
    ["German", GERMAN],
    ["English", ENGLISH],
    ["Windows line breaks", GERMAN.replace(". „", ".\r\n\r\n„")],
    [
      "emoji and surrogate pairs",
      `🚀🇩🇪 ${GERMAN} 😀 Kommentar 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 „Das ist 👍“, sagte Kanzler Olaf Scholz.`,
    ],
    ["leading and trailing whitespace", `\n\n   ${ENGLISH}   \n\n`],
  ])("keeps every span exact: %s", (_name, text) => {
    const doc = extract(text, { publishedAt: "2024-03-08" });
    expectValidDocument(text, doc);
    expect(doc.actors.length).toBeGreaterThan(0);
  });

  it("keeps offsets exact after an emoji before a quote", () => {
    const text = "😀😀 Kanzler Olaf Scholz sagte: „Wir liefern.“";
    const doc = extract(text, { language: "de" });
    const quote = doc.quotes[0];
    expect(quote?.text).toBe("Wir liefern.");
    expect(quote && text.slice(quote.start, quote.end)).toBe("Wir liefern.");
  });

  it("keeps \\r\\n input byte for byte", () => {
    const text = "Titel der Meldung\r\nOlaf Scholz sagte am Montag in Berlin, er habe nichts gewusst.\r\n";
    const doc = extract(text, { language: "de", publishedAt: "2024-03-08" });
    expectValidDocument(text, doc);
    expect(doc.segments.map((segment) => segment.kind)).toEqual(["TITLE", "BODY"]);
  });
});
