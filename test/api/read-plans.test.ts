import { readFileSync } from "node:fs";
import { parse } from "graphql";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionString, onSqlStatement, prisma } from "../../server/db.ts";
import { createTestClient, uniqueGermanArticle } from "../helpers.ts";

// Issue 8: the reader's requests stay flat as articles grow. Their SQL statements are counted
// (an N+1 or a per-row lookup fails here), every search is shown to be servable by an index, and
// the counts kept by triggers agree with the rows they count.

// Every statement with its values, recorded below db.ts (which binds the query method it finds
// on each new connection, so this must be in place before the first one opens).
const sent: { text: string; values: unknown[] }[] = [];
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [config, values] = args as [unknown, unknown];
  if (typeof config === "string") sent.push({ text: config, values: Array.isArray(values) ? values : [] });
  else if (config && typeof config === "object" && "text" in config) {
    const { text, values: configured } = config as { text: string; values?: unknown[] };
    sent.push({ text, values: configured ?? [] });
  }
  return query.apply(this, args);
} as never;

const { gql } = createTestClient();
const manifest = JSON.parse(
  readFileSync(new URL("../../client/persisted-operations.json", import.meta.url), "utf8"),
) as Record<string, string>;

/** The reader's own document for an operation, as the manifest holds it. */
function operation(name: string): string {
  const document = Object.values(manifest).find((text) =>
    parse(text).definitions.some((node) => node.kind === "OperationDefinition" && node.name?.value === name),
  );
  if (!document) throw new Error(`${name} is not a persisted operation`);
  return document;
}

async function statementsOf(name: string, variables: Record<string, unknown>): Promise<string[]> {
  const statements: string[] = [];
  const stop = onSqlStatement((sql) => statements.push(sql));
  try {
    const { errors } = await gql(operation(name), variables);
    expect(errors).toBeUndefined();
  } finally {
    stop();
  }
  return statements;
}

let slug = "";
let actorId = "";

beforeAll(async () => {
  // Two articles naming the same people: counts above one, and a titleless one for displayTitle.
  for (const extra of [
    "Die Regierung in Berlin beobachtet die Lage.",
    "Scholz sagte, die Regierung handle.",
  ]) {
    const { data } = await gql<{ ingestArticle: { article: { slug: string } } }>(
      `mutation($t: String!) { ingestArticle(input: { text: $t }) { article { slug } } }`,
      { t: uniqueGermanArticle(extra) },
    );
    slug = data?.ingestArticle.article.slug ?? "";
  }
  const scholz = await prisma.actor.findFirstOrThrow({ where: { name: { contains: "Scholz" } } });
  actorId = Buffer.from(`Actor:${scholz.id}`).toString("base64");
});

describe("the reader's requests, by SQL statement", () => {
  it("reads an article page in one statement", async () => {
    await statementsOf("Article", { slug });
    expect(await statementsOf("Article", { slug })).toHaveLength(1);
  });

  it("reads the front page, filtered or not, in two (the page and its total)", async () => {
    expect(await statementsOf("ArticleList", { first: 20 })).toHaveLength(2);
    expect(await statementsOf("ArticleList", { first: 20, filter: { actor: actorId } })).toHaveLength(2);
  });

  it("lists titleless articles by their first words without reading their texts", async () => {
    const statements = await statementsOf("ArticleList", { first: 20 });
    expect(statements.join("\n")).not.toMatch(/"text"/);
    const { data } = await gql<{ article: { displayTitle: string } }>(
      `query($slug: String!) { article(slug: $slug) { displayTitle } }`,
      { slug },
    );
    expect(data?.article.displayTitle).toMatch(/^Bundeskanzler Olaf Scholz ist am Dienstag/);
  });

  it("searches in a fixed number of statements, whatever the number of hits", async () => {
    expect((await statementsOf("Search", { query: "Regierung" })).length).toBeLessThanOrEqual(6);
  });
});

describe("search", () => {
  let explainer: pg.Client;
  beforeAll(async () => {
    explainer = new pg.Client({ connectionString });
    await explainer.connect();
  });
  afterAll(() => explainer.end());

  /**
   * The plan of a statement with sequential and plain index scans ruled out: only an index that
   * matches its conditions (a bitmap scan) can serve it, not a walk through an ordered index.
   */
  async function planWithoutSeqScans(statement: { text: string; values: unknown[] }): Promise<string> {
    await query.call(explainer, "BEGIN");
    try {
      await query.call(explainer, "SET LOCAL enable_seqscan = off");
      await query.call(explainer, "SET LOCAL enable_indexscan = off");
      const plan = (await query.call(
        explainer,
        `EXPLAIN ${statement.text}`,
        statement.values,
      )) as pg.QueryResult;
      return plan.rows.map((row) => row["QUERY PLAN"]).join("\n");
    } finally {
      await query.call(explainer, "ROLLBACK");
    }
  }

  it("is served by an index for articles, quotes and actors", async () => {
    sent.length = 0;
    await statementsOf("Search", { query: "Regierung" });
    const searches = sent.filter(({ text }) => /searchVector|ILIKE/.test(text));
    expect(searches).toHaveLength(3);
    for (const statement of searches) {
      // A disabled sequential scan still shows when nothing else can answer.
      const plan = await planWithoutSeqScans(statement);
      expect(plan).not.toMatch(/Seq Scan on "(Article|Quote|Actor)"/);
      expect(plan).toMatch(/_searchVector_idx|_name_trgm_idx/);
    }
  });

  it("finds words in the article's language, and quotes and actors", async () => {
    const { data } = await gql<{
      search: {
        articles: { node: { slug: string } }[];
        quotes: { snippet: string }[];
        actors: { node: { name: string } }[];
      };
    }>(
      `{ search(query: "Regierungen") { articles { node { slug } } quotes { snippet } actors { node { name } } } }`,
    );
    expect(data?.search.articles.map((hit) => hit.node.slug)).toContain(slug);
    expect(data?.search.quotes.some((hit) => hit.snippet.includes("Regierung"))).toBe(true);
    const actors = await gql<{ search: { actors: { node: { name: string } }[] } }>(
      `{ search(query: "olz") { actors { node { name } } } }`,
    );
    expect(actors.data?.search.actors.some((hit) => hit.node.name.includes("Scholz"))).toBe(true);
  });
});

describe("counts kept by the database", () => {
  async function storedAndCounted(): Promise<{ stored: number; counted: number }[]> {
    const actors = await prisma.actor.findMany({
      select: { mentionCount: true, _count: { select: { mentions: true } } },
    });
    return actors.map((actor) => ({ stored: actor.mentionCount, counted: actor._count.mentions }));
  }

  it("counts each actor's mentions as articles come and go", async () => {
    const { data } = await gql<{ ingestArticle: { article: { id: string } } }>(
      `mutation($t: String!) { ingestArticle(input: { text: $t }) { article { id } } }`,
      { t: uniqueGermanArticle("Macron und Scholz trafen sich erneut.") },
    );
    for (const actor of await storedAndCounted()) expect(actor.stored).toBe(actor.counted);
    expect((await storedAndCounted()).some((actor) => actor.stored > 1)).toBe(true);
    const deleted = await gql(
      `mutation($id: ID!) { deleteArticle(input: { id: $id }) { deletedArticleId } }`,
      {
        id: data?.ingestArticle.article.id,
      },
    );
    expect(deleted.errors).toBeUndefined();
    for (const actor of await storedAndCounted()) expect(actor.stored).toBe(actor.counted);
  });

  it("stems quotes again when their article's language changes", async () => {
    const quote = await prisma.quote.findFirstOrThrow({ select: { articleId: true } });
    const stemmedAs = async (config: string) => {
      const [row] = await prisma.$queryRawUnsafe<{ same: boolean }[]>(
        `SELECT bool_and("searchVector" = to_tsvector('${config}'::regconfig, "text")) AS same FROM "Quote" WHERE "articleId" = $1::uuid`,
        quote.articleId,
      );
      return row?.same;
    };
    expect(await stemmedAs("german")).toBe(true);
    await prisma.article.update({ where: { id: quote.articleId }, data: { language: "en" } });
    expect(await stemmedAs("english")).toBe(true);
    await prisma.article.update({ where: { id: quote.articleId }, data: { language: "de" } });
    expect(await stemmedAs("german")).toBe(true);
  });

  it("orders the actor list by mentions", async () => {
    const { data } = await gql<{ actors: { nodes: { id: string }[] } }>(operation("FilterActors"));
    const ids =
      data?.actors.nodes.map((node) => Buffer.from(node.id, "base64").toString().split(":")[1] ?? "") ?? [];
    const counts = await prisma.actor.findMany({
      where: { id: { in: ids } },
      select: { id: true, mentionCount: true },
    });
    const byId = new Map(counts.map((actor) => [actor.id, actor.mentionCount]));
    const ordered = ids.map((id) => byId.get(id) ?? -1);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
  });
});
