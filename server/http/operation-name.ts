import { readFileSync } from "node:fs";
import { parse } from "graphql";

/** What metrics and logs call an operation that is not one of the reader's persisted ones. */
export const OTHER_OPERATION = "other";

type Params = { query?: unknown; extensions?: Record<string, unknown> | null | undefined };

/** The persisted operation id a request sends (extensions.persistedQuery.sha256Hash), bare. */
export function persistedHashOf(params: Params): string | undefined {
  const persisted = params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  return typeof persisted?.sha256Hash === "string" ? persisted.sha256Hash.replace(/^sha256:/, "") : undefined;
}

/**
 * Names requests by the persisted operation they run ("Article", "ArticleList", …) and everything
 * else "other": a name a client makes up must never become a metric label of its own. The names
 * come from the manifest (client/persisted-operations.json), read once.
 */
export function operationNamer(manifestPath: string) {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, string>;
  const names = new Map<string, string>();
  for (const [id, document] of Object.entries(manifest)) {
    for (const definition of parse(document, { noLocation: true }).definitions)
      if (definition.kind === "OperationDefinition" && definition.name)
        names.set(id.replace(/^sha256:/, ""), definition.name.value);
  }
  /** A request that sends a query of its own runs that query, whatever id it names too. */
  return (params: Params): string => {
    const hash = params.query ? undefined : persistedHashOf(params);
    return (hash && names.get(hash)) || OTHER_OPERATION;
  };
}
