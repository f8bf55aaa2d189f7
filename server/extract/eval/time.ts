/**
 * Time-expression accuracy on a hand-written table of German and English sentences: each must give
 * back, as its first time expression, exactly the expected start, end, precision and (for vague
 * ones) direction, resolved against its publication date (or left unresolved without one).
 * Usage: npx tsx server/extract/eval/time.ts [--errors]
 */
import { fileURLToPath } from "node:url";
import { findTimes } from "../time.ts";
import type { Language, TimeDirection, TimePrecision } from "../types.ts";
import { pct, ratio } from "./data.ts";

export type TimeCase = {
  text: string;
  language: Language;
  publishedAt: string | null;
  start: string | null;
  end: string | null;
  precision: TimePrecision;
  direction?: TimeDirection | null;
};

const c = (
  language: Language,
  publishedAt: string | null,
  text: string,
  start: string | null,
  end: string | null,
  precision: TimePrecision,
  direction: TimeDirection | null = null,
): TimeCase => ({ text, language, publishedAt, start, end, precision, direction });

/** Publication dates: a Saturday in October, a Tuesday just after new year, a Friday before it. */
const OCT = "2023-10-14";
const JAN = "2024-01-02";
const DEC = "2023-12-29";

export const TIME_CASES: readonly TimeCase[] = [
  // German: weekdays, resolved to the last one (the next one in future tense), across new year.
  c("de", OCT, "Die Regierung veröffentlichte am Freitag Bilder.", "2023-10-13", "2023-10-13", "DAY"),
  c("de", OCT, "Am Montag hatte er noch geschwiegen.", "2023-10-09", "2023-10-09", "DAY"),
  c("de", OCT, "Er wird am Dienstag nach Kiew reisen.", "2023-10-17", "2023-10-17", "DAY"),
  c("de", OCT, "Am kommenden Mittwoch beginnt der Gipfel.", "2023-10-18", "2023-10-18", "DAY"),
  c("de", OCT, "Am vergangenen Sonntag wurde gewählt.", "2023-10-08", "2023-10-08", "DAY"),
  c("de", JAN, "Am Freitag kam er an.", "2023-12-29", "2023-12-29", "DAY"),
  c("de", DEC, "Er wird am Montag nach Kiew reisen.", "2024-01-01", "2024-01-01", "DAY"),
  c("de", OCT, "Am Samstagabend kam es zu Protesten.", "2023-10-14", "2023-10-14", "DAY"),
  // German: relative days.
  c("de", OCT, "Gestern unterzeichneten beide das Abkommen.", "2023-10-13", "2023-10-13", "DAY"),
  c("de", OCT, "Vorgestern war er noch in Paris.", "2023-10-12", "2023-10-12", "DAY"),
  c("de", JAN, "Heute beginnt das neue Semester.", "2024-01-02", "2024-01-02", "DAY"),
  c("de", DEC, "Übermorgen endet das Jahr.", "2023-12-31", "2023-12-31", "DAY"),
  c("de", JAN, "Vor drei Tagen wurde der Vertrag gekündigt.", "2023-12-30", "2023-12-30", "DAY"),
  // German: explicit dates.
  c("de", OCT, "Am 7. Oktober griff die Hamas Israel an.", "2023-10-07", "2023-10-07", "DAY"),
  c("de", null, "Am 3. März 2021 geschah es.", "2021-03-03", "2021-03-03", "DAY"),
  c(
    "de",
    null,
    "Am 13.10.2023 veröffentlichte das Ministerium den Bericht.",
    "2023-10-13",
    "2023-10-13",
    "DAY",
  ),
  c("de", JAN, "Am 28. Dezember wurde der Botschafter einbestellt.", "2023-12-28", "2023-12-28", "DAY"),
  c("de", DEC, "Am 5. Januar wird das Parlament abstimmen.", "2024-01-05", "2024-01-05", "DAY"),
  // German: ranges.
  c(
    "de",
    OCT,
    "Mehr als 1000 sollen es zwischen dem 7. September und dem 1. Oktober gewesen sein.",
    "2023-09-07",
    "2023-10-01",
    "RANGE",
  ),
  c(
    "de",
    "2024-01-20",
    "Vom 20. Dezember bis 5. Januar blieb die Grenze zu.",
    "2023-12-20",
    "2024-01-05",
    "RANGE",
  ),
  c("de", OCT, "Die Messe läuft vom 3. bis 8. Oktober.", "2023-10-03", "2023-10-08", "RANGE"),
  c("de", null, "Zwischen dem 1. und dem 15. Mai 2022 wurde gekämpft.", "2022-05-01", "2022-05-15", "RANGE"),
  // German: months and years.
  c("de", OCT, "Im September war es zu einem Treffen gekommen.", "2023-09-01", "2023-09-30", "MONTH"),
  c("de", "2024-02-10", "Im November hatte er gewarnt.", "2023-11-01", "2023-11-30", "MONTH"),
  c("de", OCT, "Anfang Oktober 2022 begannen die Angriffe.", "2022-10-01", "2022-10-31", "MONTH"),
  c("de", OCT, "Im Dezember will die Regierung entscheiden.", "2023-12-01", "2023-12-31", "MONTH"),
  c("de", JAN, "Im Dezember hatte die Regierung entschieden.", "2023-12-01", "2023-12-31", "MONTH"),
  c("de", DEC, "Im nächsten Monat soll verhandelt werden.", "2024-01-01", "2024-01-31", "MONTH"),
  c("de", JAN, "Im vergangenen Monat stiegen die Preise.", "2023-12-01", "2023-12-31", "MONTH"),
  c("de", OCT, "Im Jahr 2020 begann die Pandemie.", "2020-01-01", "2020-12-31", "YEAR"),
  c("de", JAN, "Im vergangenen Jahr wurden 300 Anträge gestellt.", "2023-01-01", "2023-12-31", "YEAR"),
  c("de", OCT, "Nächstes Jahr wird gewählt.", "2024-01-01", "2024-12-31", "YEAR"),
  c("de", OCT, "Seit 2014 ist die Krim besetzt.", "2014-01-01", "2014-12-31", "YEAR"),
  // German: vague.
  c("de", OCT, "Putin wird bald nach Nordkorea reisen.", null, null, "VAGUE", "FUTURE"),
  c("de", OCT, "Schon damals äußerten die USA Bedenken.", null, null, "VAGUE", "PAST"),
  c("de", OCT, "In den kommenden Wochen sollen Gespräche folgen.", null, null, "VAGUE", "FUTURE"),
  c("de", OCT, "Kürzlich hatte er das Land verlassen.", null, null, "VAGUE", "PAST"),
  c("de", OCT, "Die Regierung will demnächst entscheiden.", null, null, "VAGUE", "FUTURE"),
  // German: unresolved without a publication date.
  c("de", null, "Am Freitag kam er an.", null, null, "DAY"),
  c("de", null, "Im September war es.", null, null, "MONTH"),
  c("de", null, "Gestern sprach der Minister.", null, null, "DAY"),
  // English.
  c("en", OCT, "The White House released the images on Friday.", "2023-10-13", "2023-10-13", "DAY"),
  c("en", OCT, "They met last Friday in Vladivostok.", "2023-10-13", "2023-10-13", "DAY"),
  c("en", OCT, "He will travel to Kyiv next Tuesday.", "2023-10-17", "2023-10-17", "DAY"),
  c("en", JAN, "Officials met on Friday.", "2023-12-29", "2023-12-29", "DAY"),
  c("en", OCT, "Kirby said on Oct. 13 that the shipments continued.", "2023-10-13", "2023-10-13", "DAY"),
  c("en", null, "On October 7, 2023 the attack began.", "2023-10-07", "2023-10-07", "DAY"),
  c("en", OCT, "The summit opened on 3 October.", "2023-10-03", "2023-10-03", "DAY"),
  c("en", OCT, "Yesterday the ministry denied the report.", "2023-10-13", "2023-10-13", "DAY"),
  c("en", JAN, "Two days ago the talks collapsed.", "2023-12-31", "2023-12-31", "DAY"),
  c("en", DEC, "Tomorrow the law takes effect.", "2023-12-30", "2023-12-30", "DAY"),
  c(
    "en",
    OCT,
    "More than 1,000 containers were shipped between Sept. 7 and Oct. 1.",
    "2023-09-07",
    "2023-10-01",
    "RANGE",
  ),
  c("en", "2024-01-20", "between December 28 and January 3", "2023-12-28", "2024-01-03", "RANGE"),
  c("en", OCT, "The talks ran from March 3 to March 9, 2022.", "2022-03-03", "2022-03-09", "RANGE"),
  c("en", OCT, "in February 2024", "2024-02-01", "2024-02-29", "MONTH"),
  c("en", OCT, "In September the two leaders met.", "2023-09-01", "2023-09-30", "MONTH"),
  c("en", OCT, "The ministers will meet again next month.", "2023-11-01", "2023-11-30", "MONTH"),
  c("en", JAN, "Prices rose last month.", "2023-12-01", "2023-12-31", "MONTH"),
  c("en", JAN, "Last year the army recruited 20,000 men.", "2023-01-01", "2023-12-31", "YEAR"),
  c("en", OCT, "The plant is to open next year.", "2024-01-01", "2024-12-31", "YEAR"),
  c("en", OCT, "in 2019", "2019-01-01", "2019-12-31", "YEAR"),
  c("en", OCT, "They will meet soon.", null, null, "VAGUE", "FUTURE"),
  c("en", OCT, "The army recently moved troops to the border.", null, null, "VAGUE", "PAST"),
  c("en", OCT, "More talks are planned in the coming weeks.", null, null, "VAGUE", "FUTURE"),
  c("en", null, "Officials met on Friday.", null, null, "DAY"),
  c("en", null, "They will meet again next month.", null, null, "MONTH"),
];

export type TimeScore = { cases: number; right: number; accuracy: number; errors: string[] };

export function evaluateTime(cases: readonly TimeCase[] = TIME_CASES): TimeScore {
  const errors: string[] = [];
  let right = 0;
  for (const item of cases) {
    const [found] = findTimes(item.text, 0, item.language, item.publishedAt);
    const ok =
      found !== undefined &&
      found.start === item.start &&
      found.end === item.end &&
      found.precision === item.precision &&
      (item.precision !== "VAGUE" || found.direction === item.direction);
    if (ok) right++;
    else
      errors.push(
        `${item.language} ${item.publishedAt ?? "-"} "${item.text}": expected ${item.start}..${item.end} ${item.precision}${item.direction ? ` ${item.direction}` : ""}, got ${found ? `${found.start}..${found.end} ${found.precision}${found.direction ? ` ${found.direction}` : ""} ("${found.span.text}")` : "nothing"}`,
      );
  }
  return { cases: cases.length, right, accuracy: ratio(right, cases.length), errors };
}

function main(): void {
  const score = evaluateTime();
  if (process.argv.includes("--errors")) for (const line of score.errors) console.log(line);
  console.log(`time expressions: ${score.right}/${score.cases} right (${pct(score.accuracy)}%)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
