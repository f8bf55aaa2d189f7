import { randomUUID } from "node:crypto";
import { GraphQLError, getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import { currentRequestScope, inRequestScope, logger, type RequestScope } from "../log.ts";
import { OTHER_OPERATION } from "./operation-name.ts";

/** What is known of a request while it is answered (metrics.ts reads it too). */
export type RequestRecord = RequestScope & {
  startedAt: number;
  /** The persisted operation's name, or "other" (operation-name.ts); unset outside GraphQL. */
  operation?: string;
  /** The name a non-persisted request gave its operation (logs only, never a metric label). */
  clientOperation?: string;
  errorCodes: string[];
};

/** The record of the request being answered, if any. */
export function currentRequest(): RequestRecord | undefined {
  return currentRequestScope() as RequestRecord | undefined;
}

// An incoming id is kept when it looks like one (a proxy's or a client's), so a request can be
// followed across services; anything else gets a fresh one.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

// Probes and scrapes come every few seconds: their lines are debug, not info.
const QUIET_PATHS = new Set(["/healthz", "/readyz", "/metrics"]);

type Params = { query?: unknown; operationName?: unknown; extensions?: Record<string, unknown> };

/**
 * Gives every request an id (X-Request-Id, in and out) and writes one JSON line for it when it is
 * answered: method, path, operation, status, duration, error codes. An error that is a bug (not a
 * coded GraphQL error) is logged with its stack. Must be the first plugin, so that its clock starts
 * before the others run and its line sees what they answered.
 */
export function requestLogPlugin(nameOperation: (params: Params) => string): Plugin {
  return {
    instrumentation: {
      request({ request }, wrapped) {
        const incoming = request.headers.get("x-request-id");
        const record: RequestRecord = {
          requestId: incoming && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID(),
          startedAt: performance.now(),
          errorCodes: [],
        };
        return inRequestScope(record, wrapped);
      },
    },
    // A GET names its operation in the URL: known even when the answer comes before any
    // parsing (a 304 from the response cache).
    onRequest({ request, url }) {
      const record = currentRequest();
      if (!record || request.method !== "GET" || !url.searchParams.has("extensions")) return;
      try {
        const extensions = JSON.parse(url.searchParams.get("extensions") ?? "null") as Params["extensions"];
        record.operation = nameOperation({ query: url.searchParams.get("query"), extensions });
      } catch {
        // Not JSON: yoga answers that request with its own error.
      }
    },
    onParams({ params }) {
      const record = currentRequest();
      if (!record) return;
      record.operation = nameOperation(params);
      if (record.operation === OTHER_OPERATION && typeof params.operationName === "string")
        record.clientOperation = params.operationName.slice(0, 100);
    },
    onExecute({ args }) {
      const record = currentRequest();
      if (record?.operation === OTHER_OPERATION && !record.clientOperation)
        record.clientOperation = getOperationAST(args.document, args.operationName)?.name?.value.slice(
          0,
          100,
        );
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          for (const error of result.errors ?? []) {
            const cause = error.originalError;
            if (cause && !(cause instanceof GraphQLError))
              logger.error({ err: cause, path: error.path?.join(".") }, `resolver failed: ${cause.message}`);
          }
        },
      };
    },
    onResultProcess({ result }) {
      const record = currentRequest();
      if (!record) return;
      for (const single of Array.isArray(result) ? result : [result]) {
        if (Symbol.asyncIterator in single) continue;
        for (const error of single.errors ?? [])
          record.errorCodes.push(String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR"));
      }
    },
    onResponse({ request, response }) {
      const record = currentRequest();
      if (!record) return;
      response.headers.set("x-request-id", record.requestId);
      const path = new URL(request.url).pathname;
      const line = {
        method: request.method,
        path: path.slice(0, 200),
        operation: record.operation,
        clientOperation: record.clientOperation,
        status: response.status,
        durationMs: Math.round((performance.now() - record.startedAt) * 10) / 10,
        errors: record.errorCodes.length ? [...new Set(record.errorCodes)] : undefined,
      };
      if (response.status >= 500) logger.error(line, "request failed");
      else if (QUIET_PATHS.has(path)) logger.debug(line, "request");
      else logger.info(line, "request");
    },
  };
}
