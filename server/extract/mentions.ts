/**
 * Finds references to actors in each sentence: lexicon names (with genitives and metonyms),
 * country adjectives and demonyms, role phrases with or without a following name, unknown names
 * (given name + capitalised words, names after role or place nouns, acronyms), and organisation
 * names built from a capitalised adjective and an organisation noun ("Nationaler Sicherheitsrat").
 */
import { nominative, townAdjective } from "./declension.ts";
import { type LexEntity, type Lexicon, lexicon } from "./lexicons/index.ts";
import { CALENDAR_WORDS } from "./lexicons/words.ts";
import type { Sentence } from "./sentences.ts";
import { stripPossessive, type Token } from "./tokens.ts";
import type { ActorKind, Language, MentionForm } from "./types.ts";

/** How a mention refers: by name, as seat/capital, demonym, adjective, role phrase, state noun, group. */
export type MentionUse =
  | "NAME"
  | "METONYM"
  | "DEMONYM"
  | "ADJECTIVE"
  | "ROLE"
  | "STATE"
  | "GROUP"
  | "PRONOUN";

export type Mention = {
  start: number;
  end: number;
  text: string;
  form: MentionForm;
  use: MentionUse;
  kind: ActorKind;
  /** Cluster key: the lexicon key, or "name:<lower name>" for unknown names. */
  key: string;
  name: string;
  entity: LexEntity | null;
  sentence: number;
  /** Index of the first and one past the last token in the sentence. */
  first: number;
  last: number;
  /** Role noun (base form) and description from an apposition or a preceding role phrase. */
  role: string | null;
  description: string | null;
  /** Country the role phrase names ("der russische Präsident" → RU). */
  country: string | null;
  /** A name that must be resolved to a person already known (a lone surname, a role phrase). */
  needsAntecedent: boolean;
  /** A role noun alone ("Forscher", "Bürgermeister"): kept only when it resolves to a named person. */
  bareRole?: boolean;
};

const ARTICLES = new Set([
  "der",
  "die",
  "das",
  "den",
  "dem",
  "des",
  "ein",
  "eine",
  "einer",
  "eines",
  "einem",
  "einen",
  "the",
  "a",
  "an",
]);
/** Finite auxiliaries and modals ending like adjectives ("hatte", "wurde", "sollte"). */
const AUXILIARY_FORMS = new Set(
  "habe hatte hatten hätte hätten werde wurde wurden würde würden sollte sollten wollte wollten konnte konnten könnte könnten musste mussten müsste durfte dürfte mochte möchte".split(
    " ",
  ),
);
const NAME_PARTICLES = new Set([
  "von",
  "van",
  "de",
  "da",
  "di",
  "del",
  "der",
  "al",
  "bin",
  "ibn",
  "zu",
  "le",
  "la",
]);
const LOCATIVE = new Set(["in", "im", "nach", "aus", "bei", "nahe", "near", "from", "to", "at", "into"]);
/** Institutions of a state, named with the state's adjective ("das russische Verteidigungsministerium"). */
const STATE_INSTITUTION =
  /(?:ministerium|ministeriums|luftwaffe|marine|geheimdienst|geheimdienstes|zentralbank|generalstab|generalstabs|küstenwache|botschaft|nachrichtendienst|nachrichtendienstes)$/u;
/** Institutions a German text names by their common noun ("die Polizei", "der Staatsanwaltschaft"). */
const GENERIC_INSTITUTION =
  /^(?:Polizei|Bundespolizei|Landespolizei|Kriminalpolizei|Feuerwehr|Staatsanwaltschaft|Generalstaatsanwaltschaft|Bundesanwaltschaft|Küstenwache|Justiz)$/u;
/** Seats of government that never denote the city as a place ("im Kreml" is still Russia). */
const SEATS = new Set([
  "Kreml",
  "Kremlin",
  "Weißes Haus",
  "White House",
  "Élysée",
  "Elysée",
  "Élysée-Palast",
  "Downing Street",
  "Kanzleramt",
]);
/** German adjective forms ("westsudanesischen", "ehemalige"), capitalised at a sentence start or in names. */
const ADJECTIVE_SHAPE = /(?:isch|lich|ige|igen|iger|iges|igem)(?:e|en|er|es|em)?$/u;
/** First words of sports clubs' names: "FC Bayern", "VfL Osnabrück", "TSV 1860". */
const CLUB_PREFIXES = new Set(
  "FC SC SV TSV VfL VfB FSV SSV TuS BSC SG SK SpVgg TSG KSC HSV BVB MSV ESV ETSV DSC SSC RB Borussia Eintracht Fortuna Alemannia Arminia Union Dynamo Hertha Werder Rot-Weiss Rot-Weiß Schwarz-Weiß Kickers Stuttgarter".split(
    " ",
  ),
);
/** Streets and squares: the second word of "Schwabacher Straße" and the ending of "Knoopstraße". */
const STREET_WORD =
  /^(?:Straße|Strasse|Landstraße|Platz|Allee|Weg|Gasse|Brücke|Chaussee|Damm|Ufer|Markt|Tor)$/u;
const STREET_SUFFIX = /(?:straße|strasse|gasse|allee|damm|ufer)$/u;
/** Singular heads of bodies named by their purpose: "Bundesamt für …", "Institut für …", "Stiftung zur …". */
const PURPOSE_HEAD =
  /(?:amt|amtes|amts|ministerium|ministeriums|institut|instituts|institutes|stiftung|akademie|hochschule|universität|verband|verbandes|verbands|zentrum|zentrums|zentrale|agentur|behörde|anstalt|kammer|gerichtshof|kommission|komitee|vereinigung|gesellschaft|bund|bundes|dienst|dienstes)$/u;
const LEGAL_FORMS = new Set([
  "AG",
  "GmbH",
  "SE",
  "KG",
  "KGaA",
  "Inc",
  "Ltd",
  "Corp",
  "plc",
  "PLC",
  "LLC",
  "SA",
  "NV",
]);
/** Words that make a club's name with a town after them: "Bayer Leverkusen", "Preußen Münster", "AS Rom". */
const CLUB_WORDS = new Set(
  "Bayer Preußen Inter AS AC SSC Lok Lokomotive Hansa Energie Sportfreunde Sporting Olympique Racing Atlético Rapid Admira Viktoria Germania Holstein Jahn Greuther Wacker Stahl Chemie Motor Rot-Weiss Rot-Weiß Blau-Weiß Carl Zeiss".split(
    " ",
  ),
);
/** Institution nouns that are part of the name they precede ("Universität Gießen", not "Chemiekonzern BASF"). */
const INSTITUTION_NOUN =
  /^(?:\p{Lu}\p{Ll}*)?(?:[Uu]niversität|[Hh]ochschule|[Vv]erlag|[Ss]chule|[Gg]ymnasium|[Ss]tiftung|[Ii]nstitut|[Aa]kademie|[Tt]heater|[Kk]linik|[Kk]linikum|[Kk]rankenhaus|[Ss]parkasse|[Vv]olksbank|[Rr]aiffeisenbank|[Bb]and|[Gg]ruppe|[Vv]erein)$/u;
/** Directions that make a region of a country or continent: "Ostdeutschland", "Südosteuropa". */
const COMPASS_PREFIX = /^(?:Nord|Süd|Ost|West|Mittel|Zentral)(?:ost|west)?(?=\p{Ll}{3})/u;
/** Determiners and numerals that open a noun phrase of people ("viele Israelis", "zwei Deutsche"). */
const QUANTIFIERS = new Set(
  "viele vielen einige einigen mehrere mehreren wenige wenigen manche manchen alle allen beide beiden zahlreiche zahlreichen tausende hunderte zwei drei vier fünf sechs sieben acht neun zehn zwölf zwanzig hundert tausend many some several few two three".split(
    " ",
  ),
);
/** What follows a dateline's place: "BERLIN (dpa)", "WASHINGTON –", "MOSKAU, 13. Oktober". */
const DATELINE_END = new Set(["(", "-", "–", "—", ","]);
const OPENERS = new Set(["„", "“", '"', "«", "»", "‚", "(", ":", "–", "-", "—", "'"]);

function sentenceInitial(tokens: Token[], index: number): boolean {
  if (index === 0) return true;
  const previous = tokens[index - 1];
  return previous !== undefined && !previous.word && OPENERS.has(previous.text);
}

function levenshteinAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    const [i, j] = diffs;
    return diffs.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/** The fields of a mention that names its entity outright ("Audi AG", "Teemu Tainio"). */
function byName(kind: Mention["kind"], surface: string) {
  return { kind, key: `name:${surface.toLowerCase()}`, name: surface, use: "NAME", form: "NAME" } as const;
}

/** The fields of a mention that names a place ("Ostdeutschland", "Schwabacher Straße"). */
function byPlaceName(name: string, country: string | null = null) {
  return {
    kind: "PLACE",
    key: `place:${name.toLowerCase()}`,
    name,
    use: "NAME",
    form: "NAME",
    country,
  } as const;
}

export class MentionFinder {
  private readonly lex: Lexicon = lexicon();
  private readonly acronyms: LexEntity[];
  /** Words of person names found so far in the current document ("Schneider" after "Maria Schneider"). */
  private readonly knownNames = new Set<string>();
  /** Token indexes (in the current sentence) where a place or country mention ends, for lists of places. */
  private readonly placeEnds = new Set<number>();

  constructor(private readonly language: Language) {
    this.acronyms = [];
    for (const list of this.lex.phrases.values()) {
      for (const phrase of list) {
        const [only] = phrase.tokens;
        if (
          phrase.tokens.length === 1 &&
          only &&
          /^[A-Z]{3,6}$/u.test(only) &&
          phrase.entity.kind === "ORGANIZATION"
        ) {
          this.acronyms.push({ ...phrase.entity, aliases: [only] });
        }
      }
    }
  }

  /** A capitalised word that can be part of a name: not a function word, month, or German common noun. */
  nameLike(token: Token | undefined): boolean {
    if (!token?.word || !token.cap || token.text.length < 2) return false;
    if (this.knownNames.has(token.text) || this.knownNames.has(stripPossessive(token.text))) return true;
    if (this.lex.functionWords.has(token.lower) || CALENDAR_WORDS.has(token.lower)) return false;
    if (/^\d/u.test(token.text)) return false;
    const bare = stripPossessive(token.text);
    // The noun dictionary lists abbreviations too ("FIFA", "BASF"): upper-case words go by the acronym list.
    const acronym = /^[\p{Lu}\d]+$/u.test(bare);
    if (this.language === "de" && !acronym && (this.lex.isCommonNoun(bare) || this.lex.nounByShape(bare)))
      return false;
    if (this.lex.adjectives.has(token.lower)) return false;
    if (this.language === "de" && ADJECTIVE_SHAPE.test(token.lower) && !this.lex.surnames.has(bare))
      return false;
    if (acronym && this.lex.nonNameAcronyms.has(bare)) return false;
    if (this.lex.roleOf(token.text, this.language)) return false;
    if (this.language === "de" && townAdjective(this.lex, bare) && !this.lex.surnames.has(bare)) return false;
    return true;
  }

  /** A given name, also a hyphenated one whose parts all are ("Frank-Jürgen", "Hans-Dietrich"). */
  private isGiven(text: string): boolean {
    if (this.lex.givenNames.has(text)) return true;
    const parts = text.split("-");
    return parts.length === 2 && parts.every((part) => part.length >= 2 && this.lex.givenNames.has(part));
  }

  /** A capitalised word after an initial: a surname even when it looks like a compound ("Wiege|mann"). */
  private surnameShape(token: Token | undefined): boolean {
    if (!token?.word || !token.cap || token.text.length < 3) return false;
    if (this.lex.functionWords.has(token.lower) || CALENDAR_WORDS.has(token.lower)) return false;
    return /^\p{Lu}\p{Ll}+$/u.test(token.text) && !this.lex.roleOf(token.text, this.language);
  }

  /** Mixed-case words without an English look: "Teemu Tainio", not "Music Radio" or "Red Bull". */
  private personShaped(first: Token | undefined, second: Token | undefined): boolean {
    const shaped = (token: Token | undefined) =>
      token !== undefined &&
      /^\p{Lu}\p{Ll}{2,}$/u.test(token.text) &&
      !this.lex.towns.has(token.text) &&
      !this.lex.phrases.has(token.text) &&
      !/(?:s|ß)$/u.test(token.text);
    return shaped(first) && shaped(second) && /[aeiouyj]$/u.test(first?.text ?? "");
  }

  /** A given name that can start a person's name here ("Mio Euro" is no person). */
  private givenName(token: Token | undefined): boolean {
    return token !== undefined && this.isGiven(token.text) && !this.lex.nounByShape(token.text);
  }

  private matchPhrase(
    tokens: Token[],
    index: number,
  ): { length: number; entity: LexEntity; use: "NAME" | "METONYM" | "DEMONYM" } | null {
    const token = tokens[index];
    if (!token) return null;
    // Datelines in capitals: "WASHINGTON (AP) –", "MOSKAU, 13. Oktober".
    const dateline =
      index === 0 &&
      token.text.length >= 3 &&
      /^\p{Lu}+$/u.test(token.text) &&
      DATELINE_END.has(tokens[1]?.text ?? "");
    const candidates = [
      ...(dateline ? (this.lex.phrases.get(token.text[0] + token.text.slice(1).toLowerCase()) ?? []) : []),
      ...(this.lex.phrases.get(token.text) ?? []),
      ...(token.text !== stripPossessive(token.text)
        ? (this.lex.phrases.get(stripPossessive(token.text)) ?? [])
        : []),
    ];
    for (const phrase of candidates) {
      let ok = true;
      for (let k = 0; k < phrase.tokens.length; k++) {
        const actual = tokens[index + k];
        const expected = phrase.tokens[k];
        const same =
          actual !== undefined &&
          (actual.text === expected ||
            stripPossessive(actual.text) === expected ||
            (dateline && actual.text.toLowerCase() === expected?.toLowerCase()));
        if (!same) {
          ok = false;
          break;
        }
      }
      if (ok) return { length: phrase.tokens.length, entity: phrase.entity, use: phrase.use };
    }
    return null;
  }

  /** A part of a known country or region named by its direction: "Ostdeutschland", "Süditaliens", "Nordafrika". */
  private compassRegion(token: Token): { name: string; country: string | null } | null {
    const match = COMPASS_PREFIX.exec(token.text);
    if (!match || this.language !== "de") return null;
    const rest = token.text.slice(match[0].length);
    const capitalised = (rest[0] ?? "").toUpperCase() + rest.slice(1);
    const base =
      /s$/u.test(capitalised) && this.lex.phrases.has(capitalised.slice(0, -1))
        ? capitalised.slice(0, -1)
        : capitalised;
    const entity = this.lex.phrases
      .get(base)
      ?.find((phrase) => phrase.tokens.length === 1 && phrase.use === "NAME")?.entity;
    if (!entity || (entity.kind !== "COUNTRY" && entity.kind !== "PLACE")) return null;
    return { name: match[0] + rest.slice(0, base.length), country: entity.country };
  }

  /** Entity named by the first part of a hyphenated compound: "US-Regierung", "Kreml-Sprecher". */
  private compoundPrefix(token: Token): LexEntity | null {
    const hyphen = token.text.search(/[-‐‑]/u);
    if (hyphen <= 0) return null;
    const prefix = token.text.slice(0, hyphen);
    const phrase = this.lex.phrases.get(prefix)?.find((candidate) => candidate.tokens.length === 1);
    if (phrase) return phrase.entity;
    return this.lex.adjectives.get(prefix.toLowerCase()) ?? null;
  }

  private misspeltAcronym(text: string): LexEntity | null {
    // Three letters are too short to tell a typo from another acronym ("ATP" is no "AFP").
    if (!/^[A-Z]{4,6}$/u.test(text)) return null;
    const matches = this.acronyms.filter((entity) => {
      const alias = entity.aliases[0] ?? "";
      return alias !== text && alias.length === text.length && levenshteinAtMostOne(alias, text);
    });
    return matches.length === 1 ? (this.lex.entities.get(matches[0]?.key ?? "") ?? null) : null;
  }

  /** Forgets the names of the previous document. */
  reset(): void {
    this.knownNames.clear();
  }

  find(sentence: Sentence): Mention[] {
    const tokens = sentence.tokens;
    const mentions: Mention[] = [];
    const mention = (
      first: number,
      last: number,
      fields: Partial<Mention> & Pick<Mention, "kind" | "key" | "name" | "use" | "form">,
    ): Mention => {
      const startToken = tokens[first];
      const endToken = tokens[last - 1];
      const start = startToken?.start ?? 0;
      const end = endToken?.end ?? start;
      const text = sentence.text.slice(start - sentence.start, end - sentence.start);
      const value: Mention = {
        start,
        end,
        text,
        entity: null,
        sentence: sentence.index,
        first,
        last,
        role: null,
        description: null,
        country: null,
        needsAntecedent: false,
        ...fields,
      };
      mentions.push(value);
      if (value.kind === "PLACE" || (value.kind === "COUNTRY" && value.use === "NAME"))
        this.placeEnds.add(last - 1);
      if (value.kind === "PERSON" && value.use === "NAME" && last - first >= 2) {
        for (const token of tokens.slice(first, last)) if (token.cap) this.knownNames.add(token.text);
      }
      return value;
    };
    const entityMention = (
      first: number,
      last: number,
      entity: LexEntity,
      use: MentionUse,
      form: MentionForm,
    ) =>
      mention(first, last, {
        kind: entity.kind,
        key: entity.key,
        name: this.language === "de" ? entity.nameDe : entity.nameEn,
        entity,
        use,
        form,
      });

    this.placeEnds.clear();
    let i = 0;
    while (i < tokens.length) {
      const consumed = this.matchAt(tokens, i, sentence, mention, entityMention);
      i = consumed > i ? consumed : i + 1;
    }
    return mentions;
  }

  /** Tries every rule at token `i`; returns the index after what it consumed (or `i`). */
  private matchAt(
    tokens: Token[],
    i: number,
    sentence: Sentence,
    mention: (
      first: number,
      last: number,
      fields: Partial<Mention> & Pick<Mention, "kind" | "key" | "name" | "use" | "form">,
    ) => Mention,
    entityMention: (
      first: number,
      last: number,
      entity: LexEntity,
      use: MentionUse,
      form: MentionForm,
    ) => Mention,
  ): number {
    const token = tokens[i];
    if (!token?.word) return i;
    const lex = this.lex;
    const previous = tokens[i - 1];

    // Sports clubs: "VfL Osnabrück", "FC Bayern München", "1. FC Nürnberg", "THW Kiel", "Bayer Leverkusen".
    const club = this.club(tokens, i);
    if (club) {
      const surface = sentence.text.slice(
        (tokens[club.start]?.start ?? 0) - sentence.start,
        (tokens[club.end - 1]?.end ?? 0) - sentence.start,
      );
      mention(club.start, club.end, byName("ORGANIZATION", surface));
      return club.end;
    }
    const hasArticle = previous !== undefined && ARTICLES.has(previous.lower);
    const npStart = hasArticle ? i - 1 : i;

    // "die Polizei", "der Feuerwehr": the institution of the place the article is about, one actor
    // per article. The mention keeps its article: the institution is named by a common noun.
    if (this.language === "de" && hasArticle && GENERIC_INSTITUTION.test(token.text) && !tokens[i + 1]?.cap) {
      const name = token.text.replace(/(?<=[^s])s$/u, "");
      mention(npStart, i + 1, {
        ...byName("ORGANIZATION", name),
        form: "NOMINAL",
        key: `institution:${name.toLowerCase()}`,
      });
      return i + 1;
    }

    // English: "U.S. President Joe Biden", "Defense Secretary Lloyd Austin": the modifier belongs to the role.
    if (this.language === "en" && token.cap) {
      const modifier = this.matchPhrase(tokens, i);
      const after = i + (modifier?.length ?? 1);
      const afterToken = tokens[after] ?? null;
      const afterTwo = tokens[after + 1] ?? null;
      const roleAt =
        afterToken && lex.roleOf(afterToken.text, "en")
          ? after
          : afterTwo && afterToken?.cap && lex.roleOf(afterTwo.text, "en")
            ? after + 1
            : -1;
      if (roleAt > 0 && modifier?.entity.kind !== "PERSON") {
        const country = modifier?.entity.kind === "COUNTRY" ? modifier.entity : null;
        let head = roleAt;
        const next = tokens[head + 1];
        if (next && lex.roleNounsEn.has(next.lower)) head++;
        const role = lex.roleOf(tokens[head]?.text ?? "", "en") ?? "";
        return this.rolePhrase(
          tokens,
          npStart,
          i,
          head,
          role,
          country,
          modifier?.entity ?? null,
          sentence,
          mention,
        );
      }
    }

    // Noun phrase: [article] [country adjective | other adjectives]* head (role, state or source noun).
    const np = this.nounPhrase(tokens, i);
    // Capitalised adjective + organisation noun: "des Nationalen Sicherheitsrats", "Europäische
    // Kommission", also when the adjective looks like a role ("Der Oberste Gerichtshof").
    const org = this.adjectiveOrganization(tokens, i);
    // A known name that runs past the role noun wins: "General Motors", "General Electric".
    const named = np ? this.matchPhrase(tokens, np.head) : null;
    if (np && !org && !(named && named.entity.kind !== "PERSON" && named.length > 1)) {
      const { head, country, entity: prefixEntity } = np;
      const headToken = tokens[head];
      if (!headToken) return i;
      const role = lex.roleOf(headToken.text, this.language);
      if (role)
        return this.rolePhrase(tokens, npStart, i, head, role, country, prefixEntity, sentence, mention);
      // "das russische Verteidigungsministerium", "der ukrainischen Luftwaffe": a state's institution
      // is an organisation of its own, named in the nominative and tied to its country.
      if (country && !prefixEntity && STATE_INSTITUTION.test(headToken.lower) && this.language === "de") {
        const name = nominative(lex, tokens.slice(i, head), headToken);
        mention(npStart, head + 1, {
          ...byName("ORGANIZATION", name),
          form: "NOMINAL",
          key: `org:${name.toLowerCase()}`,
          country: country.country,
        });
        return head + 1;
      }
      if (
        country &&
        (lex.stateNoun(headToken.text) || lex.stateNoun(headToken.text.split(/[-‐‑]/u).at(-1) ?? ""))
      ) {
        entityMention(npStart, head + 1, country, "STATE", "NOMINAL");
        return head + 1;
      }
      if (country && lex.sourceGroupNoun(headToken.text) && !prefixEntity) {
        const adjective = tokens[head - 1]?.lower ?? "";
        const stem = adjective.replace(/(?:e|en|er|es|em)$/u, "");
        const noun = headToken.text;
        mention(npStart, head + 1, {
          kind: "GROUP",
          key: `group:${stem} ${noun.toLowerCase()}`,
          name: `${stem}e ${noun}`,
          use: "GROUP",
          form: "NOMINAL",
          country: country.country,
        });
        return head + 1;
      }
    }

    // Lexicon names, metonyms and demonyms. A capitalised demonym before an organisation noun is
    // the adjective of that organisation's name ("der Deutschen Presse-Agentur").
    const found = this.matchPhrase(tokens, i);
    const phrase =
      found?.use === "DEMONYM" && org !== null && !lex.stateNoun(tokens[i + found.length]?.text ?? "")
        ? null
        : found;
    if (phrase) {
      const end = i + phrase.length;
      const surface = tokens
        .slice(i, end)
        .map((t) => t.text)
        .join(" ");
      if (phrase.use === "DEMONYM") {
        // "der Schweizer Armee": an indeclinable demonym before a state noun names the state.
        const next = tokens[end];
        if (next?.cap && lex.stateNoun(next.text)) {
          entityMention(npStart, end + 1, phrase.entity, "STATE", "NOMINAL");
          return end + 1;
        }
        entityMention(this.demonymStart(tokens, i), end, phrase.entity, "DEMONYM", "NOMINAL");
        return end;
      }
      // "Kenya Police Service", "Japan Meteorological Agency": a country's name opening an English
      // organisation's name.
      if (this.language === "en" && phrase.entity.kind === "COUNTRY") {
        let k = end;
        while (k < end + 3 && tokens[k]?.cap && tokens[k]?.word && !lex.englishHead(tokens[k]?.text ?? ""))
          k++;
        const orgHead = tokens[k];
        if (orgHead?.cap && lex.englishHead(orgHead.text) === "ORGANIZATION") {
          while (lex.englishHead(tokens[k + 1]?.text ?? "") === "ORGANIZATION") k++;
          const name = tokens
            .slice(i, k + 1)
            .map((t) => t.text)
            .join(" ");
          mention(i, k + 1, byName("ORGANIZATION", name));
          return k + 1;
        }
      }
      const after = tokens[end]?.text ?? "";
      const dateline = i === 0 && DATELINE_END.has(after) && (after !== "," || /^\p{Lu}+$/u.test(token.text));
      if (
        phrase.use === "METONYM" &&
        !SEATS.has(surface) &&
        ((previous && LOCATIVE.has(previous.lower)) || dateline)
      ) {
        // "BRUSSELS (AP) —": a dateline's capitals are typography, not the name.
        const name = /^[\p{Lu}\s.'-]{4,}$/u.test(surface)
          ? surface.toLowerCase().replace(/(^|[\s-])\p{Ll}/gu, (start) => start.toUpperCase())
          : stripPossessive(surface);
        mention(i, end, byPlaceName(name, phrase.entity.country));
        return end;
      }
      const named = phrase.entity.kind === "ORGANIZATION" ? this.legalForm(tokens, end) : end;
      const found = entityMention(
        i,
        named,
        phrase.entity,
        phrase.use === "METONYM" ? "METONYM" : "NAME",
        "NAME",
      );
      // A lexicon person followed by an apposition keeps the description ("Putin, der russische Präsident").
      if (phrase.entity.kind === "PERSON") found.description = this.postApposition(tokens, end);
      return named;
    }

    const region = this.compassRegion(token);
    if (region) {
      mention(i, i + 1, byPlaceName(region.name, region.country));
      return i + 1;
    }

    // Hyphenated compounds led by a known entity: "US-Regierung" names the state.
    const prefixEntity = this.compoundPrefix(token);
    if (prefixEntity && token.cap) {
      const tail = token.text.split(/[-‐‑]/u).at(-1) ?? "";
      if (lex.stateNoun(tail) && prefixEntity.kind === "COUNTRY") {
        entityMention(npStart, i + 1, prefixEntity, "STATE", "NOMINAL");
        return i + 1;
      }
    }

    // Country adjectives on their own ("russische Waffentechnologien").
    const adjective = lex.adjectives.get(token.lower);
    if (adjective && (!token.cap || this.language === "en" || sentenceInitial(tokens, i))) {
      entityMention(i, i + 1, adjective, "ADJECTIVE", "NOMINAL");
      return i + 1;
    }

    if (org) {
      const entity = this.lexiconByName(org.name);
      const end = this.purposeTail(tokens, org.end);
      if (entity && end === org.end) entityMention(i, end, entity, "NAME", "NAME");
      else {
        const name = end === org.end ? org.name : this.surface(tokens, i, end);
        mention(i, end, byName("ORGANIZATION", name));
      }
      return end;
    }

    // An organisation noun with its purpose: "Bundesamt für Gesundheit", "Institut für Demoskopie".
    if (token.cap && PURPOSE_HEAD.test(token.text) && !lex.roleOf(token.text, this.language)) {
      const end = this.purposeTail(tokens, i + 1);
      if (end > i + 1) {
        const name = this.surface(tokens, i, end);
        mention(i, end, byName("ORGANIZATION", name));
        return end;
      }
    }

    const institution = this.institution(tokens, i);
    if (institution) {
      mention(i, institution.end, byName("ORGANIZATION", institution.name));
      return institution.end;
    }

    const street = this.street(tokens, i);
    if (street) {
      mention(i, street, byPlaceName(this.surface(tokens, i, street)));
      return street;
    }

    return this.unknownName(tokens, i, mention);
  }

  /** "Schwabacher Straße", "Neuendorfer Straße 90c", "Knoopstraße": streets and squares named after something. */
  private street(tokens: Token[], i: number): number | null {
    const token = tokens[i];
    if (!token?.cap || !token.word || this.language !== "de") return null;
    let end = 0;
    const next = tokens[i + 1];
    if (
      /^\p{Lu}\p{Ll}+er$/u.test(token.text) &&
      next &&
      STREET_WORD.test(next.text) &&
      !sentenceInitial(tokens, i)
    )
      end = i + 2;
    else {
      const match = STREET_SUFFIX.exec(token.text);
      const prefix = match ? token.text.slice(0, match.index) : "";
      if (!match || prefix.length < 3 || this.lex.isCommonNoun(token.text)) return null;
      const stem = prefix.replace(/[-‐‑]$/u, "");
      const capital = (stem[0] ?? "").toUpperCase() + stem.slice(1);
      const plain = capital.replace(/(?:e?s|n)$/u, "");
      if (
        this.lex.isCommonNoun(capital) ||
        this.lex.isCommonNoun(plain) ||
        this.lex.functionWords.has(stem.toLowerCase())
      )
        return null;
      if (
        /^(?:haupt|bundes|land|landes|neben|seiten|dorf|kreis|staats|ring|quer|fuß|rad|durchgangs|umgehungs|zufahrts|einkaufs|wohn|fußgänger|schnell|stadt|auto|kraftfahr|wasser|eisen|privat|gemeinde)/iu.test(
          stem,
        )
      )
        return null;
      end = i + 1;
    }
    if (/^\d+[a-z]?$/u.test(tokens[end]?.text ?? "")) end++;
    return end;
  }

  private surface(tokens: Token[], first: number, last: number): string {
    return tokens
      .slice(first, last)
      .map((t) => t.text)
      .join(" ");
  }

  /** After an organisation's name: "für Gesundheit", "für Unterricht und Kultus", "zur Aufarbeitung der SED-Diktatur". */
  private purposeTail(tokens: Token[], end: number): number {
    const preposition = tokens[end]?.lower;
    if (preposition !== "für" && preposition !== "zur" && preposition !== "zum" && preposition !== "for")
      return end;
    let k = end + 1;
    const capital = (token: Token | undefined) =>
      token?.word === true &&
      token.cap &&
      !this.lex.functionWords.has(token.lower) &&
      !CALENDAR_WORDS.has(token.lower);
    if (!capital(tokens[k])) return end;
    k++;
    while (k < end + 6) {
      if (capital(tokens[k])) k++;
      else if (
        (tokens[k]?.lower === "und" ||
          tokens[k]?.lower === "and" ||
          tokens[k]?.lower === "der" ||
          tokens[k]?.lower === "des") &&
        capital(tokens[k + 1])
      )
        k += 2;
      else break;
    }
    return k;
  }

  /** After a company's name: "AG", "GmbH", "Inc.". */
  private legalForm(tokens: Token[], end: number): number {
    const next = tokens[end];
    if (!next || !LEGAL_FORMS.has(next.text)) return end;
    const dot = tokens[end + 1];
    return dot?.text === "." && dot.start === next.end && /^(?:Inc|Ltd|Corp|Co)$/u.test(next.text)
      ? end + 2
      : end + 1;
  }

  /** A sports club's name at `i`: a club prefix and capitalised words, or a club word or acronym and a town. */
  private club(tokens: Token[], i: number): { start: number; end: number } | null {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (!token?.cap || !next?.cap || !next.word) return null;
    const prefixed = CLUB_PREFIXES.has(token.text);
    const acronym =
      /^[A-Z]{2,4}$/u.test(token.text) &&
      !this.lex.phrases.has(token.text) &&
      !this.lex.nonNameAcronyms.has(token.text);
    if (!prefixed && !((CLUB_WORDS.has(token.text) || acronym) && this.lex.towns.has(next.text))) return null;
    let end = i + 1;
    while (
      end < tokens.length &&
      end < i + 4 &&
      tokens[end]?.cap &&
      tokens[end]?.word &&
      !this.lex.functionWords.has(tokens[end]?.lower ?? "")
    )
      end++;
    // "1. FC Nürnberg": the ordinal belongs to the name.
    const dot = tokens[i - 1];
    const digit = tokens[i - 2];
    const start =
      prefixed && dot?.text === "." && digit && /^\d$/u.test(digit.text) && digit.end === dot.start
        ? i - 2
        : i;
    return { start, end };
  }

  /** "Universität Gießen", "Verlag Paul Haupt": an institution noun named by the words after it. */
  private institution(tokens: Token[], i: number): { end: number; name: string } | null {
    const head = tokens[i];
    if (!head?.cap || !INSTITUTION_NOUN.test(head.text)) return null;
    let end = i + 1;
    while (end < tokens.length && end < i + 4) {
      const next = tokens[end];
      if (!next?.word || !next.cap) break;
      if (!this.nameLike(next) && !this.lex.towns.has(next.text) && !this.lex.givenNames.has(next.text))
        break;
      end++;
    }
    if (end === i + 1) return null;
    const name = tokens
      .slice(i, end)
      .map((t) => t.text)
      .join(" ");
    return { end, name };
  }

  private lexiconByName(name: string): LexEntity | null {
    const tokens = name.split(" ");
    const list = this.lex.phrases.get(tokens[0] ?? "") ?? [];
    return list.find((phrase) => phrase.tokens.join(" ") === name)?.entity ?? null;
  }

  /** [article] adjectives* head, where an adjective names a country or the head is a compound led by one. */
  /** "Das kündigte Minister X an": a verb form ends in -e like an adjective, but opens no noun phrase. */
  private verbForm(lower: string): boolean {
    return (
      AUXILIARY_FORMS.has(lower) || this.lex.speechVerbs.de.has(lower) || this.lex.eventVerbs.de.has(lower)
    );
  }

  private nounPhrase(
    tokens: Token[],
    i: number,
  ): { head: number; country: LexEntity | null; entity: LexEntity | null } | null {
    const lex = this.lex;
    let j = i;
    let country: LexEntity | null = null;
    while (j < tokens.length && j < i + 4) {
      const token = tokens[j];
      if (!token?.word) return null;
      const adjective = lex.adjectives.get(token.lower);
      if (adjective && (!token.cap || j === i)) {
        country = adjective;
        j++;
        continue;
      }
      if (
        !token.cap &&
        /(?:e|en|er|es|em)$/u.test(token.lower) &&
        !lex.functionWords.has(token.lower) &&
        !this.verbForm(token.lower) &&
        this.language === "de"
      ) {
        j++;
        continue;
      }
      break;
    }
    const head = tokens[j];
    if (!head?.word || !head.cap) return null;
    let entity: LexEntity | null = null;
    const prefix = this.compoundPrefix(head);
    if (prefix) {
      entity = prefix;
      country ??=
        prefix.kind === "COUNTRY"
          ? prefix
          : prefix.country
            ? (lex.countries.get(prefix.country) ?? null)
            : null;
    }
    const isHead =
      lex.roleOf(head.text, this.language) !== null ||
      (country !== null &&
        (lex.stateNoun(head.text) || lex.sourceGroupNoun(head.text) || STATE_INSTITUTION.test(head.lower)));
    if (!isHead) return null;
    if (this.language === "en" && j + 1 < tokens.length) {
      // English two-word roles: "prime minister", "foreign minister".
      const next = tokens[j + 1];
      if (next && lex.roleNounsEn.has(next.lower)) return { head: j + 1, country, entity };
    }
    return { head: j, country, entity };
  }

  /**
   * A role phrase: "Kreml-Sprecher Dmitri Peskow", "der russische Präsident", "Der Kommunikationsdirektor
   * des Nationalen Sicherheitsrats, John Kirby,". With a following name, the phrase describes that person;
   * without, it is a nominal mention to resolve to a person in the document.
   */
  private rolePhrase(
    tokens: Token[],
    npStart: number,
    i: number,
    head: number,
    role: string,
    country: LexEntity | null,
    prefixEntity: LexEntity | null,
    sentence: Sentence,
    mention: (
      first: number,
      last: number,
      fields: Partial<Mention> & Pick<Mention, "kind" | "key" | "name" | "use" | "form">,
    ) => Mention,
  ): number {
    let end = head + 1;
    // Genitive complement: "des Nationalen Sicherheitsrats", "der Vereinten Nationen".
    const genitive = tokens[end];
    if (genitive && (genitive.lower === "des" || genitive.lower === "der" || genitive.lower === "of")) {
      let k = end + 1;
      if (tokens[k]?.lower === "the") k++;
      // "des Diplom-Ingenieurs Herbert Stein": a given name starts the person the phrase describes.
      while (
        k < tokens.length &&
        tokens[k]?.cap &&
        tokens[k]?.word &&
        k < end + 5 &&
        !(k > end + 1 && this.givenName(tokens[k]) && this.nameLike(tokens[k + 1]))
      )
        k++;
      if (k > end + 1) end = k;
    }
    const description = this.describe(
      tokens,
      i,
      head,
      end,
      sentence.text.slice(
        (tokens[i]?.start ?? 0) - sentence.start,
        (tokens[end - 1]?.end ?? 0) - sentence.start,
      ),
    );
    // Name directly after the role phrase, or after a comma (apposition).
    let nameStart = end;
    if (tokens[nameStart]?.text === ",") nameStart++;
    const name = this.personNameAt(tokens, nameStart);
    if (name) {
      // Organisation in the genitive complement is its own mention.
      if (end > head + 1)
        this.matchAt(tokens, head + 2, sentence, mention, (f, l, entity, use, form) =>
          mention(f, l, {
            kind: entity.kind,
            key: entity.key,
            name: this.language === "de" ? entity.nameDe : entity.nameEn,
            entity,
            use,
            form,
          }),
        );
      const nameTokens = tokens.slice(nameStart, name.end);
      const surface = nameTokens.map((t) => t.text).join(" ");
      const known = this.matchPhrase(tokens, nameStart);
      const countryCode = country?.country ?? prefixEntity?.country ?? null;
      if (known && known.length === name.end - nameStart && known.entity.kind === "PERSON") {
        mention(nameStart, name.end, {
          kind: "PERSON",
          key: known.entity.key,
          name: known.entity.nameDe,
          entity: known.entity,
          use: "NAME",
          form: "NAME",
          role,
          description,
          country: countryCode,
        });
      } else {
        mention(nameStart, name.end, {
          kind: "PERSON",
          key: `name:${surface.toLowerCase()}`,
          name: surface,
          use: "NAME",
          form: "NAME",
          role,
          description,
          country: countryCode,
        });
      }
      return name.end;
    }
    // "als Kandidat", "as president": a predicate, not a reference to someone.
    const before = tokens[npStart - 1]?.lower;
    if (before === "als" || before === "as") return end;
    // No name: a nominal mention, resolved later to a person with that role (and country).
    mention(npStart, end, {
      kind: "PERSON",
      key: `role:${role}:${country?.country ?? prefixEntity?.key ?? ""}`,
      name: description,
      use: "ROLE",
      form: "NOMINAL",
      role,
      description,
      country: country?.country ?? prefixEntity?.country ?? null,
      needsAntecedent: true,
      bareRole: npStart === head && end === head + 1 && !country && !prefixEntity,
    });
    return end;
  }

  /** A person's name starting at `index`: capitalised name-like words, with particles ("von der"). */
  personNameAt(tokens: Token[], index: number): { end: number } | null {
    const first = tokens[index];
    if (!first?.word || !first.cap) return null;
    const known = this.matchPhrase(tokens, index);
    if (known) return known.entity.kind === "PERSON" ? { end: index + known.length } : null;
    if (!this.nameLike(first) && !this.lex.givenNames.has(first.text)) return null;
    let end = index + 1;
    while (end < tokens.length && end < index + 5) {
      const next = tokens[end];
      if (next && NAME_PARTICLES.has(next.text) && this.nameLike(tokens[end + 1])) {
        end += 2;
        continue;
      }
      // An initial: "George W. Bush".
      if (
        next &&
        /^\p{Lu}$/u.test(next.text) &&
        tokens[end + 1]?.text === "." &&
        this.nameLike(tokens[end + 2])
      ) {
        end += 2;
        continue;
      }
      // A lexicon word that is also a name ("Irfaan Ali": Ali is a town too) goes on the name.
      const listed =
        next !== undefined && (this.lex.surnames.has(next.text) || this.lex.givenNames.has(next.text));
      if (
        (this.nameLike(next) && (!this.lex.phrases.has(next?.text ?? "") || listed)) ||
        this.surnameAfterGiven(tokens, end)
      ) {
        end++;
        continue;
      }
      break;
    }
    return { end };
  }

  /** ", der russische Präsident," after a name: the apposition text, without article. */
  private postApposition(tokens: Token[], end: number): string | null {
    if (tokens[end]?.text !== ",") return null;
    let k = end + 1;
    if (ARTICLES.has(tokens[k]?.lower ?? "")) k++;
    const start = k;
    while (k < tokens.length && k < start + 4 && tokens[k]?.word && !tokens[k]?.cap) k++;
    const head = tokens[k];
    if (!head || !this.lex.roleOf(head.text, this.language)) return null;
    let stop = k + 1;
    if (tokens[stop]?.lower === "des" || tokens[stop]?.lower === "der") {
      let m = stop + 1;
      while (m < tokens.length && tokens[m]?.cap && m < stop + 5) m++;
      if (m > stop + 1) stop = m;
    }
    return this.describe(tokens, start, k, stop, this.surface(tokens, start, stop));
  }

  /**
   * A role phrase as a description in the nominative, without article ("russischen Präsidenten" →
   * "russischer Präsident"); a genitive complement stays as it is ("Sprecher des Ministeriums").
   * `original` is the phrase as written, kept when it is not a plain German adjective + noun phrase.
   */
  private describe(tokens: Token[], first: number, head: number, end: number, original: string): string {
    const headToken = tokens[head];
    const modifiers = tokens.slice(first, head);
    const declinable =
      this.language === "de" &&
      headToken?.cap &&
      modifiers.every(
        (token) =>
          token.word &&
          /(?:e|en|er|es|em)$/u.test(token.lower) &&
          !this.lex.functionWords.has(token.lower) &&
          !QUANTIFIERS.has(token.lower),
      );
    if (!declinable || !headToken || this.pluralRole(tokens[first - 1], headToken)) return original;
    const complement = this.surface(tokens, head + 1, end);
    const core = nominative(this.lex, modifiers, headToken);
    return complement ? `${core} ${complement}` : core;
  }

  /**
   * Where a demonym's noun phrase starts: with its article, numerals and adjectives ("die beiden
   * jungen Deutschen", "drei Palästinenser"), so the mention covers the whole phrase.
   */
  private demonymStart(tokens: Token[], i: number): number {
    let start = i;
    // Only as far as a word that surely is a modifier: "sehen" in "Wie sehen Deutsche das?" is a verb.
    let sure = i;
    while (start > 0) {
      const previous = tokens[start - 1];
      if (!previous?.word || previous.cap) break;
      const determiner =
        ARTICLES.has(previous.lower) || QUANTIFIERS.has(previous.lower) || /^\d+$/u.test(previous.text);
      const inflected =
        /(?:e|en|er|es|em)$/u.test(previous.lower) && !this.lex.functionWords.has(previous.lower);
      if (!determiner && !inflected) break;
      start--;
      if (determiner || ADJECTIVE_SHAPE.test(previous.lower)) sure = start;
    }
    return sure;
  }

  /** "Nationalen Sicherheitsrats" → "Nationaler Sicherheitsrat" (nominative singular). */
  private adjectiveOrganization(tokens: Token[], i: number): { end: number; name: string } | null {
    if (this.language !== "de") return null;
    const words: Token[] = [];
    let k = i;
    while (k < tokens.length && k < i + 3) {
      const token = tokens[k];
      if (
        !token?.word ||
        !token.cap ||
        !/(?:e|en|er|es|em)$/u.test(token.lower) ||
        this.lex.functionWords.has(token.lower) ||
        (words.length > 0 && this.lex.orgSuffix(token.text))
      )
        break;
      words.push(token);
      k++;
    }
    const head = tokens[k];
    if (words.length === 0 || !head?.cap || !this.lex.orgSuffix(head.text)) return null;
    // "Medizinische Hochschule Hannover": an institution's town belongs to its name.
    const town = tokens[k + 1];
    const end =
      INSTITUTION_NOUN.test(head.text) && town?.cap && this.lex.towns.has(town.text) ? k + 2 : k + 1;
    const name = nominative(this.lex, words, head) + (end > k + 1 ? ` ${town?.text}` : "");
    return { end, name };
  }

  /**
   * A role noun in the plural ("die Aktivisten", "schwulenfeindliche Gruppen"), which a description
   * keeps as written: a feminine noun inflects only in the plural, and a masculine one in "-en"
   * after "die"/"der" or without an article is plural.
   */
  private pluralRole(article: Token | undefined, head: Token): boolean {
    const noun = this.lex.noun(head.text.slice(head.text.lastIndexOf("-") + 1));
    if (!noun || noun.lemma.toLowerCase() === head.text.slice(head.text.lastIndexOf("-") + 1).toLowerCase())
      return false;
    if (noun.gender === "F") return true;
    // "seinem Amtskollegen", "ihres Sprechers": a possessive ending in -em/-en/-es/-er is singular here.
    if (article && /^(?:mein|dein|sein|ihr|unser|euer|kein)(?:em|en|es|er)$/u.test(article.lower))
      return false;
    const determiner = article && ARTICLES.has(article.lower) ? article.lower : null;
    return /n$/u.test(head.text) && (determiner === null || determiner === "die" || determiner === "der");
  }

  /** A surname after a given name may be a common noun too ("Maria Schneider", "Thomas Koch"). */
  private surnameAfterGiven(tokens: Token[], index: number): boolean {
    const token = tokens[index];
    const previous = tokens[index - 1];
    if (!token?.word || !token.cap || !previous || !this.isGiven(previous.text)) return false;
    if (
      this.lex.functionWords.has(token.lower) ||
      CALENDAR_WORDS.has(token.lower) ||
      this.lex.roleOf(token.text, this.language)
    )
      return false;
    const next = tokens[index + 1];
    return !next?.cap || !next.word;
  }

  /**
   * An article opens the noun phrase of the word at `i`, directly or before inflected adjectives
   * ("der erste", "die politischen"); not a relative pronoun (", mit dem Jesus …").
   */
  private afterArticle(tokens: Token[], i: number): boolean {
    let k = i - 1;
    const adjective = (token: Token | undefined) =>
      token !== undefined &&
      !token.cap &&
      /(?:e|en|er|es|em)$/u.test(token.text) &&
      !this.lex.functionWords.has(token.lower);
    while (k >= i - 3 && adjective(tokens[k])) k--;
    const article = tokens[k];
    if (!article?.word || !ARTICLES.has(article.lower)) return false;
    const before = tokens[k - 1];
    const beforeThat = tokens[k - 2];
    const relative =
      before?.text === "," ||
      (before?.word && !before.cap && beforeThat?.text === "," && before.lower.length <= 5);
    return !relative;
  }

  /** A town of the packaged list that this word most likely names (big towns beat namesakes). */
  private town(name: string): { country: string } | null {
    const town = this.lex.towns.get(name);
    if (!town) return null;
    const personal = this.lex.givenNames.has(name) || this.lex.surnames.has(name);
    const home = town.country === "DE" || town.country === "AT" || town.country === "CH";
    const needed = personal ? 500_000 : home ? 2_000 : 15_000;
    return town.population >= needed ? town : null;
  }

  /** Names no lexicon knows: given name + surname, capitalised sequences, names after place nouns, acronyms. */
  private unknownName(
    tokens: Token[],
    i: number,
    mention: (
      first: number,
      last: number,
      fields: Partial<Mention> & Pick<Mention, "kind" | "key" | "name" | "use" | "form">,
    ) => Mention,
  ): number {
    const token = tokens[i];
    if (!token?.cap || !token.word) return i;
    const lex = this.lex;
    const previous = tokens[i - 1];
    const initial = sentenceInitial(tokens, i);

    // An initial and a surname: "A. Wiegemann", "P. Rusterholz".
    const dot = tokens[i + 1];
    if (
      /^\p{Lu}$/u.test(token.text) &&
      dot?.text === "." &&
      dot.start === token.end &&
      (tokens[i + 2]?.start ?? 0) > dot.end &&
      this.surnameShape(tokens[i + 2]) &&
      !this.lex.phrases.has(tokens[i + 2]?.text ?? "")
    ) {
      const name = this.personNameAt(tokens, i + 2);
      const end = name?.end ?? i + 3;
      const surface = tokens
        .slice(i, end)
        .map((t) => t.text)
        .join(" ");
      mention(i, end, byName("PERSON", surface));
      return end;
    }

    // "die Stadt Halle": a town after a place noun, even when it is a common noun too.
    if (
      previous?.cap &&
      lex.placeNounOf(previous.text) &&
      lex.towns.has(token.text) &&
      !this.nameLike(token)
    ) {
      mention(i, i + 1, byPlaceName(token.text, lex.towns.get(token.text)?.country ?? null));
      return i + 1;
    }

    const acronym = this.misspeltAcronym(token.text);
    if (acronym) {
      mention(i, i + 1, {
        kind: acronym.kind,
        key: acronym.key,
        name: acronym.nameDe,
        entity: acronym,
        use: "NAME",
        form: "NAME",
      });
      return i + 1;
    }

    const given = this.givenName(token);
    if (!given && !this.nameLike(token)) return i;
    // "Hauptinitiant George Wismer", "Promis wie Til …": the name starts at the given name.
    if (
      !given &&
      !lex.surnames.has(token.text) &&
      this.givenName(tokens[i + 1]) &&
      this.nameLike(tokens[i + 2])
    )
      return i;
    let end = i + 1;
    while (end < tokens.length && end < i + 5) {
      const next = tokens[end];
      if (next && NAME_PARTICLES.has(next.text) && this.nameLike(tokens[end + 1])) {
        end += 2;
        continue;
      }
      if (
        this.nameLike(next) ||
        this.surnameAfterGiven(tokens, end) ||
        (next &&
          /^[A-Z][a-z]?\.?$/u.test(next.text) &&
          tokens[end + 1]?.text === "." &&
          this.nameLike(tokens[end + 2]))
      ) {
        end++;
        continue;
      }
      break;
    }
    // "Hirzel Verlag", "Läpple AG": an organisation noun or legal form closes the name.
    const closing = tokens[end];
    if (
      closing?.cap &&
      closing.word &&
      (lex.orgSuffix(closing.text) || LEGAL_FORMS.has(closing.text) || lex.englishHead(closing.text)) &&
      !lex.roleOf(closing.text, this.language) &&
      !closing.text.includes("-")
    )
      end++;
    // "International Court of Justice", "Bank of England", "Ministry of Defence": an English
    // organisation head takes its "of" complement into the name.
    const head = tokens[end - 1];
    const ofComplement =
      this.language === "en" &&
      head !== undefined &&
      (lex.englishHead(head.text) === "ORGANIZATION" || lex.orgSuffix(head.text)) &&
      /^(?:of|for)$/u.test(tokens[end]?.lower ?? "") &&
      tokens[end + 1]?.cap === true;
    if (ofComplement) {
      end += 2;
      while (end < tokens.length && end < i + 10 && tokens[end]?.cap && tokens[end]?.word) end++;
    }
    const surface = tokens
      .slice(i, end)
      .map((t) => t.text)
      .join(" ");
    const multi = end - i >= 2;
    const last = tokens[end - 1];
    const placeNoun = previous ? lex.placeNounOf(previous.text) && previous.cap : false;
    // Genitive of a town: "Mosbachs", "Wetzlars".
    const town =
      this.town(stripPossessive(surface)) ??
      (!multi && /[^s]s$/u.test(surface) ? this.town(surface.slice(0, -1)) : null);
    const bareWord = stripPossessive(surface);
    // A list of places: "in Avignon, Darmstadt, Berlin", "die Dörfer Hokkala, Kumpula und Oikari".
    const listed =
      previous !== undefined &&
      (previous.text === "," ||
        previous.lower === "und" ||
        previous.lower === "oder" ||
        previous.lower === "sowie") &&
      this.placeEnds.has(i - 2) &&
      !given &&
      !multi &&
      !lex.surnames.has(bareWord);
    const place = (country: string | null) => mention(i, end, byPlaceName(stripPossessive(surface), country));
    if (placeNoun || listed || (previous && LOCATIVE.has(previous.lower) && !given && !multi)) {
      if (initial && !placeNoun) return i;
      place(town?.country ?? null);
      return end;
    }
    if (town && !given) {
      place(town.country);
      return end;
    }
    // Unknown acronyms name organisations; two letters are mostly units, models and abbreviations
    // ("32 KB", "GP von Deutschland"), so only known ones count (the lexicon matched them before).
    if (/^[A-ZÄÖÜ]{2,6}$/u.test(token.text) && !multi) {
      if (token.text.length > 2) mention(i, end, byName("ORGANIZATION", surface));
      return end;
    }
    const englishHead = multi && last ? lex.englishHead(last.text) : null;
    if (englishHead === "PLACE") {
      place(null);
      return end;
    }
    if (
      last &&
      (ofComplement ||
        lex.orgSuffix(last.text) ||
        LEGAL_FORMS.has(last.text) ||
        englishHead === "ORGANIZATION") &&
      multi
    ) {
      mention(i, end, byName("ORGANIZATION", surface));
      return end;
    }
    const bare = stripPossessive(surface);
    const titled =
      previous !== undefined &&
      (lex.titles.has(previous.lower) ||
        (previous.text === "." && lex.titles.has(tokens[i - 2]?.lower ?? "")) ||
        (previous.cap && lex.roleOf(previous.text, this.language) !== null));
    const personal =
      given ||
      titled ||
      tokens.slice(i, end).some((t) => lex.surnames.has(stripPossessive(t.text)) || this.isGiven(t.text));
    if (multi && personal) {
      mention(i, end, byName("PERSON", surface));
      return end;
    }
    // A lone word: a person when it is a known surname or follows a title or role noun
    // ("Herr Meier", "Rapper Sido"); otherwise only if the document names that person elsewhere.
    // Two unknown name words that read like a given name and a surname ("Teemu Tainio", "Galo Gonzáles").
    if (multi && end - i === 2 && !initial && this.personShaped(tokens[i], tokens[i + 1])) {
      mention(i, end, byName("PERSON", surface));
      return end;
    }
    if (multi) return end;
    // "die politischen Risiken", "den unten stehenden Link": after an article (and its adjectives)
    // a lone unknown word is a common noun the dictionary lacks, not a person.
    if (!titled && !given && this.afterArticle(tokens, i)) return end;
    const evidence = titled || (lex.surnames.has(bare) && !initial);
    mention(i, end, {
      kind: "PERSON",
      key: `name:${bare.toLowerCase()}`,
      name: bare,
      use: "NAME",
      form: "NAME",
      needsAntecedent: !evidence,
    });
    return end;
  }
}
