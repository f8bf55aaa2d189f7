import { describe, expect, it } from "vitest";
import { createTestClient, uniqueGermanArticle } from "../helpers.ts";

const { gql } = createTestClient();

// Connections through join rows (article → actors → articles, actor → events) must serve
// `nodes`, `edges { node }` and both at once, at any depth.
describe("connections through join rows", () => {
  it("load node fields asked through nodes, edges, or both", async () => {
    await gql(`mutation($t: String!) { ingestArticle(input: { text: $t }) { created } }`, {
      t: uniqueGermanArticle(),
    });
    const { data, errors } = await gql<{
      articles: {
        nodes: {
          actors: {
            nodes: {
              name: string;
              articles: {
                nodes: { slug: string }[];
                edges: { mentionCount: number; node: { title: string | null } }[];
              };
            }[];
          };
        }[];
      };
    }>(`{
      articles(first: 2) { nodes { actors(first: 3) { nodes { name
        articles(first: 2) { nodes { slug } edges { mentionCount node { title } } }
        events(first: 2) { nodes { summary } edges { role } }
      } } } }
    }`);
    expect(errors).toBeUndefined();
    const actor = data?.articles.nodes[0]?.actors.nodes[0];
    expect(actor?.name.length).toBeGreaterThan(0);
    expect(actor?.articles.nodes[0]?.slug.length).toBeGreaterThan(0);
    expect(actor?.articles.edges[0]?.mentionCount).toBeGreaterThan(0);
  });

  it("answers a page that asks only for edge fields and counts", async () => {
    const { errors } = await gql(
      `{ articles(first: 1) { nodes { actors(first: 2) { totalCount edges { mentionCount } } } } }`,
    );
    expect(errors).toBeUndefined();
  });
});
