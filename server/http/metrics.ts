// /metrics in Prometheus' text format (prom-client): request durations by operation, the database
// pool, the extraction pool, the response cache, and the process (memory, CPU, event loop).
import type { Plugin } from "graphql-yoga";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { poolStatus } from "../db.ts";
import { extractionPool, onExtractionTimed } from "../ingest/extraction-pool.ts";
import { bearerMatches } from "./bearer.ts";
import { currentRequest } from "./request-log.ts";
import { responseCacheStatus } from "./response-cache.ts";

export const METRICS_PATH = "/metrics";

// One registry for the process: every app created in it (tests create several) reports here.
const registry = new Registry();
collectDefaultMetrics({ register: registry });

const requestDuration = new Histogram({
  name: "newsgraph_graphql_request_duration_seconds",
  help: "GraphQL requests by operation (the reader's persisted operations by name, all others as 'other') and HTTP status.",
  labelNames: ["operation", "status"] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

const extractionDuration = new Histogram({
  name: "newsgraph_extraction_duration_seconds",
  help: "Time to read one document in an extraction worker.",
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [registry],
});
onExtractionTimed((seconds) => extractionDuration.observe(seconds));

/** A gauge read when scraped. */
function sampled(name: string, help: string, read: () => number) {
  return new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      this.set(read());
    },
  });
}

sampled("newsgraph_db_pool_connections", "Open connections of the database pool.", () => poolStatus().total);
sampled(
  "newsgraph_db_pool_idle_connections",
  "Idle connections of the database pool.",
  () => poolStatus().idle,
);
sampled(
  "newsgraph_db_pool_waiting_requests",
  "Callers waiting for a connection of the database pool.",
  () => poolStatus().waiting,
);
sampled(
  "newsgraph_extraction_queue_depth",
  "Documents waiting for an extraction worker.",
  () => extractionPool().status().queued,
);
sampled(
  "newsgraph_extraction_workers_busy",
  "Extraction workers reading a document now.",
  () => extractionPool().status().busy,
);
sampled(
  "newsgraph_response_cache_entries",
  "Answers in the response cache.",
  () => responseCacheStatus().entries,
);
sampled(
  "newsgraph_response_cache_bytes",
  "Size of the answers in the response cache, as JSON.",
  () => responseCacheStatus().bytes,
);

new Counter({
  name: "newsgraph_response_cache_requests_total",
  help: "Cacheable requests (the reader's persisted GETs) by result: hit, miss, or not_modified (304).",
  labelNames: ["result"] as const,
  registers: [registry],
  collect() {
    const { hits, misses, notModified } = responseCacheStatus();
    this.reset();
    this.inc({ result: "hit" }, hits);
    this.inc({ result: "miss" }, misses);
    this.inc({ result: "not_modified" }, notModified);
  },
});

/**
 * Serves /metrics (public, or behind `Authorization: Bearer <METRICS_TOKEN>` when a token is set)
 * and times every GraphQL request by the operation request-log.ts named.
 */
export function metricsPlugin(options: { graphqlEndpoint: string; token: string | undefined }): Plugin {
  return {
    async onRequest({ url, request, endResponse }) {
      if (url.pathname !== METRICS_PATH) return;
      if (request.method !== "GET" && request.method !== "HEAD") {
        endResponse(new Response("GET /metrics\n", { status: 405, headers: { allow: "GET, HEAD" } }));
        return;
      }
      if (options.token !== undefined && !bearerMatches(request, options.token)) {
        endResponse(
          new Response("/metrics needs the header `Authorization: Bearer <METRICS_TOKEN>`.\n", {
            status: 401,
            headers: { "www-authenticate": "Bearer" },
          }),
        );
        return;
      }
      endResponse(
        new Response(await registry.metrics(), {
          headers: { "content-type": registry.contentType, "cache-control": "no-store" },
        }),
      );
    },
    onResponse({ request, response }) {
      const record = currentRequest();
      if (!record || new URL(request.url).pathname !== options.graphqlEndpoint) return;
      requestDuration.observe(
        { operation: record.operation ?? "other", status: String(response.status) },
        (performance.now() - record.startedAt) / 1000,
      );
    },
  };
}
