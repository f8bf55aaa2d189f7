import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";

// The built reader (client/dist, made by `npm install` and `npm run build`), as `npm start` serves it.
const dist = fileURLToPath(new URL("../../client/dist/", import.meta.url));
const app = createApp({ apiToken: undefined, production: true });

/** The CSP's directives as a map: "script-src 'self'" → { "script-src": ["'self'"] }. */
function policy(response: Response): Record<string, string[]> {
  const header = response.headers.get("content-security-policy") ?? "";
  return Object.fromEntries(
    header
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name as string, values]),
  );
}

function expectCommonHeaders(response: Response, what: string) {
  expect(response.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(response.headers.get("x-frame-options"), what).toBe("DENY");
  expect(response.headers.get("referrer-policy"), what).toBe("no-referrer");
  expect(policy(response)["frame-ancestors"], what).toEqual(["'none'"]);
}

describe("security headers", () => {
  it("the reader's page runs only its own files: no inline script or style in the built index.html", async () => {
    const html = readFileSync(`${dist}index.html`, "utf8");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
    for (const path of ["/", "/articles/some-slug"]) {
      const response = await app.fetch(`http://localhost${path}`);
      expect(response.status).toBe(200);
      expectCommonHeaders(response, path);
      const csp = policy(response);
      expect(csp["script-src"]).toEqual(["'self'"]);
      // Its own files, and Cytoscape's one fixed rule by its hash.
      expect(csp["style-src"]).toEqual(["'self'", expect.stringMatching(/^'sha256-[\w+/]+=*'$/)]);
      expect(csp["default-src"]).toEqual(["'self'"]);
      expect(csp["object-src"]).toEqual(["'none'"]);
      expect(csp["connect-src"]).toEqual(["'self'"]);
    }
  });

  it("on the reader's static files", async () => {
    const script = readdirSync(`${dist}assets`).find((name) => name.endsWith(".js"));
    const response = await app.fetch(`http://localhost/assets/${script}`);
    expect(response.status).toBe(200);
    expectCommonHeaders(response, "asset");
  });

  it("on GraphQL answers, errors included", async () => {
    const answer = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(answer.status).toBe(200);
    expectCommonHeaders(answer, "answer");
    expect(policy(answer)["default-src"]).toEqual(["'none'"]);
    const refused = await app.fetch("http://localhost/graphql", { method: "POST", body: "query=x" });
    expectCommonHeaders(refused, "refusal");
    expectCommonHeaders(await app.fetch("http://localhost/healthz"), "healthz");
  });

  it("the playground keeps a policy of its own that lets it run", async () => {
    const response = await app.fetch("http://localhost/graphql", { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("newsgraph playground");
    expectCommonHeaders(response, "playground");
    const csp = policy(response);
    // GraphiQL is one inline script and style, with its editor's workers made from blobs.
    expect(csp["script-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp["worker-src"]).toEqual(["'self'", "blob:"]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
  });
});
