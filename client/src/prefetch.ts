import {
  createRequest,
  type Exchange,
  getOperationName,
  makeErrorResult,
  makeResult,
  type Operation,
  stringifyVariables,
} from "@urql/core";
import { filter, fromPromise, map, merge, mergeMap, pipe, share } from "wonka";
import { ArticleQuery } from "./routes/ArticlePage.query.ts";

/**
 * The hash under which the API knows a persisted document (graphql.persisted's id, without its
 * "sha256:"), sent as `extensions.persistedQuery.sha256Hash`; null for a document that is not one.
 */
export function persistedId(document: object): string | null {
  const id = (document as { documentId?: unknown }).documentId;
  return typeof id === "string" ? id.replace(/^sha256:/, "") : null;
}

let pending: { key: number; response: Promise<unknown> } | null = null;

/** On /articles/:slug, sends the article view's query before the app has loaded. */
export function prefetchArticle(pathname: string): void {
  const slug = /^\/articles\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (!slug) return;
  const variables = { slug: decodeURIComponent(slug) };
  // The request urql's persistedExchange and fetchExchange will make (a GET with the document's
  // id and no text), under the key urql will look for.
  const params = new URLSearchParams({
    operationName: getOperationName(ArticleQuery) ?? "",
    variables: stringifyVariables(variables),
    extensions: stringifyVariables({ persistedQuery: { version: 1, sha256Hash: persistedId(ArticleQuery) } }),
  });
  pending = {
    key: createRequest(ArticleQuery, variables).key,
    response: fetch(`/graphql?${params}`, {
      headers: { accept: "application/graphql-response+json" },
    }).then((response) => response.json()),
  };
}

// React may tear the first query down and start it again before the answer arrives: every query
// for the same key is served from the one request until that answer is in.
function claim(operation: Operation): Promise<unknown> | null {
  if (operation.kind !== "query" || pending?.key !== operation.key) return null;
  const claimed = pending;
  const release = () => {
    if (pending === claimed) pending = null;
  };
  claimed.response.then(release, release);
  return claimed.response;
}

/** Answers the matching query from the prefetched response; everything else goes on. */
export const prefetchExchange: Exchange =
  ({ forward }) =>
  (operations$) => {
    const tagged$ = pipe(
      operations$,
      map((operation) => ({ operation, prefetched: claim(operation) })),
      share,
    );
    const served$ = pipe(
      tagged$,
      filter((tagged) => tagged.prefetched !== null),
      mergeMap(({ operation, prefetched }) =>
        fromPromise(
          (prefetched as Promise<unknown>).then(
            (body) => makeResult(operation, body as Parameters<typeof makeResult>[1]),
            (error: unknown) =>
              makeErrorResult(operation, error instanceof Error ? error : new Error(String(error))),
          ),
        ),
      ),
    );
    const forwarded$ = forward(
      pipe(
        tagged$,
        filter((tagged) => tagged.prefetched === null),
        map((tagged) => tagged.operation),
      ),
    );
    return merge([served$, forwarded$]);
  };
