/**
 * Scores actor mentions as named entities against GermEval 2014 (../shared/data/germeval2014-dev.tsv):
 * outer PER/LOC/ORG spans, exact match, micro F1, each sentence its own document (evaluation.md).
 * Usage: npx tsx server/extract/eval/ner.ts [--limit N] [--errors]
 */
import { readFileSync } from "node:fs";
import { extract } from "../index.ts";
import type { ActorKind } from "../types.ts";
import { f1, pct, ratio, sharedData } from "./data.ts";

type Entity = { start: number; end: number; type: string };
type Sentence = { text: string; gold: Entity[] };

const TYPE_OF: Partial<Record<ActorKind, string>> = {
  PERSON: "PER",
  COUNTRY: "LOC",
  PLACE: "LOC",
  ORGANIZATION: "ORG",
};

function parse(content: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of content.split(/\n\s*\n/u)) {
    const rows = block
      .split("\n")
      .filter((line) => line && !line.startsWith("#"))
      .map((line) => line.split("\t"));
    if (rows.length === 0) continue;
    let text = "";
    const gold: Entity[] = [];
    let open: Entity | null = null;
    for (const [, token = "", tag = "O"] of rows) {
      if (text) text += " ";
      const start = text.length;
      text += token;
      const [prefix, type] = tag.split("-");
      const plain = type === "PER" || type === "LOC" || type === "ORG";
      if (prefix === "I" && open && plain && open.type === type) {
        open.end = text.length;
        continue;
      }
      open = null;
      if (prefix === "B" && plain && type) {
        open = { start, end: text.length, type };
        gold.push(open);
      }
    }
    sentences.push({ text, gold });
  }
  return sentences;
}

function main(): void {
  const path = sharedData("germeval2014-dev.tsv");
  if (!path) return;
  const args = process.argv.slice(2);
  const limitIndex = args.indexOf("--limit");
  const limit = limitIndex >= 0 ? Number(args[limitIndex + 1]) : Number.POSITIVE_INFINITY;
  const showErrors = args.includes("--errors");
  const sentences = parse(readFileSync(path, "utf8")).slice(0, limit);
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const count = (type: string) => {
    const entry = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    counts.set(type, entry);
    return entry;
  };
  for (const sentence of sentences) {
    if (sentence.text.trim().length === 0) continue;
    const doc = extract(sentence.text, { language: "de" });
    const predicted = new Map<string, Entity>();
    for (const actor of doc.actors) {
      const type = TYPE_OF[actor.kind];
      if (!type) continue;
      for (const mention of actor.mentions) {
        if (!/^\p{Lu}/u.test(mention.text)) continue;
        predicted.set(`${mention.start}:${mention.end}:${type}`, {
          start: mention.start,
          end: mention.end,
          type,
        });
      }
    }
    const goldKeys = new Set(sentence.gold.map((g) => `${g.start}:${g.end}:${g.type}`));
    for (const [key, entity] of predicted) {
      if (goldKeys.has(key)) count(entity.type).tp++;
      else {
        count(entity.type).fp++;
        if (showErrors) console.log(`FP ${entity.type} ${sentence.text.slice(entity.start, entity.end)}`);
      }
    }
    for (const g of sentence.gold) {
      if (predicted.has(`${g.start}:${g.end}:${g.type}`)) continue;
      count(g.type).fn++;
      if (showErrors) console.log(`FN ${g.type} ${sentence.text.slice(g.start, g.end)}`);
    }
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [type, entry] of [...counts].sort()) {
    tp += entry.tp;
    fp += entry.fp;
    fn += entry.fn;
    const p = ratio(entry.tp, entry.tp + entry.fp);
    const r = ratio(entry.tp, entry.tp + entry.fn);
    console.log(
      `${type}: P ${pct(p)} R ${pct(r)} F1 ${pct(f1(p, r))} (tp ${entry.tp}, fp ${entry.fp}, fn ${entry.fn})`,
    );
  }
  const p = ratio(tp, tp + fp);
  const r = ratio(tp, tp + fn);
  console.log(`sentences ${sentences.length}; micro P ${pct(p)} R ${pct(r)} F1 ${pct(f1(p, r))}`);
}

main();
