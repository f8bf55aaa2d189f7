/**
 * Compiles the curated lists and the packages' data into lookup structures, once per process:
 * phrase tables keyed by first token, Maps of word forms, and suffix tests for compounds.
 */
import { createRequire } from "node:module";
import countries from "i18n-iso-countries";
import { tokenize } from "../tokens.ts";
import type { ActorKind } from "../types.ts";
import { COUNTRY_ROWS, PLACE_ROWS, REGION_ROWS } from "./countries.ts";
import { ORGANIZATION_ROWS } from "./organizations.ts";
import {
  type NounInfo,
  packagedEnglishWords,
  packagedGermanNouns,
  packagedGivenNames,
  packagedSurnames,
  packagedTowns,
  type Town,
} from "./packaged.ts";
import { PERSON_ROWS } from "./people.ts";
import {
  EVENT_NOUNS_DE,
  EVENT_NOUNS_EN,
  EVENT_VERBS_DE,
  EVENT_VERBS_EN,
  SPEECH_VERBS_DE,
  SPEECH_VERBS_EN,
  SUBJUNCTIVE_DE,
  THOUGHT_VERBS_DE,
} from "./verbs.ts";
import {
  CALENDAR_WORDS,
  COMMON_NOUN_ENDING_DE,
  ENGLISH_ORG_HEADS,
  ENGLISH_PLACE_HEADS,
  FUNCTION_WORDS,
  GIVEN_NAMES,
  NON_NAME_ACRONYMS,
  NON_NAME_WORDS,
  ORG_SUFFIXES,
  PLACE_NOUNS,
  ROLE_ENDINGS_DE,
  ROLE_NOUNS_DE,
  ROLE_NOUNS_EN,
  SOURCE_GROUP_NOUNS,
  STATE_NOUNS,
  TITLES,
} from "./words.ts";

export type { Town };

/** An entity the lexicon knows, shared by every document. */
export type LexEntity = {
  key: string;
  kind: ActorKind;
  nameDe: string;
  nameEn: string;
  aliases: string[];
  wikidataId: string | null;
  country: string | null;
  gender: "m" | "f" | "x" | null;
  roles: string[];
  media: boolean;
};

/** How a phrase refers to its entity. */
export type PhraseUse = "NAME" | "METONYM" | "DEMONYM";

export type Phrase = { tokens: string[]; entity: LexEntity; use: PhraseUse };

export type VerbEntry = {
  lemma: string;
  particle: string | null;
  cameo: string | null;
  thought: boolean;
  /** Other verbs with this very form ("wies": hinweisen, zurückweisen), told apart by their particle. */
  alternatives?: VerbEntry[];
};

export type Lexicon = {
  /** Multi-word and single-word names, keyed by their first token (case-sensitive). */
  phrases: Map<string, Phrase[]>;
  /** Country adjectives in lower case, every inflected form ("russischen") → country entity. */
  adjectives: Map<string, LexEntity>;
  countries: Map<string, LexEntity>;
  entities: Map<string, LexEntity>;
  functionWords: Set<string>;
  givenNames: Map<string, "m" | "f" | "x">;
  /** Frequent surnames (capitalised), from the packaged lists. */
  surnames: Set<string>;
  /** Towns of the world by name (the most populous of each name). */
  towns: Map<string, Town>;
  /** Forms of address and titles, lower case ("herr", "dr"). */
  titles: Set<string>;
  /** Upper-case abbreviations that never name an organisation ("EUR", "ISBN"). */
  nonNameAcronyms: Set<string>;
  /** A capitalised German word whose ending only common nouns have ("Verkürzung"), unless it is a known name. */
  nounByShape(word: string): boolean;
  speechVerbs: { de: Map<string, VerbEntry>; en: Map<string, VerbEntry> };
  eventVerbs: { de: Map<string, VerbEntry>; en: Map<string, VerbEntry> };
  eventNouns: [string, string][];
  /** English event nouns, whole words: "sanctions" → 163. */
  eventNounsEn: Map<string, string>;
  subjunctive: Set<string>;
  roleNounsEn: Set<string>;
  isCommonNoun(word: string): boolean;
  /** Lemma and gender (M/F/N) of a German common noun form, compounds by their last part. */
  noun(word: string): NounInfo | null;
  roleOf(word: string, language: "de" | "en"): string | null;
  placeNounOf(word: string): boolean;
  stateNoun(word: string): boolean;
  sourceGroupNoun(word: string): boolean;
  orgSuffix(word: string): boolean;
  /** The kind of name an English last word makes ("League" → ORGANIZATION, "River" → PLACE). */
  englishHead(word: string): "ORGANIZATION" | "PLACE" | null;
};

const require = createRequire(import.meta.url);

function splitList(value: string | undefined): string[] {
  return value
    ? value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean)
    : [];
}

function genitive(name: string): string | null {
  return /[sßxz]$/u.test(name) ? null : `${name}s`;
}

/**
 * A separable verb's bare stem ("lässt", "zog") is that verb only with its particle in the sentence
 * ("lässt … frei", "zog … ab", "frei lässt"); without it, it is another verb ("lassen die Ukraine
 * nicht im Stich"). Events check this; quote cues do not, as SpkAtt counts "stellte sich heraus" too.
 */
export function missingParticle(
  entry: VerbEntry,
  tokens: readonly { lower: string }[],
  index: number,
): boolean {
  const particle = entry.particle;
  const token = tokens[index];
  if (!particle || !token || token.lower.startsWith(particle)) return false;
  return !tokens.some((t, k) => k !== index && t.lower === particle);
}

/** The verb this form stands for here: the first of its readings whose particle the sentence has. */
export function verbReading(
  entry: VerbEntry | undefined,
  tokens: readonly { lower: string }[],
  index: number,
): VerbEntry | undefined {
  if (!entry) return undefined;
  return [entry, ...(entry.alternatives ?? [])].find((reading) => !missingParticle(reading, tokens, index));
}

function germanVerbForms(stems: string[], particle: string | null, extra: string[]): string[] {
  const endings = ["e", "en", "t", "et", "st", "est", "te", "ten", "tet", "test", "n"];
  const forms = new Set<string>(extra);
  for (const stem of stems) {
    const ablaut = !/[^aeiouäöü]$/u.test(stem) ? false : stems.indexOf(stem) > 0;
    const list = ablaut ? ["", "en", "st", "t", "et"] : endings;
    for (const ending of list) {
      forms.add(stem + ending);
      if (particle) forms.add(particle + stem + ending);
    }
    if (!ablaut) {
      const participle =
        /^(be|ge|er|ver|zer|ent|emp|miss|über|unter|wider|hinter)/u.test(stem) || /ier$/u.test(stem)
          ? `${stem}t`
          : `ge${stem}t`;
      forms.add(particle ? particle + participle : participle);
    }
  }
  return [...forms];
}

function compileVerbs(
  rows: readonly string[],
  german: boolean,
  thoughts: Set<string>,
): Map<string, VerbEntry> {
  const map = new Map<string, VerbEntry>();
  const blocked = new Set(["mein", "meine", "meinen", "meiner", "meines", "meinem", "lob", "ruf", "rufe"]);
  for (const row of rows) {
    const [lemma = "", stems = "", particle = "", extra = "", cameo = ""] = row.split("|");
    const entry: VerbEntry = {
      lemma,
      particle: particle || null,
      cameo: cameo || null,
      thought: thoughts.has(lemma),
    };
    const forms = german
      ? germanVerbForms(splitList(stems), particle || null, splitList(extra))
      : [...splitList(stems), ...splitList(extra)];
    for (const form of forms) {
      if (blocked.has(form) && lemma !== "meinen") continue;
      if (lemma === "meinen" && blocked.has(form)) continue;
      const first = map.get(form);
      if (!first) map.set(form, { ...entry });
      else if (first.lemma !== lemma) first.alternatives = [...(first.alternatives ?? []), entry];
    }
  }
  return map;
}

function suffixMatcher(
  words: readonly string[],
  endings: readonly string[],
): (word: string) => string | null {
  const forms = new Map<string, string>();
  for (const word of words) for (const ending of endings) forms.set(word + ending, word);
  const maxLength = Math.max(...[...forms.keys()].map((form) => form.length));
  return (word: string) => {
    const lower = word.toLowerCase();
    const exact = forms.get(lower);
    if (exact) return exact;
    const hyphen = lower.lastIndexOf("-");
    if (hyphen > 0) {
      const tail = forms.get(lower.slice(hyphen + 1));
      if (tail) return tail;
    }
    for (let i = Math.max(1, lower.length - maxLength); i < lower.length - 2; i++) {
      const found = forms.get(lower.slice(i));
      if (found && found.length >= 3) return found;
    }
    return null;
  };
}

function compile(): Lexicon {
  const phrases = new Map<string, Phrase[]>();
  const entities = new Map<string, LexEntity>();
  const countryMap = new Map<string, LexEntity>();
  const adjectives = new Map<string, LexEntity>();

  const addPhrase = (surface: string, entity: LexEntity, use: PhraseUse) => {
    const tokens = tokenize(surface).map((token) => token.text);
    const first = tokens[0];
    if (!first) return;
    const list = phrases.get(first) ?? [];
    if (!list.some((phrase) => phrase.entity === entity && phrase.tokens.join(" ") === tokens.join(" "))) {
      list.push({ tokens, entity, use });
      list.sort((a, b) => b.tokens.length - a.tokens.length);
    }
    phrases.set(first, list);
  };
  const addName = (surface: string, entity: LexEntity, use: PhraseUse) => {
    addPhrase(surface, entity, use);
    const gen = genitive(surface);
    if (gen && !surface.includes(" ") && /^\p{Lu}\p{Ll}/u.test(surface)) addPhrase(gen, entity, use);
    // "des modernen Griechenlandes", "Deutschlandes": the long genitive of "-land" names.
    if (entity.kind === "COUNTRY" && /^\p{Lu}\p{Ll}+land$/u.test(surface))
      addPhrase(`${surface}es`, entity, use);
  };

  const namesDe = countries.getNames("de", { select: "all" });
  const namesEn = countries.getNames("en", { select: "all" });
  const nationalityDe = require("i18n-nationality/langs/de.json").nationalities as Record<string, string>;
  const nationalityEn = require("i18n-nationality/langs/en.json").nationalities as Record<string, string>;
  const curated = new Map(COUNTRY_ROWS.map((row) => [row.slice(0, 2), row.split("|")]));
  const codes = new Set([...Object.keys(namesDe), ...curated.keys()]);
  for (const code of codes) {
    const row = curated.get(code);
    const de = namesDe[code] ?? [];
    const en = namesEn[code] ?? [];
    const extra = splitList(row?.[6]);
    const nameDe = de.at(-1) ?? extra[0] ?? code;
    // The common short form: "Russia", not "Russian Federation".
    const plain = en.filter((name) => !name.includes(",") && !name.includes(" of "));
    const nameEn =
      plain.find((name) => name.length > 3 && !/Federation|Republic/u.test(name)) ??
      plain[0] ??
      en[0] ??
      extra[0] ??
      code;
    const entity: LexEntity = {
      key: `country:${code}`,
      kind: "COUNTRY",
      nameDe: code === "US" ? "USA" : nameDe,
      nameEn: code === "US" ? "United States" : nameEn,
      aliases: [...new Set([...de, ...en, ...extra])],
      wikidataId: row?.[1] || null,
      country: code,
      gender: null,
      roles: [],
      media: false,
    };
    entities.set(entity.key, entity);
    countryMap.set(code, entity);
    for (const name of entity.aliases)
      if (!name.includes(",") && !/\(/u.test(name)) addName(name, entity, "NAME");
    for (const metonym of splitList(row?.[2])) addName(metonym, entity, "METONYM");
    for (const demonym of [...splitList(row?.[3]), ...splitList(row?.[4])])
      addPhrase(demonym, entity, "DEMONYM");
    // The masculine singular the list leaves out: "Letten" → "der Lette", "Russen" → "der Russe".
    for (const plural of splitList(row?.[3]))
      if (/[^er]en$/u.test(plural) && plural.length >= 6) addPhrase(plural.slice(0, -1), entity, "DEMONYM");
    const stems = splitList(row?.[5]);
    const packaged = nationalityDe[code];
    if (stems.length === 0 && packaged && /^\p{Lu}\p{Ll}+isch$/u.test(packaged))
      stems.push(packaged.toLowerCase());
    for (const stem of stems)
      for (const ending of ["", "e", "en", "er", "es", "em"]) adjectives.set(stem + ending, entity);
    const adjectiveEn = nationalityEn[code];
    if (adjectiveEn && /^[A-Z][a-z]+( [A-Z][a-z]+)?$/u.test(adjectiveEn))
      adjectives.set(adjectiveEn.toLowerCase(), entity);
  }

  // Regions carry no country column; towns and cities name theirs.
  for (const row of [...REGION_ROWS, ...PLACE_ROWS]) {
    const [name = "", wikidata = "", aliases = "", english = "", country = ""] = row.split("|");
    const entity: LexEntity = {
      key: `place:${name.toLowerCase()}`,
      kind: "PLACE",
      nameDe: name,
      nameEn: english || name,
      aliases: splitList(aliases),
      wikidataId: wikidata || null,
      country: country || null,
      gender: null,
      roles: [],
      media: false,
    };
    entities.set(entity.key, entity);
    for (const surface of [name, ...entity.aliases]) addName(surface, entity, "NAME");
  }

  for (const row of ORGANIZATION_ROWS) {
    const [name = "", wikidata = "", aliases = "", country = "", flags = "", english = ""] = row.split("|");
    const entity: LexEntity = {
      key: `org:${name}`,
      kind: "ORGANIZATION",
      nameDe: name,
      nameEn: english || name,
      aliases: [...new Set([...splitList(aliases), ...(english ? [english] : [])])],
      wikidataId: wikidata || null,
      country: country || null,
      gender: null,
      roles: [],
      media: flags.includes("media"),
    };
    entities.set(entity.key, entity);
    for (const surface of [name, ...entity.aliases]) addName(surface, entity, "NAME");
  }

  for (const row of PERSON_ROWS) {
    const [names = "", wikidata = "", aliases = "", gender = "", country = "", roles = ""] = row.split("|");
    const [name = "", english = name] = names.split("/");
    const entity: LexEntity = {
      key: `person:${name}`,
      kind: "PERSON",
      nameDe: name,
      nameEn: english,
      aliases: [...new Set([...(english !== name ? [english] : []), ...splitList(aliases)])],
      wikidataId: wikidata || null,
      country: country || null,
      gender: gender === "f" ? "f" : gender === "m" ? "m" : null,
      roles: splitList(roles),
      media: false,
    };
    entities.set(entity.key, entity);
    for (const surface of [name, ...entity.aliases]) addName(surface, entity, "NAME");
  }

  const commonNouns = packagedGermanNouns();
  const functionWords = new Set(FUNCTION_WORDS);
  const givenNames = new Map<string, "m" | "f" | "x">(Object.entries(GIVEN_NAMES));
  // Packaged names that are also German nouns, function words or days and months ("Will", "Rose",
  // "Mark", "Tuesday", "June") are left out.
  const notAName = (name: string) =>
    commonNouns.has(name) || functionWords.has(name.toLowerCase()) || CALENDAR_WORDS.has(name.toLowerCase());
  for (const name of packagedGivenNames())
    if (!givenNames.has(name) && !notAName(name)) givenNames.set(name, "x");
  const surnames = new Set<string>();
  for (const name of packagedSurnames()) if (!notAName(name)) surnames.add(name);
  const towns = packagedTowns();
  const englishWords = new Set(packagedEnglishWords());
  const knownName = (word: string) =>
    givenNames.has(word) || surnames.has(word) || towns.has(word) || phrases.has(word);
  /** "Steighilfen", "Axialturbine": a long word ending in a dictionary noun, whatever its first part. */
  const nounTail = (word: string): boolean => {
    if (word.length < 9) return false;
    for (let i = 4; i <= word.length - 4; i++) {
      if (commonNouns.has((word[i] ?? "").toUpperCase() + word.slice(i + 1))) return true;
    }
    return false;
  };
  const commonCache = new Map<string, boolean>();
  const shapeCache = new Map<string, boolean>();
  const compoundTail = (word: string): NounInfo | null => {
    for (let i = 3; i <= word.length - 4; i++) {
      const tail = (word[i] ?? "").toUpperCase() + word.slice(i + 1);
      const info = commonNouns.get(tail);
      if (!info) continue;
      const head = word.slice(0, i);
      for (const cut of ["", "s", "es", "n", "en", "e"]) {
        if (cut && !head.endsWith(cut)) continue;
        const stem = head.slice(0, head.length - cut.length);
        if (stem.length >= 3 && (commonNouns.has(stem) || commonNouns.has(`${stem}e`))) {
          return { lemma: head + info.lemma.toLowerCase(), gender: info.gender };
        }
      }
    }
    return null;
  };
  const isCommonNounUncached = (word: string, depth: number): boolean => {
    if (commonNouns.has(word)) return true;
    if (depth === 0 && compoundTail(word)) return true;
    if (depth > 0 || word.length < 7) return false;
    // three-part compounds: "Welt|raum|bahnhof"
    for (let i = word.length - 4; i >= 6; i--) {
      const tail = (word[i] ?? "").toUpperCase() + word.slice(i + 1);
      if (commonNouns.has(tail) && isCommonNounUncached(word.slice(0, i), depth + 1)) return true;
    }
    return false;
  };
  const isCommonNoun = (word: string): boolean => {
    const hyphen = word.lastIndexOf("-");
    const key = hyphen > 0 ? word.slice(hyphen + 1) : word;
    if (key.length === 0 || !/^\p{Lu}/u.test(key)) return false;
    // A town's name that only looks like a compound ("Frei|burg", "Darm|stadt") is the town.
    if (hyphen < 0 && towns.has(key) && !commonNouns.has(key)) return false;
    // Genitives the dictionary lacks: "Jahres", "Mannes", "Wortes".
    if (key.length >= 6 && key.endsWith("es") && commonNouns.has(key.slice(0, -2))) return true;
    let value = commonCache.get(key);
    if (value === undefined) {
      value = isCommonNounUncached(key, 0);
      if (commonCache.size > 200_000) commonCache.clear();
      commonCache.set(key, value);
    }
    return value;
  };

  const roleDe = suffixMatcher(ROLE_NOUNS_DE, ROLE_ENDINGS_DE);
  const roleNounsEn = new Set(ROLE_NOUNS_EN);
  const place = suffixMatcher(PLACE_NOUNS, ["", "s", "es", "n", "en", "e"]);
  const state = suffixMatcher(STATE_NOUNS, [""]);
  const source = suffixMatcher(SOURCE_GROUP_NOUNS, ["", "n"]);
  const org = suffixMatcher(ORG_SUFFIXES, ["", "s", "es", "n", "en"]);
  const thoughts = new Set(THOUGHT_VERBS_DE);
  const englishOrgHeads = new Set(ENGLISH_ORG_HEADS);
  const englishPlaceHeads = new Set(ENGLISH_PLACE_HEADS);

  return {
    phrases,
    adjectives,
    countries: countryMap,
    entities,
    functionWords,
    givenNames,
    surnames,
    towns,
    titles: new Set(TITLES),
    nonNameAcronyms: new Set(NON_NAME_ACRONYMS),
    nounByShape: (word) => {
      let value = shapeCache.get(word);
      if (value === undefined) {
        value =
          NON_NAME_WORDS.has(word) ||
          (((word.length >= 6 && COMMON_NOUN_ENDING_DE.test(word)) ||
            nounTail(word) ||
            englishWords.has(word.toLowerCase())) &&
            !knownName(word));
        if (shapeCache.size > 200_000) shapeCache.clear();
        shapeCache.set(word, value);
      }
      return value;
    },
    speechVerbs: {
      de: compileVerbs(SPEECH_VERBS_DE, true, thoughts),
      en: compileVerbs(SPEECH_VERBS_EN, false, new Set(["believe"])),
    },
    eventVerbs: {
      de: compileVerbs(EVENT_VERBS_DE, true, new Set()),
      en: compileVerbs(EVENT_VERBS_EN, false, new Set()),
    },
    eventNounsEn: new Map(EVENT_NOUNS_EN.map((row) => row.split("|") as [string, string])),
    eventNouns: EVENT_NOUNS_DE.map((row) => row.split("|") as [string, string]).sort(
      (a, b) => b[0].length - a[0].length,
    ),
    subjunctive: new Set(SUBJUNCTIVE_DE),
    roleNounsEn,
    isCommonNoun,
    noun: (word) => commonNouns.get(word) ?? compoundTail(word),
    roleOf: (word, language) =>
      language === "de" ? roleDe(word) : roleNounsEn.has(word.toLowerCase()) ? word.toLowerCase() : null,
    placeNounOf: (word) => place(word) !== null,
    stateNoun: (word) => state(word) !== null,
    sourceGroupNoun: (word) => source(word) !== null,
    orgSuffix: (word) => org(word) !== null,
    englishHead: (word) =>
      englishOrgHeads.has(word) ? "ORGANIZATION" : englishPlaceHeads.has(word) ? "PLACE" : null,
  };
}

let compiled: Lexicon | null = null;

/** The lexicon, compiled on first use and kept for the life of the process. */
export function lexicon(): Lexicon {
  compiled ??= compile();
  return compiled;
}
