/**
 * `npm run eval`: one table of the extractor's quality by the rules of shared/design/evaluation.md —
 * quotes (P/R/F1, recall by form, speaker accuracy; SpkAtt and the English set), named entities
 * (GermEval dev and held-out parts, P/R/F1 by type), the quotes' confidence reliability,
 * time-expression accuracy, and whole articles of our gold set (actors, quotes, events with their
 * reliability table, segments). Floors (measured − 0.02) live in floors.json; test/extract/floors.test.ts
 * fails below them. `--write-floors` rewrites floors.json from this run.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { warmUp } from "../index.ts";
import { type ArticleReport, evaluateArticles, printArticles } from "./articles.ts";
import { pct } from "./data.ts";
import { evaluateNer, loadGermEval, NER_TYPES, type NerScore } from "./ner.ts";
import { evaluateQuotes, type QuoteReport, type RuleScore } from "./quotes.ts";
import { evaluateTime, type TimeScore } from "./time.ts";

export const FLOORS_FILE = fileURLToPath(new URL("./floors.json", import.meta.url));

export type Evaluation = {
  quotes: QuoteReport | null;
  /** The English development set (tuned on) and the held-out set written apart from the code. */
  englishQuotes: { dev: QuoteReport; heldout: QuoteReport } | null;
  ner: { dev: NerScore; heldout: NerScore } | null;
  time: TimeScore;
  /** Whole articles of our gold set (actors, quotes, events, segments). */
  articles: ArticleReport | null;
  /** Flat metric name → value (0..1), the numbers the floors guard. */
  metrics: Record<string, number>;
};

/** Runs every evaluation whose data is here; shared-data parts are null when ../shared is absent. */
export function runEvaluation(): Evaluation {
  warmUp();
  const dev = loadGermEval("dev");
  const heldout = loadGermEval("heldout");
  const ner = dev && heldout ? { dev: evaluateNer(dev), heldout: evaluateNer(heldout) } : null;
  const quoteReport = evaluateQuotes({ split: "all" });
  const quotes = quoteReport.articles > 0 ? quoteReport : null;
  const englishDev = evaluateQuotes({ english: true, split: "dev" });
  const englishHeldout = evaluateQuotes({ english: true, split: "heldout" });
  const englishQuotes = englishDev.articles > 0 ? { dev: englishDev, heldout: englishHeldout } : null;
  const time = evaluateTime();
  const articles = evaluateArticles();
  const metrics: Record<string, number> = { "time.accuracy": time.accuracy };
  if (quotes) {
    metrics["quotes.precision"] = quotes.precision;
    metrics["quotes.recall"] = quotes.recall;
    metrics["quotes.f1"] = quotes.f1;
    metrics["quotes.directRecall"] = quotes.directRecall;
    metrics["quotes.speakerAccuracy"] = quotes.speaker.accuracy;
  }
  if (englishQuotes) {
    for (const part of ["dev", "heldout"] as const) {
      const report = englishQuotes[part];
      if (report.articles === 0) continue;
      metrics[`quotesEn.${part}.f1`] = report.f1;
      metrics[`quotesEn.${part}.directRecall`] = report.directRecall;
      metrics[`quotesEn.${part}.speakerAccuracy`] = report.speaker.accuracy;
    }
  }
  if (ner) {
    for (const part of ["dev", "heldout"] as const) {
      metrics[`ner.${part}.micro.f1`] = ner[part].micro.f1;
      for (const type of NER_TYPES) metrics[`ner.${part}.${type}.f1`] = ner[part].byType[type]?.f1 ?? 0;
    }
  }
  if (articles) {
    metrics["articles.actorsFound"] = articles.actors.found.share;
    metrics["articles.quotesFound"] = articles.quotes.found.share;
    metrics["articles.eventsFound"] = articles.events.found.share;
    metrics["articles.eventParticipants"] = articles.events.participants.share;
    metrics["articles.eventModality"] = articles.events.modality.share;
    metrics["articles.segments"] = articles.segments.share;
  }
  return { quotes, englishQuotes, ner, time, articles, metrics };
}

/** Committed floors: metric name → lowest accepted value. */
export function readFloors(): Record<string, number> {
  return JSON.parse(readFileSync(FLOORS_FILE, "utf8")) as Record<string, number>;
}

/** The metrics that fell below their floor, as readable lines. */
export function belowFloors(metrics: Record<string, number>, floors: Record<string, number>): string[] {
  return Object.entries(floors)
    .filter(([name]) => name in metrics)
    .filter(([name, floor]) => (metrics[name] ?? 0) < floor)
    .map(([name, floor]) => `${name}: ${pct(metrics[name] ?? 0)} < floor ${pct(floor)}`);
}

function row(label: string, ...cells: string[]): string {
  return `${label.padEnd(34)}${cells.map((cell) => cell.padStart(16)).join("")}`;
}

function printQuotes(title: string, report: QuoteReport): void {
  console.log(`\n${title} (${report.articles} articles)`);
  console.log(row("", "precision", "recall", "F1"));
  console.log(row("quotes", pct(report.precision), pct(report.recall), pct(report.f1)));
  for (const [form, entry] of Object.entries(report.perForm))
    console.log(row(`  recall ${form}`, "", `${pct(entry.recall)} (${entry.found}/${entry.gold})`, ""));
  console.log(
    row(
      "speaker accuracy",
      "",
      `${pct(report.speaker.accuracy)} (${report.speaker.correct}/${report.speaker.withSource})`,
      "",
    ),
  );
}

function print(evaluation: Evaluation): void {
  const { quotes, englishQuotes, ner, time, articles } = evaluation;
  if (quotes) printQuotes("Quotes, SpkAtt German", quotes);
  else console.log("\nQuotes, SpkAtt German: skipped (../shared/data absent)");
  if (englishQuotes) {
    printQuotes("Quotes, English development set", englishQuotes.dev);
    printQuotes("Quotes, English held-out set", englishQuotes.heldout);
  }
  if (ner) {
    console.log(
      `\nNamed entities, GermEval 2014 (dev ${ner.dev.sentences} / held-out ${ner.heldout.sentences} sentences)`,
    );
    console.log(row("", "P", "R", "F1", "held-out F1"));
    for (const type of NER_TYPES) {
      const d = ner.dev.byType[type];
      const h = ner.heldout.byType[type];
      if (d && h) console.log(row(type, pct(d.p), pct(d.r), pct(d.f1), pct(h.f1)));
    }
    const { micro } = ner.dev;
    console.log(row("micro", pct(micro.p), pct(micro.r), pct(micro.f1), pct(ner.heldout.micro.f1)));
  } else console.log("\nNamed entities: skipped (../shared/data absent)");
  if (quotes) {
    console.log("\nQuote confidence reliability (SpkAtt): bin, predictions, observed precision");
    for (const bin of quotes.reliability)
      console.log(
        row(`  ${bin.from.toFixed(1)}–${bin.to.toFixed(1)}`, String(bin.count), pct(bin.precision)),
      );
  }
  if (articles) printArticles(articles, row);
  console.log(`\nTime expressions: ${time.right}/${time.cases} right (${pct(time.accuracy)}%)`);
  for (const line of time.errors) console.log(`  ${line}`);
}

/** A rule needs this many decisions before its confidence must match its precision. */
export const RULE_SAMPLE = 30;
export const RULE_TOLERANCE = 0.1;

/** Rules (with ≥ RULE_SAMPLE items) whose confidence is more than RULE_TOLERANCE off their precision. */
export function miscalibratedRules(rules: readonly RuleScore[]): RuleScore[] {
  return rules.filter(
    (rule) => rule.count >= RULE_SAMPLE && Math.abs(rule.precision - rule.confidence) > RULE_TOLERANCE + 1e-9,
  );
}

function printByRule(report: QuoteReport): string[] {
  console.log("\nQuotes by rule, SpkAtt German: rule (with/without speaker), count, precision, confidence");
  for (const rule of report.byRule) {
    const label = `  ${rule.rule} (${rule.withSpeaker ? "speaker" : "none"})`;
    const off = miscalibratedRules([rule]).length > 0 ? "  OFF BY > 0.1" : "";
    console.log(`${row(label, String(rule.count), pct(rule.precision), rule.confidence.toFixed(2))}${off}`);
  }
  return miscalibratedRules(report.byRule).map(
    (rule) =>
      `rule ${rule.rule} (${rule.withSpeaker ? "speaker" : "none"}): confidence ${rule.confidence.toFixed(2)} vs precision ${rule.precision.toFixed(2)} on ${rule.count} quotes`,
  );
}

function main(): void {
  const evaluation = runEvaluation();
  print(evaluation);
  const ruleFailures =
    process.argv.includes("--by-rule") && evaluation.quotes ? printByRule(evaluation.quotes) : [];
  if (process.argv.includes("--write-floors")) {
    const floors = Object.fromEntries(
      Object.entries(evaluation.metrics).map(([name, value]) => [
        name,
        Math.max(0, Math.floor((value - 0.02) * 1000) / 1000),
      ]),
    );
    writeFileSync(FLOORS_FILE, `${JSON.stringify(floors, null, 2)}\n`);
    console.log(`\nWrote ${Object.keys(floors).length} floors (measured − 0.02) to ${FLOORS_FILE}`);
    return;
  }
  const failures = [...belowFloors(evaluation.metrics, readFloors()), ...ruleFailures];
  console.log(
    failures.length
      ? `\nBELOW FLOORS:\n  ${failures.join("\n  ")}`
      : "\nAll metrics at or above their floors.",
  );
  if (failures.length) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
