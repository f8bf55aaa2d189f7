/**
 * Scores whole articles by the rules of shared/design/evaluation.md ("Whole articles") on our gold
 * set (test/fixtures/articles/gold.json: German and English articles written and annotated apart
 * from the extractor's code, each listing the actors, quotes and events a careful reader names).
 *
 *   evaluateArticles(): ArticleReport | null   (null when the gold file is absent)
 *
 * - Actors: found when a predicted actor of the same kind has a name, alias or mention text among the
 *   gold's names (case and accents ignored); a gold actor matched by two predicted actors is split; a
 *   predicted actor all of whose mentions lie in page junk or comments, or that is named by a word the
 *   gold lists as no actor, counts against.
 * - Quotes: found when the words overlap most of either and the speaker is the gold actor (or null
 *   where the gold allows unattributed hearsay). One to one, largest overlap first.
 * - Events: found when the evidence or trigger overlaps the gold evidence and a participant is shared;
 *   then CAMEO root, participants (same actors and roles), modality, time (dates overlap the gold
 *   range; a gold single day must be that day; no gold date wants none) and attribution are checked.
 * - Segments: the body's first and last words are BODY, page junk BOILERPLATE, comments COMMENT.
 * The event reliability table bins predicted events by confidence: how many match a gold event.
 *
 * CLI: npx tsx server/extract/eval/articles.ts [--errors]
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extract, warmUp } from "../index.ts";
import type { ActorKind, AnnotationDocument, Modality, ParticipantRole, SegmentKind } from "../types.ts";
import { pct, ratio } from "./data.ts";

type GoldActor = { names: string[]; kind: ActorKind };
type GoldQuote = { text: string; speaker: string | null; kind: string; hearsayAllowed?: boolean };
type GoldEvent = {
  evidence: string;
  cameoRoots: string[];
  participants: { actor: string; role: ParticipantRole }[];
  modality: Modality;
  time: { start: string; end: string } | null;
  attributedTo: string | null;
};
type GoldArticle = {
  id: string;
  language: "de" | "en";
  publishedAt: string;
  text: string;
  bodyFirstWords: string;
  bodyLastWords: string;
  boilerplate: string[];
  comments: string[];
  actors: GoldActor[];
  notActors: string[];
  quotes: GoldQuote[];
  events: GoldEvent[];
};

export type Count = { right: number; of: number; share: number };
export type ArticleReport = {
  articles: number;
  actors: { found: Count; wrongKind: number; split: number; junk: number; notActors: number };
  quotes: { found: Count; withAnySpeaker: Count; precision: Count };
  events: {
    found: Count;
    precision: Count;
    cameo: Count;
    participants: Count;
    modality: Count;
    time: Count;
    attribution: Count;
    reliability: { from: number; to: number; count: number; matched: number; share: number }[];
  };
  segments: Count;
  errors: string[];
};

export const GOLD_ARTICLES = fileURLToPath(
  new URL("../../../test/fixtures/articles/gold.json", import.meta.url),
);

const normalize = (value: string) =>
  value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’']/gu, "'").trim();

class Tally {
  right = 0;
  of = 0;
  add(right: boolean): void {
    this.of++;
    if (right) this.right++;
  }
  get count(): Count {
    return { right: this.right, of: this.of, share: ratio(this.right, this.of) };
  }
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Where an exact gold string sits in the text (its first occurrence, or after `from`). */
function locate(text: string, value: string, from = 0): { start: number; end: number } | null {
  const start = text.indexOf(value, from);
  return start < 0 ? null : { start, end: start + value.length };
}

/** Scores one article into the tallies; returns lines describing its misses. */
class ArticleScorer {
  /** Predicted actor id → the index of the gold actor it stands for. */
  private readonly goldOf = new Map<string, number>();
  readonly errors: string[] = [];

  constructor(
    private readonly gold: GoldArticle,
    private readonly doc: AnnotationDocument,
  ) {
    for (const actor of doc.actors) {
      const forms = new Set(
        [actor.name, ...actor.aliases, ...actor.mentions.map((m) => m.text)].map(normalize),
      );
      const index = gold.actors.findIndex((g) => g.names.some((name) => forms.has(normalize(name))));
      if (index >= 0) this.goldOf.set(actor.id, index);
    }
  }

  private goldIndex(name: string | null): number {
    return name === null ? -1 : this.gold.actors.findIndex((g) => g.names[0] === name);
  }

  /** Whether predicted actor `id` is the gold actor named `name` (both null counts as the same). */
  private same(id: string | null | undefined, name: string | null): boolean {
    if (!id || name === null) return !id && name === null;
    return this.goldOf.get(id) === this.goldIndex(name);
  }

  actors(report: ReportTallies): void {
    const { gold, doc } = this;
    const junk = [...gold.boilerplate, ...gold.comments]
      .map((value) => locate(gold.text, value))
      .filter((span) => span !== null);
    gold.actors.forEach((g, index) => {
      const matching = doc.actors.filter((a) => this.goldOf.get(a.id) === index);
      const ofKind = matching.filter((a) => a.kind === g.kind);
      report.actorsFound.add(ofKind.length > 0);
      if (ofKind.length === 0)
        this.errors.push(
          matching.length > 0
            ? `ACTOR KIND ${g.names[0]}: ${g.kind}, got ${matching.map((a) => a.kind).join("/")}`
            : `ACTOR MISSED ${g.names[0]} (${g.kind})`,
        );
      if (ofKind.length === 0 && matching.length > 0) report.wrongKind++;
      if (ofKind.length > 1) {
        report.split++;
        this.errors.push(`ACTOR SPLIT ${g.names[0]}: ${ofKind.map((a) => a.name).join(" | ")}`);
      }
    });
    const notActors = new Set(gold.notActors.map(normalize));
    for (const actor of doc.actors) {
      const inJunk = actor.mentions.every((m) => junk.some((span) => overlap(m, span) > 0));
      if (inJunk) {
        report.junk++;
        this.errors.push(`ACTOR FROM JUNK ${actor.name}`);
      } else if (!this.goldOf.has(actor.id) && notActors.has(normalize(actor.name))) {
        report.notActors++;
        this.errors.push(`NOT AN ACTOR ${actor.name} (${actor.kind})`);
      }
    }
  }

  quotes(report: ReportTallies): void {
    const { gold, doc } = this;
    const pairs: { g: number; p: number; score: number }[] = [];
    gold.quotes.forEach((g, gi) => {
      const span = locate(gold.text, g.text);
      if (!span) throw new Error(`${gold.id}: quote not in text: ${g.text}`);
      doc.quotes.forEach((q, pi) => {
        const shared = overlap(span, q);
        if (shared > 0.5 * (span.end - span.start) || shared > 0.5 * (q.end - q.start))
          pairs.push({
            g: gi,
            p: pi,
            score: shared / (Math.max(span.end, q.end) - Math.min(span.start, q.start)),
          });
      });
    });
    pairs.sort((a, b) => b.score - a.score);
    const usedGold = new Set<number>();
    const usedPredicted = new Set<number>();
    for (const { g, p } of pairs) {
      if (usedGold.has(g) || usedPredicted.has(p)) continue;
      usedGold.add(g);
      usedPredicted.add(p);
    }
    const matchOf = new Map(
      [...pairs].filter((x) => usedGold.has(x.g) && usedPredicted.has(x.p)).map((x) => [x.g, x.p]),
    );
    gold.quotes.forEach((g, gi) => {
      const predicted = matchOf.has(gi) ? doc.quotes[matchOf.get(gi) ?? -1] : undefined;
      const speakerRight =
        predicted !== undefined &&
        (this.same(predicted.speaker, g.speaker) ||
          (g.hearsayAllowed === true && predicted.speaker === null));
      report.quotesFound.add(speakerRight);
      report.quotesAny.add(predicted !== undefined);
      if (!predicted) this.errors.push(`QUOTE MISSED (${g.speaker}) ${g.text.slice(0, 70)}`);
      else if (!speakerRight) {
        const got = doc.actors.find((a) => a.id === predicted.speaker)?.name ?? null;
        this.errors.push(`QUOTE SPEAKER ${g.speaker}, got ${got}: ${g.text.slice(0, 60)}`);
      }
    });
    doc.quotes.forEach((q, pi) => {
      report.quotesPrecision.add(usedPredicted.has(pi));
      if (!usedPredicted.has(pi)) this.errors.push(`QUOTE EXTRA ${q.kind} ${q.text.slice(0, 70)}`);
    });
  }

  events(report: ReportTallies): void {
    const { gold, doc } = this;
    const name = (id: string | null | undefined) => doc.actors.find((a) => a.id === id)?.name ?? null;
    const pairs: { g: number; p: number; score: number }[] = [];
    gold.events.forEach((g, gi) => {
      const span = locate(gold.text, g.evidence);
      if (!span) throw new Error(`${gold.id}: evidence not in text: ${g.evidence}`);
      doc.events.forEach((e, pi) => {
        if (overlap(span, e.evidence) === 0 && overlap(span, e.trigger) === 0) return;
        const shared = g.participants.filter((gp) =>
          e.participants.some((ep) => this.same(ep.actor, gp.actor)),
        );
        if (shared.length === 0) return;
        const triggerInside = overlap(span, e.trigger) > 0 ? 0.5 : 0;
        pairs.push({ g: gi, p: pi, score: shared.length + triggerInside });
      });
    });
    pairs.sort((a, b) => b.score - a.score);
    const matchOf = new Map<number, number>();
    const usedPredicted = new Set<number>();
    for (const { g, p } of pairs) {
      if (matchOf.has(g) || usedPredicted.has(p)) continue;
      matchOf.set(g, p);
      usedPredicted.add(p);
    }
    gold.events.forEach((g, gi) => {
      const e = doc.events[matchOf.get(gi) ?? -1];
      report.eventsFound.add(e !== undefined);
      if (!e) {
        this.errors.push(`EVENT MISSED ${g.cameoRoots.join("/")} ${g.evidence.slice(0, 70)}`);
        return;
      }
      const label = `${g.cameoRoots[0]} "${e.trigger.text}"`;
      const cameo = g.cameoRoots.includes(e.cameo.slice(0, 2));
      report.cameo.add(cameo);
      if (!cameo) this.errors.push(`EVENT CAMEO ${label}: want ${g.cameoRoots.join("/")}, got ${e.cameo}`);
      const participants =
        g.participants.length === e.participants.length &&
        g.participants.every((gp) =>
          e.participants.some((ep) => ep.role === gp.role && this.same(ep.actor, gp.actor)),
        );
      report.participants.add(participants);
      if (!participants)
        this.errors.push(
          `EVENT PARTICIPANTS ${label}: want ${g.participants.map((p) => `${p.actor}/${p.role}`).join(", ")}; got ${e.participants.map((p) => `${name(p.actor)}/${p.role}`).join(", ")}`,
        );
      report.modality.add(e.modality === g.modality);
      if (e.modality !== g.modality)
        this.errors.push(`EVENT MODALITY ${label}: want ${g.modality}, got ${e.modality}`);
      const time = timeRight(g.time, e.time ?? null);
      report.time.add(time);
      if (!time)
        this.errors.push(
          `EVENT TIME ${label}: want ${g.time ? `${g.time.start}..${g.time.end}` : "none"}, got ${e.time?.start ?? "none"}..${e.time?.end ?? ""}`,
        );
      const attribution = this.same(e.attributedTo, g.attributedTo);
      report.attribution.add(attribution);
      if (!attribution)
        this.errors.push(`EVENT ATTRIBUTION ${label}: want ${g.attributedTo}, got ${name(e.attributedTo)}`);
    });
    doc.events.forEach((e, pi) => {
      report.eventsPrecision.add(usedPredicted.has(pi));
      const bin = Math.min(9, Math.floor(e.confidence * 10));
      const entry = report.reliability[bin];
      if (entry) {
        entry.count++;
        if (usedPredicted.has(pi)) entry.matched++;
      }
      if (!usedPredicted.has(pi))
        this.errors.push(`EVENT EXTRA ${e.cameo} "${e.trigger.text}": ${e.summary}`);
    });
  }

  segments(report: ReportTallies): void {
    const { gold, doc } = this;
    const kindAt = (offset: number): SegmentKind | null =>
      doc.segments.find((s) => s.start <= offset && offset < s.end)?.kind ?? null;
    const check = (value: string, want: SegmentKind) => {
      const span = locate(gold.text, value);
      if (!span) throw new Error(`${gold.id}: segment text not in text: ${value}`);
      const got = kindAt(span.start + Math.floor((span.end - span.start) / 2));
      report.segments.add(got === want);
      if (got !== want) this.errors.push(`SEGMENT ${value.slice(0, 40)}: want ${want}, got ${got}`);
    };
    check(gold.bodyFirstWords, "BODY");
    check(gold.bodyLastWords, "BODY");
    for (const value of gold.boilerplate) check(value, "BOILERPLATE");
    for (const value of gold.comments) check(value, "COMMENT");
  }
}

/** A gold single day wants that day; a gold range wants overlapping dates; no gold date wants none. */
function timeRight(
  gold: { start: string; end: string } | null,
  predicted: { start: string | null; end: string | null } | null,
): boolean {
  if (!gold) return !predicted?.start;
  if (!predicted?.start || !predicted.end) return false;
  if (gold.start === gold.end) return predicted.start === gold.start && predicted.end === gold.end;
  return predicted.start <= gold.end && predicted.end >= gold.start;
}

type ReportTallies = {
  actorsFound: Tally;
  wrongKind: number;
  split: number;
  junk: number;
  notActors: number;
  quotesFound: Tally;
  quotesAny: Tally;
  quotesPrecision: Tally;
  eventsFound: Tally;
  eventsPrecision: Tally;
  cameo: Tally;
  participants: Tally;
  modality: Tally;
  time: Tally;
  attribution: Tally;
  reliability: { from: number; to: number; count: number; matched: number }[];
  segments: Tally;
};

export function loadGoldArticles(): GoldArticle[] | null {
  if (!existsSync(GOLD_ARTICLES)) return null;
  return JSON.parse(readFileSync(GOLD_ARTICLES, "utf8")) as GoldArticle[];
}

export function evaluateArticles(): ArticleReport | null {
  const gold = loadGoldArticles();
  if (!gold) return null;
  warmUp();
  const t: ReportTallies = {
    actorsFound: new Tally(),
    wrongKind: 0,
    split: 0,
    junk: 0,
    notActors: 0,
    quotesFound: new Tally(),
    quotesAny: new Tally(),
    quotesPrecision: new Tally(),
    eventsFound: new Tally(),
    eventsPrecision: new Tally(),
    cameo: new Tally(),
    participants: new Tally(),
    modality: new Tally(),
    time: new Tally(),
    attribution: new Tally(),
    reliability: Array.from({ length: 10 }, (_, k) => ({
      from: k / 10,
      to: (k + 1) / 10,
      count: 0,
      matched: 0,
    })),
    segments: new Tally(),
  };
  const errors: string[] = [];
  for (const article of gold) {
    const doc = extract(article.text, { language: article.language, publishedAt: article.publishedAt });
    const scorer = new ArticleScorer(article, doc);
    scorer.actors(t);
    scorer.quotes(t);
    scorer.events(t);
    scorer.segments(t);
    if (scorer.errors.length > 0) errors.push(`# ${article.id}`, ...scorer.errors);
  }
  return {
    articles: gold.length,
    actors: {
      found: t.actorsFound.count,
      wrongKind: t.wrongKind,
      split: t.split,
      junk: t.junk,
      notActors: t.notActors,
    },
    quotes: {
      found: t.quotesFound.count,
      withAnySpeaker: t.quotesAny.count,
      precision: t.quotesPrecision.count,
    },
    events: {
      found: t.eventsFound.count,
      precision: t.eventsPrecision.count,
      cameo: t.cameo.count,
      participants: t.participants.count,
      modality: t.modality.count,
      time: t.time.count,
      attribution: t.attribution.count,
      reliability: t.reliability.map((bin) => ({ ...bin, share: ratio(bin.matched, bin.count) })),
    },
    segments: t.segments.count,
    errors,
  };
}

const cell = (count: Count) => `${pct(count.share)} (${count.right}/${count.of})`;

/** The table `npm run eval` prints for whole articles. */
export function printArticles(
  report: ArticleReport,
  row: (label: string, ...cells: string[]) => string,
): void {
  console.log(`\nWhole articles, our gold set (${report.articles} articles, German and English)`);
  const { actors, quotes, events } = report;
  console.log(row("actors found (right kind)", cell(actors.found)));
  console.log(
    row(
      "  wrong kind/split/junk/no actor",
      `${actors.wrongKind} / ${actors.split} / ${actors.junk} / ${actors.notActors}`,
    ),
  );
  console.log(row("quotes found, speaker right", cell(quotes.found)));
  console.log(row("  found (any speaker) / precision", cell(quotes.withAnySpeaker), cell(quotes.precision)));
  console.log(row("events found / precision", cell(events.found), cell(events.precision)));
  for (const [label, count] of [
    ["  of those: CAMEO root", events.cameo],
    ["  participants with roles", events.participants],
    ["  modality", events.modality],
    ["  time", events.time],
    ["  attribution", events.attribution],
  ] as const)
    console.log(row(label, cell(count)));
  console.log(row("segments right", cell(report.segments)));
  console.log("Event confidence reliability: bin, predicted events, share matching a gold event");
  for (const bin of events.reliability)
    if (bin.count > 0)
      console.log(row(`  ${bin.from.toFixed(1)}–${bin.to.toFixed(1)}`, String(bin.count), pct(bin.share)));
}

function main(): void {
  const report = evaluateArticles();
  if (!report) {
    console.log(`No gold articles at ${GOLD_ARTICLES}`);
    return;
  }
  printArticles(
    report,
    (label, ...cells) => `${label.padEnd(36)}${cells.map((c) => c.padStart(18)).join("")}`,
  );
  if (process.argv.includes("--errors")) for (const line of report.errors) console.log(line);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
