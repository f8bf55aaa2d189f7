import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { GraphQLError, type ValidationContext } from "graphql";

/**
 * graphql-armor's refusals carry no code and call a limit a "Syntax Error". Each is reported
 * instead as a validation error with its own code (so a 400), or, for the token limit, which
 * runs inside the parser, thrown as a parse error with its code.
 */
function refuseWith(code: string, advice: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const refusal = new GraphQLError(`${error.message.replace(/^Syntax Error: /, "")} ${advice}`, {
          extensions: { code },
        });
        if (!context) throw refusal;
        context.reportError(refusal);
      },
    ],
  };
}

/** Limits on an operation's shape; its cost is the schema's (nested `first` multiplies). */
export function operationLimitsPlugin(options: { production: boolean }) {
  return EnvelopArmorPlugin({
    costLimit: { enabled: false },
    maxDepth: {
      n: 12,
      ignoreIntrospection: true,
      flattenFragments: true,
      ...refuseWith("QUERY_TOO_DEEP", "Ask for fewer nested levels."),
    },
    maxAliases: { n: 15, ...refuseWith("TOO_MANY_ALIASES", "Send several requests instead.") },
    maxDirectives: { n: 20, ...refuseWith("TOO_MANY_DIRECTIVES", "Use fewer directives.") },
    maxTokens: { n: 5000, ...refuseWith("TOO_MANY_TOKENS", "Send a shorter document.") },
    blockFieldSuggestion: { enabled: options.production },
  });
}
