import { GraphQLError } from "graphql";
import { maskError, type YogaServerOptions } from "graphql-yoga";
import { isDatabaseUnavailable } from "../database/outage.ts";
import { IngestBusyError } from "../ingest/extraction-pool.ts";

/** The original error behind a resolver's wrapping GraphQLError. */
function originalOf(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}

/**
 * yoga's error masking, except for the two passing conditions, which clients should retry rather
 * than read as "Unexpected error.": an unreachable database and a full extraction queue (503).
 */
export function errorMasking(options: {
  production: boolean;
}): YogaServerOptions<object, object>["maskedErrors"] {
  return {
    isDev: !options.production,
    maskError: (error, message, isDev) => {
      if (isDatabaseUnavailable(error))
        return new GraphQLError("The database is unavailable right now: try again in a moment.", {
          extensions: { code: "DATABASE_UNAVAILABLE", http: { status: 503 } },
        });
      const original = originalOf(error);
      if (original instanceof IngestBusyError)
        return new GraphQLError(original.message, {
          extensions: { code: original.code, http: { status: 503, headers: { "retry-after": "5" } } },
        });
      return maskError(error, message, isDev);
    },
  };
}
