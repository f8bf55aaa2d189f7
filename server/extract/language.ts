/** Detects German or English; refuses other languages. */
import { createRequire } from "node:module";
import { join } from "node:path";
import type { eld } from "eld";
import { packageFolder } from "./lexicons/derived.ts";
import { packagedLanguageNgrams } from "./lexicons/packaged.ts";
import { ExtractionError, type Language } from "./types.ts";

const require = createRequire(import.meta.url);

type Detector = Pick<typeof eld, "detect">;

let detector: Detector | null = null;

/** eld's detector over its extrasmall n-grams (see packagedLanguageNgrams), made on first use. */
export function languageDetector(): Detector {
  if (detector) return detector;
  const { createEld } = require(join(packageFolder("eld"), "src/languageDetector.js")) as {
    createEld: () => { instance: Detector; loadData: (data: unknown) => string };
  };
  const { instance, loadData } = createEld();
  loadData(packagedLanguageNgrams());
  detector = instance;
  return instance;
}

const STOPWORDS: Record<Language, Set<string>> = {
  de: new Set(
    "der die das und ist nicht ein eine zu den von mit sich des auf für im dem sie es auch als an wird".split(
      " ",
    ),
  ),
  en: new Set(
    "the and is of to in that it for was on are with as by be this have from at an not has".split(" "),
  ),
};

/** The primary language subtag, lower case: "de", "DE", "de-AT", "de_CH" → "de". */
export function languageCode(value: string): string {
  return value.trim().toLowerCase().split(/[-_]/u)[0] ?? "";
}

/** Normalises a language option ("de", "DE", "de-AT", "en-GB"); anything else is refused. */
export function normalizeLanguage(value: string): Language {
  const code = languageCode(value);
  if ((code === "de" || code === "en") && /^[a-z]{2}(?:[-_][a-z0-9]+)*$/iu.test(value.trim())) return code;
  throw new ExtractionError(
    "UNSUPPORTED_LANGUAGE",
    `Language "${value}" is not supported: the extractor reads German ("de") and English ("en") only.`,
    "language",
  );
}

/** Language of the text: eld on a sample, confirmed by function-word counts for short texts. */
export function detectLanguage(text: string): Language {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const counts = { de: 0, en: 0 };
  for (const word of sample.toLowerCase().split(/[^\p{L}]+/u)) {
    if (STOPWORDS.de.has(word)) counts.de++;
    if (STOPWORDS.en.has(word)) counts.en++;
  }
  const result = languageDetector().detect(sample);
  const detected = result.language;
  if (detected === "de" || detected === "en") return detected;
  // Short texts are full of names; trust de/en when they score close to the winner.
  const scores = result.getScores();
  const words = sample.split(/\s+/u).length;
  const top = Math.max(0, ...Object.values(scores));
  const de = scores.de ?? 0;
  const en = scores.en ?? 0;
  const closest: Language = de >= en ? "de" : "en";
  if (words < 40 && Math.max(de, en) >= 0.85 * top) return closest;
  const best: Language = counts.de >= counts.en ? "de" : "en";
  if (counts[best] >= 3 && counts[best] >= 3 * counts[best === "de" ? "en" : "de"]) return best;
  throw new ExtractionError(
    "UNSUPPORTED_LANGUAGE",
    `The text looks like ${detected ? `"${detected}"` : "an unknown language"}; only German ("de") and English ("en") are supported. Pass the language explicitly if the detection is wrong.`,
    "language",
  );
}
