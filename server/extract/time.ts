/**
 * Time expressions of a sentence, resolved against the publication date. Small parsers handle
 * what chrono-node misses or misreads (ranges "zwischen dem 7. September und dem 1. Oktober",
 * bare months "im September", weekdays with tense, vague "bald"); chrono-node reads the rest of
 * the explicit dates. Without a publication date, relative expressions keep null dates.
 */
// Only the two locales we read: the package root would load all of chrono's locales.
import * as chronoDe from "chrono-node/de";
import * as chronoEn from "chrono-node/en";
import type { EventTime, Language, Span } from "./types.ts";

export type TimeExpression = EventTime;

const MONTHS_DE = [
  "januar|jänner|jan\\.",
  "februar|feb\\.",
  "märz|maerz",
  "april|apr\\.",
  "mai",
  "juni",
  "juli",
  "august|aug\\.",
  "september|sept?\\.",
  "oktober|okt\\.",
  "november|nov\\.",
  "dezember|dez\\.",
];
const MONTHS_EN = [
  "january|jan\\.",
  "february|feb\\.",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september|sept?\\.",
  "october|oct\\.",
  "november|nov\\.",
  "december|dec\\.",
];
const WEEKDAYS_DE = ["sonntag", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag"];
const WEEKDAYS_EN = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const monthAlternation = (months: string[]) => months.map((month) => `(?:${month})`).join("|");
const MONTH_DE = `(${monthAlternation(MONTHS_DE)})`;
const MONTH_EN = `(${monthAlternation(MONTHS_EN)})`;

const MONTH_TESTS: Record<Language, RegExp[]> = {
  de: MONTHS_DE.map((alternatives) => new RegExp(`^(?:${alternatives})$`, "u")),
  en: MONTHS_EN.map((alternatives) => new RegExp(`^(?:${alternatives})$`, "u")),
};

function monthNumber(name: string, language: Language): number {
  const lower = name.toLowerCase();
  return MONTH_TESTS[language].findIndex((test) => test.test(lower)) + 1;
}

const YEAR = "((?:19|20)\\d{2})";

/** The sentence patterns of one language, compiled once. */
function compilePatterns(language: Language) {
  const month = language === "de" ? MONTH_DE : MONTH_EN;
  const ordinal = "(?:st|nd|rd|th)?";
  return {
    range:
      language === "de"
        ? new RegExp(
            `\\b(?:zwischen|vom|von)\\s+(?:dem\\s+)?(\\d{1,2})\\.\\s*(?:${month}\\s*)?${YEAR}?\\s*(?:und|bis(?:\\s+(?:zum|einschließlich))?|-|–)\\s*(?:dem\\s+)?(\\d{1,2})\\.\\s*${month}(?:\\s+${YEAR})?`,
            "giu",
          )
        : new RegExp(
            `\\b(?:between|from)\\s+${month}\\s+(\\d{1,2})${ordinal}(?:,?\\s+${YEAR})?\\s+(?:and|to|through|until|-|–)\\s+(?:${month}\\s+)?(\\d{1,2})${ordinal}(?:,?\\s+${YEAR})?`,
            "giu",
          ),
    day:
      language === "de"
        ? new RegExp(`\\b(\\d{1,2})\\.\\s*${month}(?:\\s+${YEAR})?(?![\\p{L}])`, "giu")
        : new RegExp(
            `\\b(?:${month}\\s+(\\d{1,2})${ordinal}(?:,?\\s+${YEAR})?|(\\d{1,2})${ordinal}\\s+(?:of\\s+)?${month}(?:,?\\s+${YEAR})?)\\b`,
            "giu",
          ),
    month:
      language === "de"
        ? new RegExp(
            `\\b(?:im|in|seit|ab|bis|Anfang|Mitte|Ende|vom|zum)\\s+${month}(?:\\s+${YEAR})?(?![\\p{L}])`,
            "giu",
          )
        : new RegExp(
            `\\b(?:in|since|by|until|early|mid|late|last|this|next)\\s+${month}(?:,?\\s+${YEAR})?\\b`,
            "giu",
          ),
  };
}

const PATTERNS = { de: compilePatterns("de"), en: compilePatterns("en") };
const patterns = (language: Language) => PATTERNS[language];

/** "nächsten Monat", "last year": a month or year counted from the publication date. */
const RELATIVE_PERIODS: Record<Language, [RegExp, "MONTH" | "YEAR", number][]> = {
  de: [
    [/\b(?:im\s+)?(?:nächsten|kommenden)\s+Monat\b/giu, "MONTH", 1],
    [/\b(?:im\s+)?(?:vergangenen|letzten|vorigen)\s+Monat\b/giu, "MONTH", -1],
    [/\b(?:in\s+diesem|diesen)\s+Monat\b/giu, "MONTH", 0],
    [/\b(?:im\s+)?(?:nächsten|kommenden)\s+Jahr\b|\bnächstes\s+Jahr\b/giu, "YEAR", 1],
    [
      /\b(?:im\s+)?(?:vergangenen|letzten|vorigen)\s+Jahr\b|\b(?:letztes|vergangenes|voriges)\s+Jahr\b/giu,
      "YEAR",
      -1,
    ],
    [/\b(?:in\s+diesem|dieses)\s+Jahr\b/giu, "YEAR", 0],
  ],
  en: [
    [/\bnext\s+month\b/giu, "MONTH", 1],
    [/\blast\s+month\b/giu, "MONTH", -1],
    [/\bthis\s+month\b/giu, "MONTH", 0],
    [/\bnext\s+year\b/giu, "YEAR", 1],
    [/\blast\s+year\b/giu, "YEAR", -1],
    [/\bthis\s+year\b/giu, "YEAR", 0],
  ],
};

const NUMBER_WORDS: Record<string, number> = {
  ein: 1,
  einem: 1,
  eins: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
/** "vor drei Tagen", "two days ago", "in zwei Tagen". */
const DAYS_AGO: Record<Language, RegExp> = {
  de: /\b(vor|in)\s+(\d{1,2}|einem|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn)\s+(Tag|Tagen|Woche|Wochen)\b/giu,
  en: /\b(?:(in)\s+)?(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?)(\s+ago)?\b/giu,
};

type Reference = { year: number; month: number; day: number } | null;

function parseReference(publishedAt: string | null | undefined): Reference {
  if (!publishedAt) return null;
  const [year, month, day] = publishedAt.split("-").map(Number);
  return year && month && day ? { year, month, day } : null;
}

const pad = (value: number) => String(value).padStart(2, "0");
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function shiftDays(reference: NonNullable<Reference>, days: number): string {
  const date = new Date(Date.UTC(reference.year, reference.month - 1, reference.day + days));
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The year that puts month/day nearest the reference, in the past unless the sentence is about the future. */
function inferYear(reference: NonNullable<Reference>, month: number, day: number, future: boolean): number {
  const ref = reference.month * 100 + reference.day;
  const value = month * 100 + day;
  if (future) return value >= ref ? reference.year : reference.year + 1;
  // A date up to two months ahead in a past-tense report is still this year's (announcements).
  return value <= ref + 200 ? reference.year : reference.year - 1;
}

const FUTURE_CUE =
  /\b(?:wird|werden|wirst|werde|will|wollen|plant|planen|geplant|kommenden?|nächsten?|bald|künftig|morgen|übermorgen|going to|plans?|scheduled|next|upcoming|tomorrow)\b/iu;

type Found = TimeExpression & { order: number };

/** All time expressions in one sentence, in text order. */
export function findTimes(
  sentence: string,
  offset: number,
  language: Language,
  publishedAt: string | null | undefined,
): TimeExpression[] {
  const reference = parseReference(publishedAt);
  const future = FUTURE_CUE.test(sentence);
  const found: Found[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);
  const add = (start: number, end: number, time: Omit<TimeExpression, "span">) => {
    if (!free(start, end)) return;
    taken.push([start, end]);
    const span: Span = { start: offset + start, end: offset + end, text: sentence.slice(start, end) };
    found.push({ ...time, span, order: start });
  };
  const P = patterns(language);

  const dated = (m: number, d: number, y: number | null, isFuture = future): string | null => {
    if (m < 1 || d < 1 || d > 31) return null;
    if (y !== null) return iso(y, m, Math.min(d, daysInMonth(y, m)));
    if (!reference) return null;
    const year = inferYear(reference, m, d, isFuture);
    return iso(year, m, Math.min(d, daysInMonth(year, m)));
  };

  // Ranges: "zwischen dem 7. September und dem 1. Oktober (2023)", "vom 7. bis 10. September".
  for (const match of sentence.matchAll(P.range)) {
    let startDay: number;
    let startMonth: number;
    let endDay: number;
    let endMonth: number;
    let startYear: number | null;
    let endYear: number | null;
    if (language === "de") {
      endMonth = monthNumber(match[5] ?? "", language);
      startMonth = match[2] ? monthNumber(match[2], language) : endMonth;
      startDay = Number(match[1]);
      endDay = Number(match[4]);
      startYear = match[3] ? Number(match[3]) : null;
      endYear = match[6] ? Number(match[6]) : null;
    } else {
      startMonth = monthNumber(match[1] ?? "", language);
      endMonth = match[4] ? monthNumber(match[4], language) : startMonth;
      startDay = Number(match[2]);
      endDay = Number(match[5]);
      startYear = match[3] ? Number(match[3]) : null;
      endYear = match[6] ? Number(match[6]) : null;
    }
    const end = dated(endMonth, endDay, endYear ?? startYear);
    let start: string | null = null;
    if (end) {
      const endYearValue = Number(end.slice(0, 4));
      const year = startYear ?? (startMonth > endMonth ? endYearValue - 1 : endYearValue);
      start = dated(startMonth, startDay, year);
    }
    add(match.index ?? 0, (match.index ?? 0) + match[0].length, {
      start,
      end,
      precision: "RANGE",
      direction: null,
    });
  }

  // Day and month: "am 7. September (2023)", "September 7(, 2023)", "7 September 2023".
  for (const match of sentence.matchAll(P.day)) {
    let m: number;
    let d: number;
    let y: number | null;
    if (language === "de") {
      d = Number(match[1]);
      m = monthNumber(match[2] ?? "", language);
      y = match[3] ? Number(match[3]) : null;
    } else if (match[1]) {
      m = monthNumber(match[1], language);
      d = Number(match[2]);
      y = match[3] ? Number(match[3]) : null;
    } else {
      d = Number(match[4]);
      m = monthNumber(match[5] ?? "", language);
      y = match[6] ? Number(match[6]) : null;
    }
    const date = dated(m, d, y);
    add(match.index ?? 0, (match.index ?? 0) + match[0].length, {
      start: date,
      end: date,
      precision: "DAY",
      direction: null,
    });
  }

  // Month (and year): "im September", "Anfang Oktober 2023", "in September".
  for (const match of sentence.matchAll(P.month)) {
    const m = monthNumber(match[1] ?? "", language);
    if (m < 1) continue;
    let year: number | null = match[2] ? Number(match[2]) : null;
    if (year === null && reference) {
      if (future) year = m >= reference.month ? reference.year : reference.year + 1;
      else year = m <= reference.month + 1 ? reference.year : reference.year - 1;
    }
    add(match.index ?? 0, (match.index ?? 0) + match[0].length, {
      start: year ? iso(year, m, 1) : null,
      end: year ? iso(year, m, daysInMonth(year, m)) : null,
      precision: "MONTH",
      direction: null,
    });
  }

  // Years: "im Jahr 2023", "seit 2014", "in 2023".
  const yearPattern =
    language === "de"
      ? /\b(?:im\s+Jahre?|in|seit|bis|ab|Anfang|Mitte|Ende|Jahr)\s+((?:19|20)\d{2})\b/giu
      : /\b(?:in|since|by|until|early|mid|late|year)\s+((?:19|20)\d{2})\b/giu;
  for (const match of sentence.matchAll(yearPattern)) {
    const year = Number(match[1]);
    add(match.index ?? 0, (match.index ?? 0) + match[0].length, {
      start: iso(year, 1, 1),
      end: iso(year, 12, 31),
      precision: "YEAR",
      direction: null,
    });
  }

  // Weekdays: "am Freitag" → the last Friday on or before the publication date (the next one in future tense).
  const weekdays = language === "de" ? WEEKDAYS_DE : WEEKDAYS_EN;
  const weekdayPattern =
    language === "de"
      ? /\b(?:(?:am|vom|seit|bis|vergangenen|letzten|kommenden|nächsten|diesen)\s+)?(sonntag|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend)(?:abend|morgen|nachmittag|vormittag|nacht|mittag)?\b/giu
      : /\b(?:(?:on|last|next|this|since|until|by)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/giu;
  for (const match of sentence.matchAll(weekdayPattern)) {
    const name = (match[1] ?? "").toLowerCase();
    const weekday = name === "sonnabend" ? 6 : weekdays.indexOf(name);
    let date: string | null = null;
    if (reference && weekday >= 0) {
      const refWeekday = new Date(Date.UTC(reference.year, reference.month - 1, reference.day)).getUTCDay();
      const ahead =
        /kommenden|nächsten|next/iu.test(match[0]) ||
        (future && !/vergangenen|letzten|last/iu.test(match[0]));
      const delta = ahead ? (weekday - refWeekday + 7) % 7 || 7 : -((refWeekday - weekday + 7) % 7);
      date = shiftDays(reference, delta);
    }
    add(match.index ?? 0, (match.index ?? 0) + match[0].length, {
      start: date,
      end: date,
      precision: "DAY",
      direction: null,
    });
  }

  // Relative days.
  const relative: [RegExp, number][] =
    language === "de"
      ? [
          [/\bvorgestern\b/giu, -2],
          [/\bgestern\b/giu, -1],
          [/\bheute\b/giu, 0],
          [/(?<!\p{L})übermorgen\b/giu, 2],
          [/(?<!\b(?:am|jeden|heute|gestern|früh am)\s)\bmorgen\b(?!\s*(?:früh|abend))/giu, 1],
        ]
      : [
          [/\byesterday\b/giu, -1],
          [/\btoday\b/giu, 0],
          [/\btomorrow\b/giu, 1],
        ];
  for (const [pattern, delta] of relative) {
    for (const match of sentence.matchAll(pattern)) {
      const date = reference ? shiftDays(reference, delta) : null;
      add(match.index ?? 0, (match.index ?? 0) + match[0].length, {
        start: date,
        end: date,
        precision: "DAY",
        direction: null,
      });
    }
  }

  for (const [pattern, precision, delta] of RELATIVE_PERIODS[language]) {
    for (const match of sentence.matchAll(pattern)) {
      let start: string | null = null;
      let end: string | null = null;
      if (reference && precision === "MONTH") {
        const index = reference.year * 12 + reference.month - 1 + delta;
        const year = Math.floor(index / 12);
        const m = (index % 12) + 1;
        start = iso(year, m, 1);
        end = iso(year, m, daysInMonth(year, m));
      } else if (reference) {
        start = iso(reference.year + delta, 1, 1);
        end = iso(reference.year + delta, 12, 31);
      }
      add(match.index ?? 0, (match.index ?? 0) + match[0].length, { start, end, precision, direction: null });
    }
  }

  for (const match of sentence.matchAll(DAYS_AGO[language])) {
    const ago = language === "de" ? match[1]?.toLowerCase() === "vor" : match[4] !== undefined;
    const ahead = match[1]?.toLowerCase() === "in";
    if (!ago && !ahead) continue;
    const raw = (match[2] ?? "").toLowerCase();
    const count = NUMBER_WORDS[raw] ?? Number(raw);
    const days = count * (/^(?:woche|wochen|weeks?)$/iu.test(match[3] ?? "") ? 7 : 1) * (ago ? -1 : 1);
    const date = reference ? shiftDays(reference, days) : null;
    add(match.index ?? 0, (match.index ?? 0) + match[0].length, {
      start: date,
      end: date,
      precision: "DAY",
      direction: null,
    });
  }

  // Vague expressions.
  const vague: [RegExp, "PAST" | "FUTURE"][] =
    language === "de"
      ? [
          [
            /\b(?:bald|demnächst|in Kürze|künftig|zukünftig|in (?:den )?(?:kommenden|nächsten) (?:Tagen|Wochen|Monaten|Jahren)|nächste Woche|kommende Woche)\b/giu,
            "FUTURE",
          ],
          [
            /\b(?:damals|kürzlich|jüngst|neulich|vor kurzem|vor Kurzem|zuletzt|vergangene Woche|letzte Woche|in den vergangenen (?:Tagen|Wochen|Monaten|Jahren))\b/giu,
            "PAST",
          ],
        ]
      : [
          [
            /\b(?:soon|shortly|in the coming (?:days|weeks|months|years)|next week|in the near future)\b/giu,
            "FUTURE",
          ],
          [
            /\b(?:recently|last week|earlier this (?:week|month|year)|in recent (?:days|weeks|months))\b/giu,
            "PAST",
          ],
        ];
  for (const [pattern, direction] of vague) {
    for (const match of sentence.matchAll(pattern)) {
      add(match.index ?? 0, (match.index ?? 0) + match[0].length, {
        start: null,
        end: null,
        precision: "VAGUE",
        direction,
      });
    }
  }

  // Anything else with digits (numeric dates such as 13.10.2023 or 2023-10-13): chrono-node.
  if (/\d/u.test(sentence)) {
    const parser = language === "de" ? chronoDe : chronoEn;
    const refDate = reference
      ? new Date(Date.UTC(reference.year, reference.month - 1, reference.day, 12))
      : new Date(Date.UTC(2000, 0, 1, 12));
    for (const result of parser.parse(sentence, refDate)) {
      if (!/\d/u.test(result.text) || !/\d{1,4}[./-]\d{1,2}[./-]\d{2,4}/u.test(result.text)) continue;
      const startComponents = result.start;
      if (!startComponents.isCertain("year") && !reference) continue;
      const date = startComponents.date();
      const day = iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
      add(result.index, result.index + result.text.length, {
        start: day,
        end: day,
        precision: "DAY",
        direction: null,
      });
    }
  }

  found.sort((a, b) => a.order - b.order);
  return found.map(({ order: _order, ...time }) => time);
}
