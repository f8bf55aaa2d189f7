import { describe, expect, it } from "vitest";
import { createTestClient } from "../helpers.ts";

// Every refusal names its reason in extensions.code, and a request refused before it runs gets
// a 4xx status (GraphQL over HTTP, with Accept: application/graphql-response+json).
const { gql } = createTestClient();

/** Four levels (articles → nodes → actors → nodes) per step, around an actor's name. */
const nested = (steps: number): string =>
  steps === 0 ? "name" : `articles { nodes { actors { nodes { ${nested(steps - 1)} } } } }`;

const cases: [string, string, string][] = [
  ["a syntax error", "{ articles { ", "GRAPHQL_PARSE_FAILED"],
  ["an unknown field", "{ nope }", "GRAPHQL_VALIDATION_FAILED"],
  ["a query nested too deep", `{ ${nested(4)} }`, "QUERY_TOO_DEEP"],
  [
    "too many aliases",
    `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: articles(first: 1) { totalCount }`).join(" ")} }`,
    "TOO_MANY_ALIASES",
  ],
  ["too many directives", `{ __typename ${"@include(if: true) ".repeat(21)}}`, "TOO_MANY_DIRECTIVES"],
  ["too many tokens", `{ ${"__typename ".repeat(5001)}}`, "TOO_MANY_TOKENS"],
];

describe("error codes", () => {
  for (const [what, query, code] of cases) {
    it(`${what}: 400 with ${code}`, async () => {
      const response = await gql(query);
      expect(response.errors?.[0]?.extensions?.code).toBe(code);
      expect(response.errors?.[0]?.message).not.toMatch(/^Syntax Error: .*limit/);
      expect(response.status).toBe(400);
      expect(response.data).toBeUndefined();
    });
  }
});
