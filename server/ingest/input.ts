// What a caller may hand us for one article, and the checks that refuse it with a message
// the caller can act on. Extraction repeats none of these.

export type ArticleInput = {
  text: string;
  title?: string | null;
  url?: string | null;
  source?: string | null;
  language?: string | null;
  publishedAt?: string | null;
};

export type UserErrorCode =
  | "EMPTY_TEXT"
  | "TEXT_TOO_LARGE"
  | "INVALID_TEXT"
  | "UNSUPPORTED_LANGUAGE"
  | "INVALID_DATE"
  | "INVALID_URL"
  | "NOT_FOUND"
  | "FIELD_TOO_LONG"
  | "INVALID_CHARACTERS"
  | "NO_LETTERS"
  | "EXTRACTION_TIMEOUT"
  | "EXTRACTION_FAILED";

export type UserError = { field: string[]; message: string; code: UserErrorCode };

export const MAX_TEXT_BYTES = 1_000_000;
export const SUPPORTED_LANGUAGES = ["de", "en"] as const;

export type CleanArticleInput = {
  text: string;
  title: string | null;
  url: string | null;
  source: string | null;
  language: "de" | "en" | null;
  publishedAt: string | null;
};

// Text that went through the wrong decoder: U+FFFD replacement characters, or UTF-8 read as
// Latin-1 ("Ã¤" for "ä"), or lone UTF-16 surrogates. PostgreSQL cannot store NUL at all.
const MOJIBAKE = /Ã[\u0080-\u00BF]|â€[\u0093\u0094\u009C\u009D\u2122\u0153\u02DC]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkText(text: string): UserError | null {
  const field = ["text"];
  if (text.trim() === "") {
    return { field, code: "EMPTY_TEXT", message: "The text is empty: paste the article's text." };
  }
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_TEXT_BYTES) {
    return {
      field,
      code: "TEXT_TOO_LARGE",
      message: `The text is ${bytes.toLocaleString("en")} bytes; at most ${MAX_TEXT_BYTES.toLocaleString("en")} bytes (1 MB) are accepted. Split it into articles.`,
    };
  }
  if (text.includes("\u0000")) {
    return {
      field,
      code: "INVALID_TEXT",
      message: "The text contains NUL characters: send plain UTF-8 text.",
    };
  }
  if (text.includes("\uFFFD") || LONE_SURROGATE.test(text)) {
    return {
      field,
      code: "INVALID_TEXT",
      message:
        "The text contains characters that could not be decoded (U+FFFD or broken surrogates): send it as UTF-8.",
    };
  }
  if (MOJIBAKE.test(text)) {
    return {
      field,
      code: "INVALID_TEXT",
      message: 'The text looks like UTF-8 decoded as Latin-1 ("Ã¤" for "ä"): re-read the source as UTF-8.',
    };
  }
  return null;
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** "de", "DE", "de-AT" → "de"; null when not given. */
export function normaliseLanguage(value: string | null | undefined): string | null {
  const given = blankToNull(value);
  return given ? (given.toLowerCase().split(/[-_]/)[0] ?? null) : null;
}

/** "2023-10-14" or an ISO timestamp → "2023-10-14"; undefined when it is no real date. */
export function normaliseDate(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const iso = date.toISOString().slice(0, 10);
  return iso === `${year}-${month}-${day}` ? iso : undefined;
}

export function validateArticleInput(
  input: ArticleInput,
): { ok: true; value: CleanArticleInput } | { ok: false; errors: UserError[] } {
  const errors: UserError[] = [];
  const textError = checkText(input.text);
  if (textError) errors.push(textError);

  const language = normaliseLanguage(input.language);
  if (language && !(SUPPORTED_LANGUAGES as readonly string[]).includes(language)) {
    errors.push({
      field: ["language"],
      code: "UNSUPPORTED_LANGUAGE",
      message: `Language "${input.language}" is not supported: newsgraph reads German (de) and English (en).`,
    });
  }

  const givenDate = blankToNull(input.publishedAt);
  const publishedAt = givenDate ? normaliseDate(givenDate) : null;
  if (publishedAt === undefined) {
    errors.push({
      field: ["publishedAt"],
      code: "INVALID_DATE",
      message: `publishedAt "${givenDate}" is not a date: use YYYY-MM-DD, e.g. 2023-10-14.`,
    });
  }

  const url = blankToNull(input.url);
  if (url && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url)) {
    errors.push({ field: ["url"], code: "INVALID_URL", message: `"${url}" is not an http(s) URL.` });
  }

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      text: input.text,
      title: blankToNull(input.title),
      url,
      source: blankToNull(input.source),
      language: language as "de" | "en" | null,
      publishedAt: publishedAt ?? null,
    },
  };
}
