/**
 * German noun phrases in the nominative singular, for names and descriptions read from a phrase in
 * another case: "des Nationalen Sicherheitsrats" → "Nationaler Sicherheitsrat", "dem russischen
 * Präsidenten" → "russischer Präsident", "des ukrainischen Generalstabs" → "ukrainischer Generalstab".
 */
import type { Lexicon } from "./lexicons/index.ts";
import type { Token } from "./tokens.ts";

/** "Cottbuser", "Münchner", "Schweizer": an indeclinable adjective made from a town's or country's name. */
export function townAdjective(lex: Lexicon, word: string): boolean {
  if (!/^\p{Lu}.*(?:er|ern)$/u.test(word)) return false;
  const stem = word.replace(/n?er$|ern$/u, "");
  return [stem, `${stem}en`, `${stem}n`].some((name) => lex.towns.has(name) || lex.phrases.has(name));
}

/**
 * Adjectives and their noun in the nominative singular, without article: "Nationalen
 * Sicherheitsrats" → "Nationaler Sicherheitsrat", "russischen Präsidentin" → "russische Präsidentin".
 */
export function nominative(lex: Lexicon, adjectives: readonly Token[], head: Token): string {
  const hyphen = head.text.lastIndexOf("-");
  const prefix = hyphen > 0 ? head.text.slice(0, hyphen + 1) : "";
  const word = head.text.slice(prefix.length);
  const found = lex.noun(word);
  // Only a lemma of this very word ("Präsidenten" → "Präsident"), not of a look-alike.
  const stem = found?.lemma.toLowerCase().slice(0, Math.max(3, found.lemma.length - 2));
  const noun = found && stem && word.toLowerCase().startsWith(stem) ? found : null;
  const lemma = noun ? prefix + (noun.lemma[0] ?? "").toUpperCase() + noun.lemma.slice(1) : head.text;
  const gender = noun?.gender ?? (/in$/u.test(head.text) ? "F" : null);
  const ending = gender === "F" ? "e" : gender === "N" ? "es" : "er";
  const declined = adjectives.map((adjective) =>
    townAdjective(lex, adjective.text)
      ? adjective.text
      : adjective.text.replace(/(?:e|en|er|es|em)$/u, "") + ending,
  );
  return [...declined, lemma].join(" ");
}
