/**
 * Scores quotes and speakers against SpkAtt (../shared/data/spkatt-train.jsonl), by the rules of
 * shared/design/evaluation.md. Usage: npx tsx server/extract/eval/quotes.ts [--limit N] [--offset N] [--errors]
 */
import { readFileSync } from "node:fs";
import { extract } from "../index.ts";
import type { AnnotationDocument, Quote } from "../types.ts";
import { f1, pct, ratio, sharedData } from "./data.ts";

type Piece = { start: number; end: number; text: string };
type Report = { form: string; kind: string; message: Piece[]; source: Piece[] };
type Article = { id: string; publishedAt?: string; text: string; reports: Report[] };
type Gold = { form: string; start: number; end: number; source: Piece[] };

const THOUGHT_ONLY = new Set(["Thought", "T"]);

function goldItems(article: Article): Gold[] {
  return article.reports
    .filter((report) => !THOUGHT_ONLY.has(report.kind) && report.message.length > 0)
    .map((report) => ({
      form: report.form,
      start: Math.min(...report.message.map((piece) => piece.start)),
      end: Math.max(...report.message.map((piece) => piece.end)),
      source: report.source,
    }));
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** One-to-one matching, best intersection-over-union first, overlap ≥ half the shorter span. */
function match(gold: Gold[], predicted: Quote[]): [Gold, Quote][] {
  const pairs: { g: Gold; p: Quote; iou: number }[] = [];
  for (const g of gold) {
    for (const p of predicted) {
      const inter = overlap(g, p);
      if (inter === 0 || inter < 0.5 * Math.min(g.end - g.start, p.end - p.start)) continue;
      pairs.push({ g, p, iou: inter / (Math.max(g.end, p.end) - Math.min(g.start, p.start)) });
    }
  }
  pairs.sort((a, b) => b.iou - a.iou);
  const usedGold = new Set<Gold>();
  const usedPredicted = new Set<Quote>();
  const result: [Gold, Quote][] = [];
  for (const { g, p } of pairs) {
    if (usedGold.has(g) || usedPredicted.has(p)) continue;
    usedGold.add(g);
    usedPredicted.add(p);
    result.push([g, p]);
  }
  return result;
}

function speakerRight(gold: Gold, quote: Quote, doc: AnnotationDocument): boolean {
  if (!quote.speaker) return false;
  const actor = doc.actors.find((a) => a.id === quote.speaker);
  const spans = [...(quote.speakerMention ? [quote.speakerMention] : []), ...(actor?.mentions ?? [])];
  if (gold.source.some((source) => spans.some((span) => overlap(source, span) > 0))) return true;
  const lastWord = gold.source.at(-1)?.text.toLowerCase();
  if (!actor || !lastWord) return false;
  const names = [actor.name, ...actor.aliases].flatMap((name) => name.toLowerCase().split(/\s+/u));
  return names.includes(lastWord);
}

function main(): void {
  const path = sharedData("spkatt-train.jsonl");
  if (!path) return;
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const index = args.indexOf(name);
    return index >= 0 ? Number(args[index + 1]) : fallback;
  };
  const limit = option("--limit", Number.POSITIVE_INFINITY);
  const offset = option("--offset", 0);
  const showErrors = args.includes("--errors");
  const articles = readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Article)
    .slice(offset, offset + limit);

  let predictedCount = 0;
  let goldCount = 0;
  let matchedCount = 0;
  let withSource = 0;
  let speakerCorrect = 0;
  const perForm = new Map<string, { gold: number; found: number }>();
  const started = performance.now();
  let words = 0;
  for (const article of articles) {
    words += article.text.split(/\s+/u).length;
    const doc = extract(article.text, { language: "de", publishedAt: article.publishedAt ?? null });
    const gold = goldItems(article);
    const pairs = match(gold, doc.quotes);
    predictedCount += doc.quotes.length;
    goldCount += gold.length;
    matchedCount += pairs.length;
    for (const g of gold) {
      const entry = perForm.get(g.form) ?? { gold: 0, found: 0 };
      entry.gold++;
      if (pairs.some(([mg]) => mg === g)) entry.found++;
      perForm.set(g.form, entry);
    }
    for (const [g, p] of pairs) {
      if (g.source.length === 0) continue;
      withSource++;
      const right = speakerRight(g, p, doc);
      if (right) speakerCorrect++;
      else if (showErrors) {
        const speaker = doc.actors.find((a) => a.id === p.speaker);
        console.log(
          `SPEAKER ${article.id.slice(0, 40)} gold=${g.source.map((s) => s.text).join(" ")} got=${speaker?.name ?? "null"} (${p.speakerMention?.text ?? ""}) | ${p.text.slice(0, 70)}`,
        );
      }
    }
    if (showErrors) {
      for (const g of gold)
        if (!pairs.some(([mg]) => mg === g))
          console.log(`MISSED ${g.form} | ${article.text.slice(g.start, g.end).slice(0, 110)}`);
      for (const p of doc.quotes)
        if (!pairs.some(([, mp]) => mp === p)) console.log(`EXTRA ${p.kind} | ${p.text.slice(0, 110)}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const precision = ratio(matchedCount, predictedCount);
  const recall = ratio(matchedCount, goldCount);
  console.log(
    `articles ${articles.length}, gold ${goldCount}, predicted ${predictedCount}, matched ${matchedCount}`,
  );
  console.log(`quote P ${pct(precision)}  R ${pct(recall)}  F1 ${pct(f1(precision, recall))}`);
  for (const [form, { gold, found }] of [...perForm].sort())
    console.log(`  recall ${form}: ${pct(ratio(found, gold))} (${found}/${gold})`);
  console.log(`speaker accuracy ${pct(ratio(speakerCorrect, withSource))} (${speakerCorrect}/${withSource})`);
  console.log(
    `speed ${Math.round(words / seconds)} words/s (${words} words, ${seconds.toFixed(1)} s, incl. first-use lexicon load)`,
  );
}

main();
