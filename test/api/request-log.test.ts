import { createSchema, createYoga } from "graphql-yoga";
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "../../server/db.ts";
import { env } from "../../server/env.ts";
import { errorMasking } from "../../server/http/errors.ts";
import { OTHER_OPERATION } from "../../server/http/operation-name.ts";
import { requestLogPlugin } from "../../server/http/request-log.ts";
import { collectLogLines } from "../../server/log.ts";
import { createTestClient } from "../helpers.ts";

const { app } = createTestClient();
let collected: ReturnType<typeof collectLogLines> | undefined;
afterEach(() => collected?.stop());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  app.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: JSON.stringify(body),
  });

describe("request ids and the JSON log", () => {
  it("gives every response an X-Request-Id, keeping a sane one the client sent", async () => {
    const fresh = await app.fetch("http://localhost/healthz");
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await app.fetch("http://localhost/healthz", { headers: { "x-request-id": "proxy-42.a:b" } });
    expect(kept.headers.get("x-request-id")).toBe("proxy-42.a:b");
    for (const insane of ["has spaces in it", "x".repeat(200), 'quote"d']) {
      const replaced = await app.fetch("http://localhost/healthz", { headers: { "x-request-id": insane } });
      expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("writes one line per request: method, path, operation, status, duration, id, error codes", async () => {
    collected = collectLogLines("info");
    const ok = await post(
      { query: "query Count { articles(first: 1) { totalCount } }" },
      { "x-request-id": "req-1" },
    );
    expect(ok.status).toBe(200);
    const bad = await post({ query: "{ nope }" }, { "x-request-id": "req-2" });
    expect(bad.status).toBe(400);
    const lines = collected.lines.filter((line) => line.msg === "request");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: "info",
      method: "POST",
      path: "/graphql",
      operation: "other",
      clientOperation: "Count",
      status: 200,
      requestId: "req-1",
    });
    expect(typeof lines[0]?.durationMs).toBe("number");
    expect(typeof lines[0]?.time).toBe("string");
    expect(lines[1]).toMatchObject({
      status: 400,
      requestId: "req-2",
      errors: ["GRAPHQL_VALIDATION_FAILED"],
    });
  });

  it("logs a statement slower than SLOW_QUERY_MS with its duration and its start", async () => {
    collected = collectLogLines("warn");
    const threshold = env.slowQueryMs;
    env.slowQueryMs = 50;
    try {
      await prisma.$queryRaw`SELECT pg_sleep(0.1)::text, 'slow-query-marker'`;
      await prisma.$queryRaw`SELECT 'quick-query-marker'`;
    } finally {
      env.slowQueryMs = threshold;
    }
    const slow = collected.lines.filter((line) => line.msg === "slow query");
    expect(slow).toHaveLength(1);
    expect(slow[0]?.sql).toContain("slow-query-marker");
    expect(slow[0]?.durationMs).toBeGreaterThanOrEqual(50);
    expect(String(slow[0]?.sql).length).toBeLessThanOrEqual(200);
  });

  it("logs a resolver's bug with its stack and the request id, while the client sees it masked", async () => {
    // A schema of its own: the project's resolvers have no bug to trigger on purpose.
    const buggy = createYoga({
      schema: createSchema({
        typeDefs: "type Query { broken: String }",
        resolvers: {
          Query: {
            broken: () => {
              throw new TypeError("cannot read the thing");
            },
          },
        },
      }),
      maskedErrors: errorMasking({ production: true }),
      logging: false,
      plugins: [requestLogPlugin(() => OTHER_OPERATION)],
    });
    collected = collectLogLines("info");
    const response = await buggy.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "bug-1" },
      body: JSON.stringify({ query: "{ broken }" }),
    });
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toBe("Unexpected error.");
    const failure = collected.lines.find((line) => line.msg === "resolver failed: cannot read the thing");
    expect(failure).toMatchObject({ level: "error", requestId: "bug-1", path: "broken" });
    expect((failure?.err as { stack?: string } | undefined)?.stack).toContain(
      "TypeError: cannot read the thing",
    );
    const request = collected.lines.find((line) => line.msg === "request");
    expect(request).toMatchObject({ requestId: "bug-1", errors: ["INTERNAL_SERVER_ERROR"] });
  });
});
