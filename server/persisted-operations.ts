import { readFileSync, statSync } from "node:fs";
// An envelop plugin, not a React hook: named so that the linter does not take it for one.
import { usePersistedOperations as persistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import { formatDocument, stringifyDocument } from "@urql/core";
import { GraphQLError, parse } from "graphql";
import type { Context } from "./schema/builder.ts";

/**
 * The reader's persisted operations (client/persisted-operations.json, "sha256:<hash>" → document),
 * keyed by the bare hash. Each is stored as Graphcache sends a document (formatDocument adds
 * `__typename` to every selection): by id, the reader must get the same answer as by text.
 */
function loadPersistedOperations(path: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path, "utf8")) as Record<string, string>;
  return new Map(
    Object.entries(manifest).map(([id, document]) => [
      id.replace(/^sha256:/, ""),
      stringifyDocument(formatDocument(parse(document, { noLocation: true }))),
    ]),
  );
}

/** The reader sends its operations by id (APQ's `extensions.persistedQuery.sha256Hash`); the
 * playground, curl and scripts send full queries, which stay allowed. */
export function persistedOperationsPlugin(path: string) {
  let operations = loadPersistedOperations(path);
  let loadedAt = statSync(path).mtimeMs;
  const find = (key: string) => {
    const hash = key.replace(/^sha256:/, "");
    // An unknown id after `npm run generate:client` (under `npm run dev`): read the manifest again.
    if (!operations.has(hash) && statSync(path, { throwIfNoEntry: false })?.mtimeMs !== loadedAt) {
      loadedAt = statSync(path).mtimeMs;
      operations = loadPersistedOperations(path);
    }
    return operations.get(hash) ?? null;
  };
  const idOf = (payload: { params: { extensions?: Record<string, unknown> } }) => {
    const persisted = payload.params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
    return String(persisted?.sha256Hash ?? "").slice(0, 100);
  };
  return persistedOperations<Context>({
    allowArbitraryOperations: true,
    getPersistedOperation: find,
    customErrors: {
      notFound: (payload) =>
        new GraphQLError(
          `PersistedQueryNotFound: no persisted operation has the id "${idOf(payload)}". The reader may be ` +
            "older or newer than the API: reload it, or run `npm run generate:client` after changing its " +
            "operations. Full queries are accepted too.",
          { extensions: { code: "PERSISTED_QUERY_NOT_FOUND", http: { status: 400 } } },
        ),
      keyNotFound: {
        message: "Send a query, or the id of a persisted operation in extensions.persistedQuery.sha256Hash.",
        extensions: { code: "PERSISTED_QUERY_ID_REQUIRED", http: { status: 400 } },
      },
    },
  });
}
