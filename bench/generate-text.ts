/**
 * Deterministic long texts for scaling benchmarks and corpus checks (same kind, size and seed →
 * same text, byte for byte):
 *   news             realistic German news: the shared SpkAtt articles in paragraphs, or (when
 *                    ../shared is absent) the seed article repeated with its people renamed;
 *   news-flat        the same without line breaks (as the SpkAtt texts come: one paragraph);
 *   quotes           German, nothing but quotes („…“, sagte X. / X sagte: „…“ / "…", erklärte Y. /
 *                    Er fügte hinzu: „…“) by 300 speakers, in paragraphs;
 *   quotes-repeated  the same by three speakers without line breaks: the worst case found so far;
 *   quotes-en        English, nothing but quotes ("…," Y said. / Y said: "…" / "…," he said.).
 * Usage: tsx bench/generate-text.ts KIND BYTES [--seed N] [--out FILE]   (stdout without --out)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { type Faker, fakerDE, fakerEN } from "@faker-js/faker";
import { sharedData } from "../server/extract/eval/data.ts";

export const TEXT_KINDS = ["news", "news-flat", "quotes", "quotes-repeated", "quotes-en"] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

const byteLength = (text: string) => Buffer.byteLength(text, "utf8");

/**
 * Joins paragraphs from `next()` with line breaks (with spaces when `flat`) until the next one would
 * pass `bytes`: never longer than `bytes`.
 */
function fill(bytes: number, next: () => string, flat: boolean): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (;;) {
    const paragraph = next();
    const added = byteLength(paragraph) + (paragraphs.length > 0 ? 1 : 0);
    if (size + added > bytes) break;
    paragraphs.push(paragraph);
    size += added;
  }
  return paragraphs.join(flat ? " " : "\n");
}

/** Sentences of a SpkAtt text (its tokens were joined without paragraph breaks). */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=\p{Ll}{2}[.!?][“"]?)\s+(?=[\p{Lu}„"])/u).filter((sentence) => sentence.length > 0);
}

/** Paragraphs of three to five sentences, article after article in a seeded order. */
function paragraphsOf(articles: readonly string[], faker: Faker): () => string {
  const order = faker.helpers.shuffle([...articles]);
  let queue: string[] = [];
  let article = 0;
  return () => {
    if (queue.length === 0) {
      queue = sentencesOf(order[article % order.length] ?? "");
      article++;
    }
    return queue.splice(0, faker.number.int({ min: 3, max: 5 })).join(" ");
  };
}

const SEED_ARTICLE = new URL("../prisma/seed/nordkorea-russland-waffen.txt", import.meta.url);
/** The seed article's people, renamed in every copy so that a long text has many actors. */
const SEED_PEOPLE = [
  ["Kim Jong Un", "Kim"],
  ["Wladimir Putin", "Putin"],
  ["John Kirby", "Kirby"],
  ["Dmitri Peskow", "Peskow"],
] as const;

/** Copies of the seed article's body (without its page junk and comments), its people renamed. */
function seedCopies(faker: Faker): () => string {
  const body = readFileSync(SEED_ARTICLE, "utf8").split(/\nWe use Cookies/u)[0] ?? "";
  let queue: string[] = [];
  return () => {
    if (queue.length === 0) {
      let copy = body;
      for (const [full, short] of SEED_PEOPLE) {
        const first = faker.person.firstName();
        const last = faker.person.lastName();
        copy = copy.replaceAll(full, `${first} ${last}`).replace(new RegExp(`\\b${short}\\b`, "gu"), last);
      }
      queue = copy.split("\n");
    }
    return queue.shift() ?? "";
  };
}

/** Realistic German news of at most `bytes` bytes, in paragraphs or (`flat`) as one. */
export function newsText(bytes: number, seed = 1, flat = false): string {
  const faker = fakerDE;
  faker.seed(seed);
  const corpus = sharedData("spkatt-train.jsonl");
  const next = corpus
    ? paragraphsOf(
        readFileSync(corpus, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as { text: string }).text),
        faker,
      )
    : seedCopies(faker);
  return fill(bytes, next, flat);
}

const STATEMENTS_DE = [
  "Wir werden die Lage sehr genau beobachten",
  "Das ist ein wichtiger Schritt für die ganze Region",
  "Die Verhandlungen sind noch lange nicht abgeschlossen",
  "Wir stehen fest an der Seite unserer Partner",
  "Niemand kann sagen, wie lange das noch dauern wird",
  "Die Regierung hat in dieser Frage versagt",
  "Wir brauchen jetzt schnelle und klare Entscheidungen",
  "Ich bin zuversichtlich, dass wir eine Lösung finden",
  "Die Zahlen sprechen eine deutliche Sprache",
  "Das Gesetz muss noch in diesem Jahr verabschiedet werden",
  "Wir haben alles getan, was in unserer Macht stand",
  "Die Sicherheit der Bürger hat für uns Vorrang",
];
const ROLES_DE = ["Innenministerin", "Sprecher", "Bürgermeister", "Abgeordnete", "Gewerkschaftschef"];

/** German quotes only by `speakerCount` speakers, in paragraphs of three to six or (`flat`) as one. */
export function quotesText(bytes: number, seed = 1, speakerCount = 300, flat = false): string {
  const faker = fakerDE;
  faker.seed(seed);
  const speakers = Array.from(
    { length: speakerCount },
    () => `${faker.person.firstName()} ${faker.person.lastName()}`,
  );
  const quote = () => {
    const statement = faker.helpers.arrayElement(STATEMENTS_DE);
    const speaker = faker.helpers.arrayElement(speakers);
    const more = faker.helpers.arrayElement(STATEMENTS_DE);
    switch (faker.number.int({ min: 0, max: 4 })) {
      case 0:
        return `„${statement}“, sagte ${speaker}.`;
      case 1:
        return `${speaker} sagte: „${statement}.“`;
      case 2:
        return `"${statement}", erklärte ${faker.helpers.arrayElement(ROLES_DE)} ${speaker}.`;
      case 3:
        return `„${statement}“, sagte ${speaker}. „${more}.“`;
      default:
        return `„${statement}“, sagte ${speaker}. Er fügte hinzu: „${more}.“`;
    }
  };
  const paragraph = () => Array.from({ length: faker.number.int({ min: 3, max: 6 }) }, quote).join(" ");
  return fill(bytes, paragraph, flat);
}

const STATEMENTS_EN = [
  "We will watch the situation very closely",
  "This is an important step for the whole region",
  "The negotiations are far from over",
  "We stand firmly with our partners",
  "Nobody can say how long this will take",
  "The government has failed on this question",
  "We need quick and clear decisions now",
  "I am confident that we will find a solution",
  "The figures speak for themselves",
  "Safety comes first for us",
];
const ROLES_EN = ["spokesman", "minister", "mayor", "lawmaker", "union leader"];

/** English quotes only, in paragraphs of three to six, by 300 speakers. */
export function englishQuotesText(bytes: number, seed = 1): string {
  const faker = fakerEN;
  faker.seed(seed);
  const speakers = Array.from(
    { length: 300 },
    () => `${faker.person.firstName()} ${faker.person.lastName()}`,
  );
  const quote = () => {
    const statement = faker.helpers.arrayElement(STATEMENTS_EN);
    const speaker = faker.helpers.arrayElement(speakers);
    switch (faker.number.int({ min: 0, max: 3 })) {
      case 0:
        return `"${statement}," ${speaker} said.`;
      case 1:
        return `${speaker} said: "${statement}."`;
      case 2:
        return `"${statement}," ${speaker} said. "${faker.helpers.arrayElement(STATEMENTS_EN)}," he said.`;
      default:
        return `“${statement},” said ${faker.helpers.arrayElement(ROLES_EN)} ${speaker}.`;
    }
  };
  const paragraph = () => Array.from({ length: faker.number.int({ min: 3, max: 6 }) }, quote).join(" ");
  return fill(bytes, paragraph, false);
}

export function generateText(kind: TextKind, bytes: number, seed = 1): string {
  switch (kind) {
    case "news":
      return newsText(bytes, seed);
    case "news-flat":
      return newsText(bytes, seed, true);
    case "quotes":
      return quotesText(bytes, seed);
    case "quotes-repeated":
      return quotesText(bytes, seed, 3, true);
    case "quotes-en":
      return englishQuotesText(bytes, seed);
  }
}

function main(args: string[]): void {
  const [kind = "", size = ""] = args;
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const bytes = Number(size);
  if (!(TEXT_KINDS as readonly string[]).includes(kind) || !Number.isInteger(bytes) || bytes <= 0) {
    console.error(`Usage: tsx bench/generate-text.ts ${TEXT_KINDS.join("|")} BYTES [--seed N] [--out FILE]`);
    process.exitCode = 1;
    return;
  }
  const text = generateText(kind as TextKind, bytes, Number(option("--seed") ?? 1));
  const out = option("--out");
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main(process.argv.slice(2));
