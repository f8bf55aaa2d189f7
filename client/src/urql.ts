import { type CacheExchangeOpts, cacheExchange } from "@urql/exchange-graphcache";
import { persistedExchange } from "@urql/exchange-persisted";
import { Client, fetchExchange } from "urql";
import introspection from "./introspection.json";
import { persistedId, prefetchExchange } from "./prefetch.ts";

const schema = introspection as unknown as NonNullable<CacheExchangeOpts["schema"]>;

// Our node types have an `id`; connections, edges, spans, times, search hits and the like have
// none and live inside their parent. Graphcache wants those said explicitly: derive the list
// from the schema so a new type cannot be forgotten.
const ROOTS = new Set(["Query", "Mutation", "Subscription"]);
const keyless = Object.fromEntries(
  introspection.__schema.types
    .filter(
      (type) =>
        type.kind === "OBJECT" &&
        !ROOTS.has(type.name) &&
        !type.name.startsWith("__") &&
        !("fields" in type && type.fields?.some((field) => field.name === "id")),
    )
    .map((type) => [type.name, () => null]),
);

const LISTS_THAT_A_NEW_ARTICLE_CHANGES = new Set(["articles", "search", "actors", "quotes", "events"]);

export function createClient(): Client {
  return new Client({
    url: "/graphql",
    preferGetMethod: false,
    // Subscriptions (a job's progress) go over fetch as Server-Sent Events.
    fetchSubscriptions: true,
    fetchOptions: { headers: { accept: "application/graphql-response+json" } },
    exchanges: [
      cacheExchange({
        schema,
        keys: keyless,
        updates: {
          Mutation: {
            ingestArticle(_result, _args, cache) {
              for (const field of cache.inspectFields("Query")) {
                if (LISTS_THAT_A_NEW_ARTICLE_CHANGES.has(field.fieldName))
                  cache.invalidate("Query", field.fieldKey);
              }
            },
          },
        },
      }),
      prefetchExchange,
      // Every operation of the reader is a persisted document (graphql.persisted, listed in
      // client/persisted-operations.json): send its id, never its text; queries go as GET. The
      // documents stay in the bundle all the same: Graphcache reads their selections.
      persistedExchange({
        enforcePersistedQueries: true,
        enableForMutation: true,
        enableForSubscriptions: true,
        preferGetForPersistedQueries: true,
        generateHash: async (_query, document) => persistedId(document),
      }),
      fetchExchange,
    ],
  });
}
