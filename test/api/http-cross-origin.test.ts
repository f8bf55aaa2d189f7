import { describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";
import { uniqueGermanArticle } from "../helpers.ts";

// A page on another site can POST a form (urlencoded, multipart or text/plain) to the API
// without a preflight, and the browser sends it; only JSON bodies, which need a preflight
// that CORS refuses, may reach GraphQL.
const app = createApp({ apiToken: undefined, production: true });
const INGEST = "mutation($text: String!) { ingestArticle(input: { text: $text }) { created } }";
const evil = "https://evil.example";

async function errorOf(response: Response) {
  const body = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  expect(body.data ?? null).toBeNull();
  return body.errors?.[0];
}

describe("cross-site requests", () => {
  const query = `mutation { ingestArticle(input: { text: ${JSON.stringify(uniqueGermanArticle())} }) { created } }`;
  const multipart = new FormData();
  multipart.set("operations", JSON.stringify({ query }));
  multipart.set("map", "{}");
  const bodies: [string, () => RequestInit][] = [
    ["a urlencoded form", () => ({ body: new URLSearchParams({ query }) })],
    ["a multipart form", () => ({ body: multipart })],
    ["text/plain", () => ({ headers: { "content-type": "text/plain" }, body: JSON.stringify({ query }) })],
    ["no content type", () => ({ body: new Blob([JSON.stringify({ query })]) })],
  ];
  for (const [kind, init] of bodies) {
    it(`refuses ${kind} with 415 and says what to send`, async () => {
      const { headers, ...rest } = init();
      const response = await app.fetch("http://localhost/graphql", {
        method: "POST",
        ...rest,
        headers: { origin: evil, ...(headers as Record<string, string>) },
      });
      expect(response.status).toBe(415);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      const error = await errorOf(response);
      expect(error?.extensions?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
      expect(error?.message).toMatch(/application\/json/);
    });
  }

  it("accepts application/json with a charset", async () => {
    const response = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ query: INGEST, variables: { text: uniqueGermanArticle() } }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { ingestArticle: { created: true } } });
  });

  it("never runs a mutation sent as GET", async () => {
    const params = new URLSearchParams({
      query: INGEST,
      variables: JSON.stringify({ text: uniqueGermanArticle() }),
    });
    const response = await app.fetch(`http://localhost/graphql?${params}`, {
      headers: { accept: "application/graphql-response+json" },
    });
    expect(response.status).toBe(405);
    await errorOf(response);
  });
});

describe("CORS", () => {
  const preflight = (target: ReturnType<typeof createApp>, origin: string) =>
    target.fetch("http://localhost/graphql", {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
  const post = (target: ReturnType<typeof createApp>, origin: string) =>
    target.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });

  it("is off by default: no Access-Control header for any origin", async () => {
    for (const response of [await preflight(app, evil), await post(app, evil)]) {
      expect([...response.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);
    }
  });

  it("allows the origins of corsOrigins, and only those, without credentials", async () => {
    const allowed = "https://reader.example";
    const open = createApp({
      apiToken: undefined,
      production: true,
      corsOrigins: [allowed, "https://other.example"],
    });
    for (const response of [await preflight(open, allowed), await post(open, allowed)]) {
      expect(response.headers.get("access-control-allow-origin")).toBe(allowed);
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      expect(response.headers.get("vary")).toMatch(/Origin/);
    }
    expect((await preflight(open, allowed)).headers.get("access-control-allow-headers")).toMatch(
      /authorization/,
    );
    for (const response of [await preflight(open, evil), await post(open, evil)]) {
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    }
  });
});
