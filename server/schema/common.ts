import { GraphQLError } from "graphql";
import type { UserError as IngestUserError } from "../ingest/input.ts";
import { builder, type Context } from "./builder.ts";

/** A piece of an article's text. Offsets are UTF-16 code units (JavaScript indices), half-open. */
export type TextSpanShape = { start: number; end: number; text: string };

export const TextSpan = builder.objectRef<TextSpanShape>("TextSpan").implement({
  description:
    "A piece of an article's text: `text` equals the stored text sliced from `start` (inclusive) to `end` (exclusive), offsets in UTF-16 code units.",
  fields: (t) => ({
    start: t.exposeInt("start", { description: "Offset of the first code unit (UTF-16, inclusive)." }),
    end: t.exposeInt("end", { description: "Offset after the last code unit (UTF-16, exclusive)." }),
    text: t.exposeString("text", { description: "The words themselves." }),
  }),
});

/** Rebuilds a span stored as three nullable columns. */
export function spanFrom(
  start: number | null,
  end: number | null,
  text: string | null,
): TextSpanShape | null {
  return start === null || end === null || text === null ? null : { start, end, text };
}

export const SortDirection = builder.enumType("SortDirection", {
  description: "Sort order.",
  values: {
    ASC: { description: "Smallest first." },
    DESC: { description: "Largest first." },
  },
});

export const UserErrorCode = builder.enumType("UserErrorCode", {
  description: "Why an input was refused.",
  values: {
    EMPTY_TEXT: { description: "The text is empty or only white space." },
    TEXT_TOO_LARGE: { description: "The text is over 1 MB (UTF-8)." },
    INVALID_TEXT: { description: "The text holds undecodable characters or looks wrongly decoded." },
    UNSUPPORTED_LANGUAGE: { description: "The language is neither German (de) nor English (en)." },
    INVALID_DATE: { description: "A date is not YYYY-MM-DD." },
    INVALID_URL: { description: "A URL is not http(s)." },
    NOT_FOUND: { description: "The object named does not exist." },
    FIELD_TOO_LONG: { description: "A field is longer than its limit (see the README's limits)." },
    INVALID_CHARACTERS: { description: "A field holds NUL, control characters or broken surrogates." },
    NO_LETTERS: {
      description: "The text holds no letters (only spaces, digits, marks or invisible characters).",
    },
    EXTRACTION_TIMEOUT: { description: "Reading the text took longer than the extraction time budget." },
    EXTRACTION_FAILED: { description: "The extractor failed on this text; nothing was stored." },
    EMPTY_BATCH: { description: "A batch of articles holds none." },
    BATCH_TOO_LARGE: { description: "A batch holds more articles, or more text, than one job takes." },
  },
});

export type UserErrorShape = IngestUserError;

export const UserError = builder.objectRef<UserErrorShape>("UserError").implement({
  description: "Something in the input the caller can fix; the operation did not happen.",
  fields: (t) => ({
    field: t.exposeStringList("field", { description: 'Path to the input field at fault, e.g. ["text"].' }),
    message: t.exposeString("message", { description: "What was wrong and what to do, in plain words." }),
    code: t.field({
      type: UserErrorCode,
      description: "Machine-readable reason.",
      resolve: (error) => error.code,
    }),
  }),
});

/** Mutations need the API token when one is configured; reads stay public. */
export function requireWrite(context: Context): void {
  if (!context.canWrite) {
    throw new GraphQLError(
      "This mutation needs the API token: send the header `Authorization: Bearer <token>`.",
      {
        extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
      },
    );
  }
}

/** Clamps `first`/`last` of a hand-built connection to the documented bounds. */
export function pageSize(args: { first?: number | null; last?: number | null }, fallback = 20): number {
  const asked = args.first ?? args.last ?? fallback;
  if (asked < 1 || asked > 100) {
    throw new GraphQLError("`first` and `last` must be between 1 and 100.", {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return asked;
}

type NestedSelection = (selection: never, path?: never) => unknown;

/**
 * prismaConnectionHelpers plan a connection's node fields from `edges { node }` only, so a
 * client asking for `nodes { … }` would get unloaded fields: plan both paths.
 */
export function planBothNodePaths<T extends NestedSelection>(nestedSelection: T, nodeType: string): T {
  const paths = {
    getType: () => nodeType,
    paths: [[{ name: "nodes" }], [{ name: "edges" }, { name: "node" }]],
  };
  return ((selection: never) => {
    const planned = nestedSelection(selection, paths as never) as { select?: Record<string, unknown> };
    // A page that asks only for edge fields or counts selects nothing, which Prisma refuses.
    if (planned.select && Object.keys(planned.select).length === 0) planned.select.id = true;
    return planned;
  }) as T;
}
