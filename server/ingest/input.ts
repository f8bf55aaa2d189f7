// What a caller may hand us for one article, and the checks that refuse it with a message
// the caller can act on. The API and the command line run the same checks; extraction repeats none.
import { z } from "zod";
import { languageCode } from "../extract/language.ts";
import { MAX_TEXT_BYTES } from "../extract/types.ts";

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
  | "EXTRACTION_FAILED"
  | "EMPTY_BATCH"
  | "BATCH_TOO_LARGE";

export type UserError = { field: string[]; message: string; code: UserErrorCode };

/** The text's limit, in UTF-8 bytes: the extractor's (one definition). */
export { MAX_TEXT_BYTES };
/** Metadata limits, in characters (Unicode code points) after trimming. */
export const MAX_TITLE_LENGTH = 1_000;
export const MAX_SOURCE_LENGTH = 200;
export const MAX_URL_LENGTH = 2_048;
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
// In a title, source or URL: any control character (NUL, escape, DEL, C1) but tab and line breaks.
const CONTROL_IN_METADATA = /(?![\t\n\r])\p{Cc}/u;
const LETTER = /\p{L}/u;
const ISO_DATE_OR_TIMESTAMP = z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })]);

/** A value the caller sent, short enough to quote back in a message. */
function quoted(value: string): string {
  const chars = [...value];
  return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : value);
}

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
  // Zero-width characters, controls, digits or punctuation alone are no article.
  if (!LETTER.test(text)) {
    return {
      field,
      code: "NO_LETTERS",
      message: "The text contains no letters (only digits, punctuation, spaces or invisible characters).",
    };
  }
  return null;
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Checks a free-text metadata field (title, source, url) for characters and length. */
function checkMetadata(field: string, value: string | null, maxLength: number): UserError | null {
  if (value === null) return null;
  if (CONTROL_IN_METADATA.test(value) || LONE_SURROGATE.test(value)) {
    return {
      field: [field],
      code: "INVALID_CHARACTERS",
      message: `The ${field} contains control characters or broken surrogates: send plain UTF-8 text.`,
    };
  }
  const length = [...value].length;
  if (length > maxLength) {
    return {
      field: [field],
      code: "FIELD_TOO_LONG",
      message: `The ${field} is ${length.toLocaleString("en")} characters long; at most ${maxLength.toLocaleString("en")} are accepted.`,
    };
  }
  return null;
}

/** "de", "DE", "de-AT" → "de"; null when not given. */
export function normaliseLanguage(value: string | null | undefined): string | null {
  const given = blankToNull(value);
  return given ? languageCode(given) || null : null;
}

/**
 * "2023-10-14", or an ISO timestamp with a real time ("2023-10-14T08:30:00+02:00", also with a
 * space for the T) → "2023-10-14"; undefined when it is no real date and time.
 */
export function normaliseDate(value: string): string | undefined {
  const iso = value.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, "$1T");
  return ISO_DATE_OR_TIMESTAMP.safeParse(iso).success ? iso.slice(0, 10) : undefined;
}

export function validateArticleInput(
  input: ArticleInput,
): { ok: true; value: CleanArticleInput } | { ok: false; errors: UserError[] } {
  const errors: UserError[] = [];
  const textError = checkText(input.text);
  if (textError) errors.push(textError);

  const title = blankToNull(input.title);
  const source = blankToNull(input.source);
  const url = blankToNull(input.url);
  const metadataErrors = [
    checkMetadata("title", title, MAX_TITLE_LENGTH),
    checkMetadata("source", source, MAX_SOURCE_LENGTH),
    checkMetadata("url", url, MAX_URL_LENGTH),
  ];
  for (const error of metadataErrors) if (error) errors.push(error);
  const urlError = metadataErrors[2];
  if (url && !urlError && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url)) {
    errors.push({ field: ["url"], code: "INVALID_URL", message: `${quoted(url)} is not an http(s) URL.` });
  }

  const language = normaliseLanguage(input.language);
  if (language && !(SUPPORTED_LANGUAGES as readonly string[]).includes(language)) {
    errors.push({
      field: ["language"],
      code: "UNSUPPORTED_LANGUAGE",
      message: `Language ${quoted(input.language ?? "")} is not supported: newsgraph reads German (de) and English (en).`,
    });
  }

  const givenDate = blankToNull(input.publishedAt);
  const publishedAt = givenDate ? normaliseDate(givenDate) : null;
  if (publishedAt === undefined) {
    errors.push({
      field: ["publishedAt"],
      code: "INVALID_DATE",
      message: `publishedAt ${quoted(givenDate ?? "")} is not a date: use YYYY-MM-DD (e.g. 2023-10-14) or an ISO timestamp with a valid time.`,
    });
  }

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      text: input.text,
      title,
      url,
      source,
      language: language as "de" | "en" | null,
      publishedAt: publishedAt ?? null,
    },
  };
}
