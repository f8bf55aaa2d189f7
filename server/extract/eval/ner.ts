/**
 * Scores actor mentions as named entities against GermEval 2014 (../shared/data/germeval2014-dev.tsv):
 * outer PER/LOC/ORG spans, exact match, micro F1, each sentence its own document (evaluation.md).
 * The sentences are split deterministically: every fifth (index % 5 === 0) is held out and never
 * used for tuning; the rest is the development part.
 * Usage: npx tsx server/extract/eval/ner.ts [--split dev|heldout|all] [--limit N] [--errors]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extract } from "../index.ts";
import type { ActorKind } from "../types.ts";
import { f1, pct, ratio, sharedData } from "./data.ts";

type Entity = { start: number; end: number; type: string };
export type NerSentence = { index: number; text: string; gold: Entity[] };
export type NerSplit = "dev" | "heldout" | "all";
export type Counts = { tp: number; fp: number; fn: number };
export type NerScore = {
  sentences: number;
  byType: Record<string, Counts & { p: number; r: number; f1: number }>;
  micro: Counts & { p: number; r: number; f1: number };
  errors: string[];
};

export const NER_TYPES = ["PER", "LOC", "ORG"] as const;

const TYPE_OF: Partial<Record<ActorKind, string>> = {
  PERSON: "PER",
  COUNTRY: "LOC",
  PLACE: "LOC",
  ORGANIZATION: "ORG",
};

function parse(content: string): NerSentence[] {
  const sentences: NerSentence[] = [];
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
    sentences.push({ index: sentences.length, text, gold });
  }
  return sentences;
}

/** GermEval sentences of one split, or null when the shared data is absent. */
export function loadGermEval(split: NerSplit = "all"): NerSentence[] | null {
  const path = sharedData("germeval2014-dev.tsv");
  if (!path) return null;
  const all = parse(readFileSync(path, "utf8"));
  if (split === "all") return all;
  return all.filter((sentence) => (sentence.index % 5 === 0) === (split === "heldout"));
}

function score(counts: Counts) {
  const p = ratio(counts.tp, counts.tp + counts.fp);
  const r = ratio(counts.tp, counts.tp + counts.fn);
  return { ...counts, p, r, f1: f1(p, r) };
}

export function evaluateNer(sentences: readonly NerSentence[], collectErrors = false): NerScore {
  const counts = new Map<string, Counts>(NER_TYPES.map((type) => [type, { tp: 0, fp: 0, fn: 0 }]));
  const count = (type: string) => counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
  const errors: string[] = [];
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
        if (collectErrors)
          errors.push(
            `FP ${entity.type} ${sentence.text.slice(entity.start, entity.end)}\t| ${sentence.text}`,
          );
      }
    }
    for (const g of sentence.gold) {
      if (predicted.has(`${g.start}:${g.end}:${g.type}`)) continue;
      count(g.type).fn++;
      if (collectErrors)
        errors.push(`FN ${g.type} ${sentence.text.slice(g.start, g.end)}\t| ${sentence.text}`);
    }
  }
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const byType: NerScore["byType"] = {};
  for (const [type, entry] of counts) {
    total.tp += entry.tp;
    total.fp += entry.fp;
    total.fn += entry.fn;
    byType[type] = score(entry);
  }
  return { sentences: sentences.length, byType, micro: score(total), errors };
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const split = (option("--split") ?? "dev") as NerSplit;
  if (!["dev", "heldout", "all"].includes(split)) {
    console.error(`--split must be dev, heldout or all (got "${split}")`);
    process.exitCode = 1;
    return;
  }
  const sentences = loadGermEval(split);
  if (!sentences) return;
  const limit = Number(option("--limit") ?? Number.POSITIVE_INFINITY);
  const result = evaluateNer(sentences.slice(0, limit), args.includes("--errors"));
  for (const line of result.errors) console.log(line);
  for (const [type, entry] of Object.entries(result.byType))
    console.log(
      `${type}: P ${pct(entry.p)} R ${pct(entry.r)} F1 ${pct(entry.f1)} (tp ${entry.tp}, fp ${entry.fp}, fn ${entry.fn})`,
    );
  const { p, r, f1: micro } = result.micro;
  console.log(
    `split ${split}, sentences ${result.sentences}; micro P ${pct(p)} R ${pct(r)} F1 ${pct(micro)}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
