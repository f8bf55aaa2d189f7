import { describe, expect, it } from "vitest";
import { extract } from "../../server/extract/index.ts";
import type { AnnotationDocument } from "../../server/extract/types.ts";
import { seedText } from "../helpers.ts";
import { expectValidDocument } from "./helpers.ts";

/**
 * The seed with every person and place renamed to names no lexicon knows, its quotation marks in other
 * styles and its page junk moved to the top must give back the same structure: nothing in it may depend
 * on the seed's exact names or marks. The heads of state too: "der russische Präsident" and "der
 * nordkoreanische Machthaber" must find the renamed leaders through the text alone.
 */
const RENAMES: [RegExp, string][] = [
  [/Kim Jong Un/gu, "Kang Sok Chol"],
  [/Kims/gu, "Kangs"],
  [/Kim/gu, "Kang"],
  [/Wladimir Putin/gu, "Boris Orlow"],
  [/Putin/gu, "Orlow"],
  [/John Kirby/gu, "James Miller"],
  [/Kirby/gu, "Miller"],
  [/Dmitri Peskow/gu, "Anatoli Sacharow"],
  [/Peskow/gu, "Sacharow"],
  [/Rason/gu, "Chongjin"],
  [/Dunai/gu, "Nachodka"],
  [/Wostotschny/gu, "Plessezk"],
];
const NAME_MAP = new Map([
  ["Kim Jong Un", "Kang Sok Chol"],
  ["Wladimir Putin", "Boris Orlow"],
  ["John Kirby", "James Miller"],
  ["Dmitri Peskow", "Anatoli Sacharow"],
  ["Rason", "Chongjin"],
  ["Dunai", "Nachodka"],
  ["Wostotschny", "Plessezk"],
]);

function variant(text: string): string {
  let result = text;
  for (const [pattern, name] of RENAMES) result = result.replace(pattern, name);
  // German low-high quotes become guillemets, English curly quotes become straight double quotes.
  result = result.replace(/„([^“”]*)[“”]/gu, "»$1«").replace(/“([^”]*)”/gu, '"$1"');
  const lines = result.split("\n");
  const junk = lines.findIndex((line) => line.startsWith("We use Cookies"));
  return [lines[junk], ...lines.slice(0, junk), ...lines.slice(junk + 1)].join("\n");
}

function structure(doc: AnnotationDocument, rename: (name: string) => string) {
  const name = (id: string | null | undefined) => {
    const actor = doc.actors.find((a) => a.id === id);
    return actor ? rename(actor.name) : null;
  };
  const count = (values: string[]) =>
    Object.fromEntries([...new Set(values)].sort().map((v) => [v, values.filter((x) => x === v).length]));
  return {
    segmentKinds: [...new Set(doc.segments.map((s) => s.kind))].sort(),
    actorsByKind: count(doc.actors.map((a) => a.kind)),
    actors: doc.actors.map((a) => `${a.kind} ${rename(a.name)}`).sort(),
    quotes: doc.quotes.map((q) => `${q.kind} ${name(q.speaker)}`),
    events: doc.events.map(
      (e) => `${e.cameo.slice(0, 2)} ${e.participants.map((p) => `${name(p.actor)}/${p.role}`).join(",")}`,
    ),
  };
}

describe("robustness: the seed renamed, re-quoted and reordered", () => {
  const options = { language: "de", publishedAt: "2023-10-14" };
  const original = extract(seedText, options);
  const changedText = variant(seedText);
  const changed = extract(changedText, options);

  it("really changed the text", () => {
    for (const name of ["Kirby", "Kim", "Putin", "Peskow", "Rason"]) expect(changedText).not.toContain(name);
    expect(changedText).toContain("»Wir beobachten genau");
    expect(changedText.startsWith("We use Cookies.")).toBe(true);
    expectValidDocument(changedText, changed);
  });

  it("gives back the same actors, quotes and events", () => {
    const same = (value: string) => NAME_MAP.get(value) ?? value;
    expect(structure(changed, (value) => value)).toEqual(structure(original, same));
  });
});
