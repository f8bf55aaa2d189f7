// The reader's reads, answered from memory: persisted-operation GETs are cached whole (yoga's
// response cache), bounded in entries and bytes, and all dropped by any write. Browsers get an
// ETag and revalidate (If-None-Match → 304) instead of downloading the same answer again.
// An envelop plugin, not a React hook: named so that the linter does not take it for one.
import {
  type Cache,
  hashSHA256,
  useResponseCache as responseCache,
} from "@graphql-yoga/plugin-response-cache";
import { type ExecutionResult, getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import { LRUCache } from "lru-cache";
import { env } from "../env.ts";
import { persistedHashOf } from "./operation-name.ts";

export type ResponseCacheOptions = {
  /** Bytes of answers held, measured as their JSON; 0 turns the cache off. */
  maxBytes: number;
  maxEntries: number;
  ttlMs: number;
};

type Stats = { hits: number; misses: number; notModified: number };

/**
 * The answers, keyed by generation + a hash of what was asked. A write starts a new generation:
 * a read that began before it may finish after it, and its answer, keyed by the old generation,
 * is then refused instead of being served as current.
 */
function createResponseStore(options: ResponseCacheOptions) {
  let generation = 0;
  const answers = new LRUCache<string, ExecutionResult>({
    max: options.maxEntries,
    maxSize: Math.max(options.maxBytes, 1),
    // One answer may take at most an eighth of the cache, so a few huge ones cannot flush it.
    maxEntrySize: Math.max(Math.floor(options.maxBytes / 8), 1),
    sizeCalculation: (answer) => Math.max(JSON.stringify(answer).length, 1),
    ttl: options.ttlMs,
  });
  const stats: Stats = { hits: 0, misses: 0, notModified: 0 };
  // The key doubles as the ETag, so it is quoted as an entity tag must be.
  const generationOf = (key: string) => Number(/^"(\d+)-/.exec(key)?.[1] ?? -1);
  const cache: Cache = {
    get: (key) => answers.get(key) ?? null,
    set(key, answer) {
      if (generationOf(key) === generation) answers.set(key, answer as ExecutionResult);
    },
    // Called by the library for mutations' entities; every write already clears everything.
    invalidate: () => undefined,
  };
  return {
    cache,
    stats,
    key: (hash: string) => `"${generation}-${hash}"`,
    invalidate() {
      generation += 1;
      answers.clear();
    },
    size: () => ({ entries: answers.size, bytes: answers.calculatedSize }),
  };
}

const store = createResponseStore({
  maxBytes: env.responseCacheBytes,
  maxEntries: env.responseCacheEntries,
  ttlMs: env.responseCacheTtlMs,
});

/**
 * Drops every cached answer. Called after every successful mutation here, and by whatever learns
 * of a write made elsewhere (a job, another replica's event).
 */
export function invalidateCachedResponses(): void {
  store.invalidate();
}

/** For /metrics: lookups since start and what the cache holds now. */
export function responseCacheStatus() {
  return { ...store.stats, ...store.size() };
}

/**
 * The persisted operation id of a request whose answer may be cached: the reader's persisted
 * queries sent as GET to the GraphQL endpoint, with no query text of their own and not as an
 * event stream. Undefined for every other request.
 */
function cacheableRequests(graphqlEndpoint: string) {
  const seen = new WeakMap<Request, string | undefined>();
  const persistedHash = (request: Request): string | undefined => {
    if (request.method !== "GET" || request.headers.get("accept")?.includes("text/event-stream")) return;
    const url = new URL(request.url);
    if (url.pathname !== graphqlEndpoint || url.searchParams.has("query")) return;
    try {
      const extensions = JSON.parse(url.searchParams.get("extensions") ?? "null") as Record<string, unknown>;
      return extensions && typeof extensions === "object" ? persistedHashOf({ extensions }) : undefined;
    } catch {
      return undefined;
    }
  };
  return (request: Request): string | undefined => {
    if (!seen.has(request)) seen.set(request, persistedHash(request));
    return seen.get(request);
  };
}

/** True when the mutation did something: no errors, and no root field came back with userErrors. */
function wroteSomething(result: ExecutionResult): boolean {
  if (result.errors?.length || !result.data) return false;
  return Object.values(result.data).some((payload) => {
    const userErrors = (payload as { userErrors?: unknown[] } | null)?.userErrors;
    return payload !== null && !(Array.isArray(userErrors) && userErrors.length > 0);
  });
}

const FROM_CACHE = Symbol.for("servedFromResponseCache");

/** Writes clear the cache; cacheable GETs get Cache-Control, the rest no-store; hits are counted. */
function cachePolicyPlugin(
  graphqlEndpoint: string,
  cacheableHash: (request: Request) => string | undefined,
): Plugin {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== "mutation") return;
      return {
        onExecuteDone({ result }) {
          if (!(Symbol.asyncIterator in result) && wroteSomething(result)) invalidateCachedResponses();
        },
      };
    },
    onResultProcess({ request, result }) {
      if (!cacheableHash(request) || Array.isArray(result)) return;
      if ((result as Record<symbol, unknown>)[FROM_CACHE]) store.stats.hits += 1;
      else store.stats.misses += 1;
    },
    onResponse({ request, response }) {
      if (request.method !== "GET" || new URL(request.url).pathname !== graphqlEndpoint) return;
      if (response.status === 304) store.stats.notModified += 1;
      // Stored, but asked again each time: the ETag makes that a 304 while nothing was written.
      const validated = cacheableHash(request) !== undefined && response.headers.has("etag");
      if (!response.headers.has("cache-control"))
        response.headers.set("cache-control", validated ? "no-cache" : "no-store");
      if (validated) response.headers.append("vary", "Accept");
    },
  };
}

/**
 * The response cache for the GraphQL endpoint; with `enabled` false (RESPONSE_CACHE_MB=0) only
 * the headers stay.
 */
export function responseCachePlugins(
  graphqlEndpoint: string,
  enabled = env.responseCacheBytes > 0,
): Plugin[] {
  const cacheableHash = cacheableRequests(graphqlEndpoint);
  const policy = cachePolicyPlugin(graphqlEndpoint, cacheableHash);
  if (!enabled) return [policy];
  return [
    policy,
    responseCache({
      // Every answer is public: reads do not depend on who asks.
      session: () => null,
      enabled: (request) => cacheableHash(request) !== undefined,
      cache: store.cache,
      ttl: env.responseCacheTtlMs,
      invalidateViaMutation: false,
      includeExtensionMetadata: false,
      // The operation id, its name and the variables as sent: everything that shapes the answer.
      buildResponseCacheKey: async ({ request, operationName, variableValues }) => {
        const hash = cacheableHash(request);
        if (!hash) return "";
        return store.key(
          await hashSHA256(`${hash}|${operationName ?? ""}|${JSON.stringify(variableValues ?? {})}`),
        );
      },
    }),
  ];
}
