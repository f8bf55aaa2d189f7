import { describe, expect, it } from "vitest";
import { extract } from "../../server/extract/index.ts";
import type { AnnotationDocument } from "../../server/extract/types.ts";
import { actorNamed, expectValidDocument } from "./helpers.ts";

// Written for this test.
const TEXT = `Biden hosts Japanese leader at White House
WASHINGTON (Reuters) - U.S. President Joe Biden met Japanese Prime Minister Fumio Kishida at the White House on Wednesday. "Our alliance has never been stronger," Biden told reporters after the meeting. Kishida said that Japan would double its defense spending by 2027. According to the Pentagon, the two countries will sign a new agreement soon. "We are ready," said Defense Secretary Lloyd Austin. He added that China had not been invited.
Sign up for our newsletter`;

describe("English article", () => {
  const doc = extract(TEXT, { publishedAt: "2024-04-12" });
  const id = (name: string) => actorNamed(doc, name)?.id;

  it("is valid and detected as English", () => {
    expect(doc.language).toBe("en");
    expectValidDocument(TEXT, doc);
    expect(doc.segments.at(-1)?.kind).toBe("BOILERPLATE");
  });

  it("finds actors with English names and descriptions", () => {
    expect(actorNamed(doc, "Joe Biden")?.wikidataId).toBe("Q6279");
    expect(actorNamed(doc, "United States")?.mentions.map((m) => m.text)).toContain("White House");
    expect(actorNamed(doc, "Lloyd Austin")?.description).toBe("Defense Secretary");
    expect(actorNamed(doc, "Fumio Kishida")?.kind).toBe("PERSON");
  });

  it("attributes quotes: ', he said', 'said X', 'X said that', 'according to X', pronouns", () => {
    expect(doc.quotes.find((q) => q.text === "Our alliance has never been stronger")?.speaker).toBe(
      id("Joe Biden"),
    );
    expect(doc.quotes.find((q) => q.text === "We are ready")?.speaker).toBe(id("Lloyd Austin"));
    const spending = doc.quotes.find((q) => q.text.startsWith("Japan would double"));
    expect(spending).toMatchObject({ kind: "INDIRECT", speaker: id("Fumio Kishida") });
    expect(doc.quotes.find((q) => q.text.startsWith("the two countries"))?.speaker).toBe(id("Pentagon"));
    const china = doc.quotes.find((q) => q.text.startsWith("China had not"));
    expect(china?.speaker).toBe(id("Lloyd Austin"));
    expect(china?.speakerMention?.text).toBe("He");
  });

  it("reads the meeting with its weekday resolved", () => {
    const meeting = doc.events.find((e) => e.trigger.text === "met");
    expect(meeting?.participants).toEqual([
      { actor: id("Joe Biden"), role: "PARTICIPANT", rule: "meeting-side" },
      { actor: id("Fumio Kishida"), role: "PARTICIPANT", rule: "meeting-side" },
    ]);
    expect(meeting?.time?.start).toBe("2024-04-10");
  });
});

/** The name of the speaker of the quote that starts with `start`. */
function speakerIn(doc: AnnotationDocument, start: string): string | null {
  const quote = doc.quotes.find((q) => q.text.startsWith(start));
  return doc.actors.find((actor) => actor.id === quote?.speaker)?.name ?? null;
}

describe("English frames beyond 'X said'", () => {
  // Written for this test: British single quotes, clauses without "that", appositions and
  // coordinated speech verbs.
  const text = [
    "Port workers vote to strike",
    "'We have waited long enough, and we won't wait any longer,' said union leader Kate Marsh.",
    "Operations director Tom Reyes, who joined the company last year, said the port lost two ships to rivals.",
    "Finance chief Ana Ruiz told Reuters the company expected lower profits this year.",
    "Mayor Glen Ward called the strike ‘a disaster for the town’ and said the council would ask for talks.",
  ].join("\n");
  const doc = extract(text, { language: "en", publishedAt: "2024-05-02" });
  const speakerOf = (start: string) => speakerIn(doc, start);

  it("reads British single quotes, and apostrophes inside them", () => {
    expectValidDocument(text, doc);
    expect(doc.quotes.map((q) => q.text)).toContain(
      "We have waited long enough, and we won't wait any longer",
    );
    expect(speakerOf("We have waited")).toBe("Kate Marsh");
  });

  it("finds reported clauses without 'that' and gives them the subject, past an apposition", () => {
    expect(speakerOf("the port lost two ships")).toBe("Tom Reyes");
    expect(speakerOf("the company expected lower profits")).toBe("Ana Ruiz");
  });

  it("gives the second of two coordinated verbs to the sentence's subject", () => {
    expect(speakerOf("a disaster for the town")).toBe("Glen Ward");
    expect(speakerOf("the council would ask")).toBe("Glen Ward");
  });
});

describe("English frames around and between quotes", () => {
  // Written for this test.
  const text = [
    "Council votes on budget",
    '"We will not," Senator Dale Brooks said, "vote for a single dollar of cuts."',
    "A city spokesperson, who asked not to be named, said initial figures pointed to a shortfall.",
    "In a statement, the city's treasurer, Maria Olsen, apologised for the delay and said the figures would be checked.",
    "The critic Owen Hart called the plan “a quiet disaster”.",
  ].join("\n");
  const doc = extract(text, { language: "en", publishedAt: "2024-05-02" });

  it("joins an interrupted quote whose comma sits inside the marks, with the speaker between", () => {
    expectValidDocument(text, doc);
    const quote = doc.quotes.find((q) => q.text.startsWith("We will not"));
    expect(quote?.parts?.map((part) => part.text)).toEqual([
      "We will not",
      "vote for a single dollar of cuts.",
    ]);
    expect(speakerIn(doc, "We will not")).toBe("Dale Brooks");
  });

  it("tells a reported clause after the verb from a postposed speaker", () => {
    expect(speakerIn(doc, "initial figures pointed")).toBe("city spokesperson");
    expect(speakerIn(doc, "the figures would be checked")).toBe("Maria Olsen");
  });

  it("reads 'called it “…”' as a frame", () => {
    expect(speakerIn(doc, "a quiet disaster")).toBe("Owen Hart");
  });
});

describe("English pronouns and names", () => {
  // Written for this test.
  const text = [
    "Leaders meet in Georgetown",
    "Guyana's President Irfaan Ali met Brazil's foreign minister in Georgetown.",
    '"The rule of law is our strongest defence," he said.',
    '"We\'ve made very clear that this has to stop," she told reporters.',
  ].join("\n");
  const doc = extract(text, { language: "en", publishedAt: "2024-04-02" });

  it("keeps a name whole after a role, and gives a pronoun to the subject of the sentence before", () => {
    expectValidDocument(text, doc);
    expect(doc.actors.map((actor) => actor.name)).toContain("Irfaan Ali");
    expect(speakerIn(doc, "The rule of law")).toBe("Irfaan Ali");
  });

  it("gives 'saying …' to the sentence's subject and reads 'said at least …' as a clause", () => {
    const other = extract(
      'Foreign Minister Wang Yi rejected the claim, saying Beijing "does not sell weapons." ' +
        "Amnesty International said at least two protesters had been shot.",
      { language: "en", publishedAt: "2024-04-02" },
    );
    expect(speakerIn(other, "does not sell weapons")).toBe("Wang Yi");
    expect(speakerIn(other, "at least two protesters")).toBe("Amnesty International");
  });

  it("never makes a contraction or the people told into the speaker", () => {
    expect(doc.actors.map((actor) => actor.name)).not.toContain("We've");
    expect(speakerIn(doc, "We've made very clear")).not.toBe("reporters");
  });
});

describe("English wire copy", () => {
  // Written for this test.
  const text = [
    "EU leaders agree new sanctions",
    "BRUSSELS (AP) — European Union leaders on Thursday agreed to impose new sanctions, officials said, as Kyiv reported fresh attacks on its power grid.",
    "According to the Ukrainian air force, Russia launched 35 drones overnight.",
    '"Every sanction saves lives," President Volodymyr Zelenskyy wrote on X.',
  ].join("\n");
  const doc = extract(text, { language: "en", publishedAt: "2024-03-22" });
  const speakerOf = (start: string) => speakerIn(doc, start);

  it("names actors in English, datelines in title case, and no capitalised word as a person", () => {
    expectValidDocument(text, doc);
    const names = doc.actors.map((actor) => actor.name);
    expect(names).toEqual(expect.arrayContaining(["European Union", "Brussels", "Volodymyr Zelensky"]));
    expect(names).not.toContain("Every");
  });

  it("ends a postposed frame at its comma, and 'according to X' at X", () => {
    expect(speakerOf("European Union leaders")).toBe("officials");
    expect(speakerOf("Russia launched 35 drones")).toBe("Ukrainian air force");
  });

  it("reads 'fresh attacks' as a noun, not as an attack by the sentence's subject", () => {
    expect(doc.events.filter((event) => event.cameo.startsWith("19"))).toEqual([]);
  });
});
