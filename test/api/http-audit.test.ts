import { serverAudits } from "graphql-http";
import { describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";

// The GraphQL-over-HTTP conformance audits of graphql-http, in production mode (as deployed),
// through the app's own fetch: the CSRF, CORS and size guards must not cost conformance.
describe("GraphQL over HTTP conformance (graphql-http serverAudits)", () => {
  it("passes every MUST and every SHOULD audit", async () => {
    const app = createApp({ apiToken: undefined, production: true });
    const audits = serverAudits({ url: "http://localhost/graphql", fetchFn: app.fetch });
    const results = await Promise.all(audits.map((audit) => audit.fn()));
    const failed = results.flatMap((result) =>
      result.status !== "ok" && !result.name.startsWith("MAY") ? [`${result.name}: ${result.reason}`] : [],
    );
    expect(failed).toEqual([]);
    const passed = (level: string) =>
      results.filter((result) => result.name.startsWith(level) && result.status === "ok").length;
    expect(passed("MUST")).toBe(13);
    expect(passed("SHOULD")).toBe(23);
  });
});
