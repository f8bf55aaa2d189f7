const DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "2023-10-14" → "14 Oct 2023". */
export function formatDay(date: string): string {
  return DAY.format(new Date(`${date}T00:00:00Z`));
}

export function formatMonth(date: string): string {
  return MONTH.format(new Date(`${date}T00:00:00Z`));
}

export const LANGUAGES: Record<string, string> = { de: "German", en: "English" };

export function languageName(code: string): string {
  return LANGUAGES[code] ?? code;
}

const MODALITY_WORDS: Record<string, string> = {
  ASSERTED: "asserted",
  REPORTED: "reported",
  ALLEGED: "alleged",
  EXPECTED: "expected",
  PLANNED: "planned",
  HYPOTHETICAL: "hypothetical",
  NEGATED: "negated",
};

/** "alleged, according to USA". */
export function modalityText(modality: string, attributedTo: { name: string } | null | undefined): string {
  const word = MODALITY_WORDS[modality] ?? modality.toLowerCase();
  return attributedTo ? `${word}, according to ${attributedTo.name}` : word;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
