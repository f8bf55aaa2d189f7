import { describe, expect, it } from "vitest";
import { extract } from "../../server/extract/index.ts";
import { actorNamed, expectValidDocument } from "./helpers.ts";

describe("event participants", () => {
  it("gives both sides of a meeting 'zwischen A und B' the same role", () => {
    const text =
      "Am Dienstag kam es in Genf zu einem Treffen zwischen Olaf Scholz und dem französischen Präsidenten Emmanuel Macron.";
    const doc = extract(text, { language: "de", publishedAt: "2024-03-07" });
    expectValidDocument(text, doc);
    const meeting = doc.events.find((event) => event.cameo.startsWith("04"));
    const scholz = actorNamed(doc, "Olaf Scholz");
    const macron = actorNamed(doc, "Emmanuel Macron");
    expect(meeting?.participants).toEqual(
      expect.arrayContaining([
        { actor: scholz?.id, role: "PARTICIPANT" },
        { actor: macron?.id, role: "PARTICIPANT" },
      ]),
    );
    expect(meeting?.summary).toMatch(/Olaf Scholz – Treffen – Emmanuel Macron/);
  });
});
