import { createHash } from "node:crypto";
import type { Plugin } from "graphql-yoga";

type Directives = Record<string, string>;

const csp = (directives: Directives) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** Cytoscape (the article's network) adds this one rule as a <style> element: allowed by its hash. */
const CYTOSCAPE_STYLE = ".__________cytoscape_container { position: relative; }";

/** The reader loads only its own bundled files (client/dist has no inline script or style). */
const READER: Directives = {
  "default-src": "'self'",
  "script-src": "'self'",
  "style-src": `'self' ${sha256(CYTOSCAPE_STYLE)}`,
  // The favicon is a data: URL.
  "img-src": "'self' data:",
  "connect-src": "'self'",
  "font-src": "'self'",
  "object-src": "'none'",
  "base-uri": "'none'",
  "form-action": "'self'",
  "frame-ancestors": "'none'",
};

/** GraphiQL comes as one page with an inline script and style, its editor's workers made from blobs. */
const PLAYGROUND: Directives = {
  ...READER,
  "script-src": "'self' 'unsafe-inline'",
  "style-src": "'self' 'unsafe-inline'",
  "img-src": "'self' data: blob:",
  "font-src": "'self' data:",
  "worker-src": "'self' blob:",
};

/** JSON, scripts, styles: nothing in them may load anything. */
const NOT_A_PAGE: Directives = { "default-src": "'none'", "frame-ancestors": "'none'" };

const COMMON = {
  "x-content-type-options": "nosniff",
  // For browsers without CSP's frame-ancestors.
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
};

/** Security headers on every response: the reader, its files, GraphQL, the playground, health. */
export function securityHeadersPlugin(graphqlEndpoint: string): Plugin {
  const policies = { reader: csp(READER), playground: csp(PLAYGROUND), notAPage: csp(NOT_A_PAGE) };
  return {
    onResponse({ request, response }) {
      for (const [name, value] of Object.entries(COMMON)) response.headers.set(name, value);
      const page = response.headers.get("content-type")?.startsWith("text/html");
      const playground = new URL(request.url).pathname === graphqlEndpoint;
      response.headers.set(
        "content-security-policy",
        page ? (playground ? policies.playground : policies.reader) : policies.notAPage,
      );
    },
  };
}
