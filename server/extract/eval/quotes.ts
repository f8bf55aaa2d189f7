/**
 * Scores quotes and speakers by the rules of shared/design/evaluation.md, on SpkAtt
 * (../shared/data/spkatt-train.jsonl, German) or on the English set (test/fixtures/english/, same
 * format).
 *
 * SpkAtt is split by article index: "heldout" is every fifth article (index % 5 === 0), "dev" the
 * rest. The English set's "dev" is articles.jsonl and its "heldout" is heldout.jsonl, written
 * apart from the extractor's code. Rules are tuned on dev errors only; heldout shows whether they
 * generalise.
 *
 *   evaluateQuotes({ split: "dev" | "heldout" | "all", english: boolean }): QuoteReport
 *
 * QuoteReport = {
 *   corpus, split, articles, words, seconds, wordsPerSecond,   // speed excludes lexicon loading
 *   gold, predicted, matched, precision, recall, f1,          // quote spans, one-to-one matching
 *   perForm: { [goldForm]: { gold, found, recall } },          // Direct, Indirect, Reported, …
 *   directRecall,                                             // = perForm.Direct.recall
 *   speaker: { withSource, correct, accuracy },               // matched items whose gold has a source
 *   reliability: [{ from, to, count, right, precision }],     // confidence bins 0–0.1 … 0.9–1.0
 *   byConfidence: [{ confidence, count, matched, right }],    // per exact value (one per rule)
 * }
 * A prediction is "right" for the reliability table when it matches a gold item and, if that gold
 * item names a source, its speaker is right. Numbers are fractions (0..1).
 *
 * CLI: npx tsx server/extract/eval/quotes.ts [--english] [--split dev|heldout|all] [--errors]
 * prints the table (dev, heldout and all for SpkAtt) and, with --errors, the misses, extra
 * predictions and wrong speakers of the chosen split (dev by default).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extract, warmUp } from "../index.ts";
import type { AnnotationDocument, Language, Quote } from "../types.ts";
import { f1, pct, ratio, sharedData } from "./data.ts";

type Piece = { start: number; end: number; text: string };
type Report = { form: string; kind: string; message: Piece[]; source: Piece[] };
type Article = { id: string; publishedAt?: string; text: string; reports: Report[] };
type Gold = { form: string; start: number; end: number; source: Piece[] };

export type Split = "all" | "dev" | "heldout";
export type ReliabilityBin = { from: number; to: number; count: number; right: number; precision: number };
/** A quote rule's record: a prediction is right when it matches a gold quote with the right speaker. */
export type RuleScore = {
  rule: string;
  withSpeaker: boolean;
  count: number;
  right: number;
  precision: number;
  /** The confidence the rule gives (one value per rule and speaker presence). */
  confidence: number;
};

export type QuoteReport = {
  corpus: "spkatt" | "english";
  split: Split;
  articles: number;
  words: number;
  seconds: number;
  wordsPerSecond: number;
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  perForm: Record<string, { gold: number; found: number; recall: number }>;
  directRecall: number;
  speaker: { withSource: number; correct: number; accuracy: number };
  reliability: ReliabilityBin[];
  byConfidence: { confidence: number; count: number; matched: number; right: number }[];
  /** Per rule and speaker presence (each has its own confidence): predictions, right, precision. */
  byRule: RuleScore[];
};

const ENGLISH_FILES = { dev: "articles.jsonl", heldout: "heldout.jsonl" } as const;

function englishSet(part: keyof typeof ENGLISH_FILES): string {
  return fileURLToPath(new URL(`../../../test/fixtures/english/${ENGLISH_FILES[part]}`, import.meta.url));
}

/** The corpus as (article, split) pairs; an absent file simply contributes nothing. */
function readCorpus(english: boolean): { article: Article; split: Exclude<Split, "all"> }[] {
  if (english)
    return (["dev", "heldout"] as const).flatMap((split) =>
      existsSync(englishSet(split))
        ? readArticles(englishSet(split)).map((article) => ({ article, split }))
        : [],
    );
  const path = sharedData("spkatt-train.jsonl");
  if (!path) return [];
  return readArticles(path).map((article, index) => ({
    article,
    split: index % 5 === 0 ? "heldout" : "dev",
  }));
}

const THOUGHT_ONLY = new Set(["Thought", "T"]);
const BINS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

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

function readArticles(path: string): Article[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Article);
}

/** Accumulates one report; `log` receives error lines when given. */
class Tally {
  articles = 0;
  words = 0;
  seconds = 0;
  gold = 0;
  predicted = 0;
  matched = 0;
  withSource = 0;
  speakerCorrect = 0;
  perForm = new Map<string, { gold: number; found: number }>();
  byRule = new Map<string, RuleScore>();
  /** Per exact confidence value (each rule has its own): predictions, matched, right. */
  byConfidence = new Map<number, { count: number; matched: number; right: number }>();
  bins = BINS.map((from) => ({ from, to: Math.round((from + 0.1) * 10) / 10, count: 0, right: 0 }));

  add(article: Article, doc: AnnotationDocument, seconds: number, log?: (line: string) => void): void {
    this.articles++;
    this.words += article.text.split(/\s+/u).filter(Boolean).length;
    this.seconds += seconds;
    const gold = goldItems(article);
    const pairs = match(gold, doc.quotes);
    const goldOf = new Map(pairs.map(([g, p]) => [p, g]));
    const found = new Set(pairs.map(([g]) => g));
    this.predicted += doc.quotes.length;
    this.gold += gold.length;
    this.matched += pairs.length;
    for (const g of gold) {
      const entry = this.perForm.get(g.form) ?? { gold: 0, found: 0 };
      entry.gold++;
      if (found.has(g)) entry.found++;
      this.perForm.set(g.form, entry);
    }
    const short = (value: string, length: number) => value.replace(/\s+/gu, " ").slice(0, length);
    for (const p of doc.quotes) {
      const g = goldOf.get(p);
      const speakerOk = g ? g.source.length === 0 || speakerRight(g, p, doc) : false;
      if (g && g.source.length > 0) {
        this.withSource++;
        if (speakerOk) this.speakerCorrect++;
        else if (log) {
          const speaker = doc.actors.find((a) => a.id === p.speaker);
          log(
            `SPEAKER ${g.form} ${p.confidence.toFixed(2)} gold=${g.source.map((s) => s.text).join(" ")} got=${speaker?.name ?? "null"} (${p.speakerMention?.text ?? ""}) cue=${p.cue?.text ?? ""} | ${short(p.text, 90)}`,
          );
        }
      }
      const key = `${p.rule}|${p.speaker !== null}`;
      const rule = this.byRule.get(key) ?? {
        rule: p.rule,
        withSpeaker: p.speaker !== null,
        count: 0,
        right: 0,
        precision: 0,
        confidence: p.confidence,
      };
      rule.count++;
      if (speakerOk) rule.right++;
      this.byRule.set(key, rule);
      const level = this.byConfidence.get(p.confidence) ?? { count: 0, matched: 0, right: 0 };
      level.count++;
      if (g) level.matched++;
      if (speakerOk) level.right++;
      this.byConfidence.set(p.confidence, level);
      const bin = this.bins.find((b) => p.confidence >= b.from && (p.confidence < b.to || b.to >= 1));
      if (bin) {
        bin.count++;
        if (speakerOk) bin.right++;
      }
    }
    if (!log) return;
    for (const g of gold) {
      if (found.has(g)) continue;
      const before = article.text.slice(Math.max(0, g.start - 60), g.start);
      log(
        `MISSED ${g.form} src=${g.source.map((s) => s.text).join(" ")} | …${short(before, 60)}⟦${short(article.text.slice(g.start, g.end), 140)}⟧`,
      );
    }
    for (const p of doc.quotes) {
      if (goldOf.has(p)) continue;
      const speaker = doc.actors.find((a) => a.id === p.speaker);
      log(
        `EXTRA ${p.kind} ${p.confidence.toFixed(2)} spk=${speaker?.name ?? "null"} cue=${p.cue?.text ?? ""} | ${short(p.text, 140)}`,
      );
    }
  }

  report(corpus: QuoteReport["corpus"], split: Split): QuoteReport {
    const precision = ratio(this.matched, this.predicted);
    const recall = ratio(this.matched, this.gold);
    const perForm: QuoteReport["perForm"] = {};
    for (const [form, { gold, found }] of [...this.perForm].sort())
      perForm[form] = { gold, found, recall: ratio(found, gold) };
    return {
      corpus,
      split,
      articles: this.articles,
      words: this.words,
      seconds: this.seconds,
      wordsPerSecond: this.seconds > 0 ? Math.round(this.words / this.seconds) : 0,
      gold: this.gold,
      predicted: this.predicted,
      matched: this.matched,
      precision,
      recall,
      f1: f1(precision, recall),
      perForm,
      directRecall: perForm.Direct?.recall ?? 0,
      speaker: {
        withSource: this.withSource,
        correct: this.speakerCorrect,
        accuracy: ratio(this.speakerCorrect, this.withSource),
      },
      byConfidence: [...this.byConfidence]
        .sort((x, y) => x[0] - y[0])
        .map(([confidence, level]) => ({ confidence, ...level })),
      reliability: this.bins.map((b) => ({ ...b, precision: ratio(b.right, b.count) })),
      byRule: [...this.byRule.values()]
        .map((rule) => ({ ...rule, precision: ratio(rule.right, rule.count) }))
        .sort((a, b) => b.count - a.count),
    };
  }
}

/** Runs the extractor over the corpus once and scores each requested split. */
function evaluate(
  english: boolean,
  splits: Split[],
  log?: { split: Split; line: (line: string) => void },
): QuoteReport[] {
  const corpus = english ? "english" : "spkatt";
  const tallies = splits.map(() => new Tally());
  const language: Language = english ? "en" : "de";
  warmUp();
  for (const { article, split: part } of readCorpus(english)) {
    const started = performance.now();
    const doc = extract(article.text, { language, publishedAt: article.publishedAt ?? null });
    const seconds = (performance.now() - started) / 1000;
    splits.forEach((split, k) => {
      if (split !== "all" && split !== part) return;
      const printer = log && log.split === split ? log.line : undefined;
      if (printer) printer(`# ${article.id.slice(0, 80)}`);
      tallies[k]?.add(article, doc, seconds, printer);
    });
  }
  return tallies.map((tally, k) => tally.report(corpus, splits[k] ?? "all"));
}

/** Quote scores for the `npm run eval` orchestrator. */
export function evaluateQuotes(options: { split?: Split; english?: boolean } = {}): QuoteReport {
  const [report] = evaluate(options.english ?? false, [options.split ?? "all"]);
  if (!report) throw new Error("evaluateQuotes: no report");
  return report;
}

function printTable(reports: QuoteReport[]): void {
  const forms = [...new Set(reports.flatMap((r) => Object.keys(r.perForm)))].sort();
  const rows: [string, (r: QuoteReport) => string][] = [
    ["articles", (r) => String(r.articles)],
    ["gold / predicted / matched", (r) => `${r.gold}/${r.predicted}/${r.matched}`],
    ["quote precision", (r) => pct(r.precision)],
    ["quote recall", (r) => pct(r.recall)],
    ["quote F1", (r) => pct(r.f1)],
    ...forms.map((form): [string, (r: QuoteReport) => string] => [
      `  recall ${form}`,
      (r) => {
        const entry = r.perForm[form];
        return entry ? `${pct(entry.recall)} (${entry.found}/${entry.gold})` : "-";
      },
    ]),
    ["speaker accuracy", (r) => `${pct(r.speaker.accuracy)} (${r.speaker.correct}/${r.speaker.withSource})`],
    ["words/s (extractor only)", (r) => String(r.wordsPerSecond)],
  ];
  const width = 30;
  console.log(`${"".padEnd(width)}${reports.map((r) => r.split.padStart(18)).join("")}`);
  for (const [label, cell] of rows)
    console.log(`${label.padEnd(width)}${reports.map((r) => cell(r).padStart(18)).join("")}`);
  console.log(`\nreliability (${reports.at(-1)?.split}): confidence bin, predictions, observed precision`);
  for (const bin of reports.at(-1)?.reliability ?? [])
    console.log(
      `  ${bin.from.toFixed(1)}–${bin.to.toFixed(1)}  ${String(bin.count).padStart(5)}  ${pct(bin.precision)}`,
    );
  console.log("per confidence value: predictions, matched %, right %");
  for (const level of reports.at(-1)?.byConfidence ?? [])
    console.log(
      `  ${level.confidence.toFixed(2)}  ${String(level.count).padStart(5)}  ${pct(ratio(level.matched, level.count))}  ${pct(ratio(level.right, level.count))}`,
    );
}

function main(): void {
  const args = process.argv.slice(2);
  const english = args.includes("--english");
  const splitArg = args[args.indexOf("--split") + 1];
  const chosen: Split =
    args.includes("--split") && (splitArg === "dev" || splitArg === "heldout" || splitArg === "all")
      ? splitArg
      : "dev";
  const splits: Split[] = ["dev", "heldout", "all"];
  const log = args.includes("--errors")
    ? { split: chosen, line: (line: string) => console.log(line) }
    : undefined;
  const reports = evaluate(english, splits, log);
  console.log(english ? "English (dev: articles.jsonl, heldout: heldout.jsonl)" : "SpkAtt (German)");
  printTable(reports);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
