import { GraphQLError } from "graphql";
import { maskError, type YogaServerOptions } from "graphql-yoga";
import { isDatabaseUnavailable } from "../database/outage.ts";

/**
 * yoga's error masking, except for an unreachable database: clients get 503 and "try again"
 * rather than "Unexpected error." (the original is still logged, with its cause).
 */
export function errorMasking(options: {
  production: boolean;
}): YogaServerOptions<object, object>["maskedErrors"] {
  return {
    isDev: !options.production,
    maskError: (error, message, isDev) =>
      isDatabaseUnavailable(error)
        ? new GraphQLError("The database is unavailable right now: try again in a moment.", {
            extensions: { code: "DATABASE_UNAVAILABLE", http: { status: 503 } },
          })
        : maskError(error, message, isDev),
  };
}
