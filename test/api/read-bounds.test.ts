import { randomUUID } from "node:crypto";
import { createYoga } from "graphql-yoga";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestDeadlinePlugin } from "../../server/database/request-deadline.ts";
import { connectionString, onSqlStatement, prisma } from "../../server/db.ts";
import { schema } from "../../server/schema/index.ts";
import { createTestClient, onEmbeddedDatabase, uniqueGermanArticle } from "../helpers.ts";
import { type ServerProcess, startServerProcess } from "../server-process.ts";

// Finding 2 and 3 of issue 7: one request must never pull unbounded work or data, and SQL must
// stop when its request is over.
const { gql, app } = createTestClient();

const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id slug } } }`;

async function ingestArticle(): Promise<{ id: string; slug: string }> {
  const { data } = await gql<{ ingestArticle: { article: { id: string; slug: string } } }>(INGEST, {
    input: { text: uniqueGermanArticle(), title: null },
  });
  if (!data) throw new Error("ingest failed");
  return data.ingestArticle.article;
}

/** The SQL statements a request sends. */
async function statementsOf<T>(request: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const stop = onSqlStatement((sql) => statements.push(sql));
  try {
    return { result: await request(), statements };
  } finally {
    stop();
  }
}

/** Columns of "Article" that SQL reads, whether the table is aliased (relation joins) or not. */
function articleColumns(statements: string[]): Set<string> {
  const columns = new Set<string>();
  for (const sql of statements) {
    const aliases = [...sql.matchAll(/"public"\."Article" AS "(\w+)"/g)].map((match) => match[1]);
    for (const match of sql.matchAll(/"(\w+)"\."(\w+)"/g)) {
      if (aliases.includes(match[1])) columns.add(match[2] as string);
    }
    for (const match of sql.matchAll(/"public"\."Article"\."(\w+)"/g)) columns.add(match[1] as string);
  }
  return columns;
}

function globalId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`).toString("base64");
}

function databaseId(globalID: string): string {
  return Buffer.from(globalID, "base64").toString("utf8").split(":")[1] as string;
}

describe("nodes(ids:)", () => {
  it("refuses more than 100 IDs with BAD_USER_INPUT, before any SQL", async () => {
    const ids = Array.from({ length: 5_000 }, () => globalId("Article", randomUUID()));
    const { result, statements } = await statementsOf(() =>
      gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids }),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toMatch(/at most 100 IDs/);
    expect(statements).toEqual([]);
  });

  it("answers each ID in order (null for unknown ones) with one SQL statement per type", async () => {
    const article = await ingestArticle();
    const { data } = await gql<{
      article: { actors: { nodes: { id: string }[] }; quotes: { nodes: { id: string }[] } };
    }>(
      `query($slug: String!) { article(slug: $slug) { actors(first: 2) { nodes { id } } quotes(first: 1) { nodes { id } } } }`,
      {
        slug: article.slug,
      },
    );
    const [first, second] = data?.article.actors.nodes.map((actor) => actor.id) ?? [];
    const quote = data?.article.quotes.nodes[0]?.id;
    const unknown = globalId("Actor", randomUUID());
    const ids = [first, article.id, second, unknown, quote, first];
    const { result, statements } = await statementsOf(() =>
      gql<{ nodes: ({ id: string } | null)[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toEqual([
      { id: first },
      { id: article.id },
      { id: second },
      null,
      { id: quote },
      { id: first },
    ]);
    expect(statements.length).toBeLessThanOrEqual(3); // Actor, Article, Quote
  });

  it("counts every ID in the query's complexity", async () => {
    const article = await ingestArticle();
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { actors(first: 100) { nodes { name } } } } }`;
    const one = await gql(query, { ids: [article.id] });
    expect(one.errors).toBeUndefined();
    const hundred = await gql(query, { ids: Array.from({ length: 100 }, () => article.id) });
    expect(hundred.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });
});

describe("an article nested under other objects", () => {
  let article = { id: "", slug: "" };
  beforeAll(async () => {
    article = await ingestArticle();
    // A 1 MB text and annotation: reading either where only a slug is asked costs a megabyte a row.
    const id = databaseId(article.id);
    const stored = await prisma.article.findUniqueOrThrow({ where: { id } });
    await prisma.article.update({
      where: { id },
      data: {
        text: `${stored.text}\n${"Weitere Meldungen folgen. ".repeat(40_000)}`,
        annotation: { ...(stored.annotation as object), padding: "x".repeat(1_000_000) },
      },
    });
  });

  it("loads only the columns asked for: never the text or annotation", async () => {
    const { result, statements } = await statementsOf(() =>
      gql<{
        article: {
          mentions: { article: { slug: string } }[];
          quotes: { nodes: { article: { slug: string; displayTitle: string } }[] };
          events: { nodes: { article: { slug: string } }[] };
          actors: { nodes: { mentions: { nodes: { article: { slug: string } }[] } }[] };
        };
      }>(
        `query($slug: String!) { article(slug: $slug) {
          mentions { article { slug } }
          quotes(first: 5) { nodes { article { slug displayTitle } } }
          events(first: 5) { nodes { article { slug } } }
          actors(first: 2) { nodes { mentions(first: 5) { nodes { article { slug } } }
            quotes(first: 5) { nodes { article { slug displayTitle } } } } }
        } }`,
        { slug: article.slug },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.article.mentions[0]?.article.slug).toBe(article.slug);
    expect(result.data?.article.quotes.nodes[0]?.article.displayTitle).toMatch(/^Bundeskanzler Olaf Scholz/);
    const columns = articleColumns(statements);
    expect(columns.has("slug")).toBe(true);
    expect(columns.has("text")).toBe(false);
    expect(columns.has("annotation")).toBe(false);
  });

  it("finds it by search and by node(id:) without loading the text", async () => {
    const { result, statements } = await statementsOf(() =>
      gql<{ search: { articles: { node: { slug: string } }[] }; node: { displayTitle: string } }>(
        `query($id: ID!) {
          search(query: "Meldungen folgen") { articles { node { slug displayTitle } } quotes { node { article { slug } } } }
          node(id: $id) { ... on Article { displayTitle } }
        }`,
        { id: article.id },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.search.articles.map((hit) => hit.node.slug)).toContain(article.slug);
    expect(result.data?.node.displayTitle).toMatch(/^Bundeskanzler Olaf Scholz/);
    const columns = articleColumns(statements.filter((sql) => !sql.includes("ts_headline")));
    expect(columns.has("text")).toBe(false);
    expect(columns.has("annotation")).toBe(false);
  });

  it("loads the text when it is asked for", async () => {
    const { result, statements } = await statementsOf(() =>
      gql<{ article: { text: string } }>(`query($slug: String!) { article(slug: $slug) { text } }`, {
        slug: article.slug,
      }),
    );
    expect(result.data?.article.text.length).toBeGreaterThan(1_000_000);
    expect(articleColumns(statements)).toContain("text");
  });
});

// A statement held up by a table lock runs until it is cancelled: no timing involved.
const SEARCH = `{ search(query: "Scholz") { quotes { snippet } } }`;
let locker: pg.Client;
let watcher: pg.Client;
let lockerPid = 0;
const onPGlite = await onEmbeddedDatabase();
if (onPGlite) {
  console.warn(
    "Skipping the timeout tests: PGlite (the embedded database) ignores statement_timeout and cancel requests, and runs one statement at a time.",
  );
}

async function lockQuotes(): Promise<void> {
  locker = new pg.Client({ connectionString });
  watcher = new pg.Client({ connectionString });
  await Promise.all([locker.connect(), watcher.connect()]);
  lockerPid = (await locker.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid ?? 0;
  await locker.query(`BEGIN; LOCK TABLE "Quote" IN ACCESS EXCLUSIVE MODE`);
}

async function unlockQuotes(): Promise<void> {
  await locker.query("ROLLBACK");
  await Promise.all([locker.end(), watcher.end()]);
}

/** Backends whose statement (the quote search) waits for the locked table. */
async function waitingSearches(): Promise<number[]> {
  // Outside the locker's transaction, which would see pg_stat_activity as it was at its start.
  const { rows } = await watcher.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
      WHERE state = 'active' AND query LIKE '%ts_headline%' AND $1 = ANY(pg_blocking_pids(pid))`,
    [lockerPid],
  );
  return rows.map((row) => row.pid);
}

/** Probes every 100 ms until `done`, for at most `seconds`. */
async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, seconds = 10): Promise<T> {
  for (let attempt = 0; attempt < seconds * 10; attempt++) {
    const value = await probe();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return probe();
}

/** Gone well before the statement timeout (10 s by default) would end it: it was cancelled. */
const cancelled = () => until(waitingSearches, (pids) => pids.length === 0, 3);

describe("requests that run too long", () => {
  it.skipIf(onPGlite)("cancel their SQL when the client goes away", async () => {
    await lockQuotes();
    try {
      const client = new AbortController();
      const response = Promise.resolve(
        app.fetch("http://localhost/graphql", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: SEARCH }),
          signal: client.signal,
        }),
      ).catch((error: unknown) => error);
      expect((await until(waitingSearches, (pids) => pids.length > 0)).length).toBeGreaterThan(0);
      client.abort();
      await response;
      // The lock is still held: only a cancel ends the statement.
      expect(await cancelled()).toEqual([]);
    } finally {
      await unlockQuotes();
    }
  });

  it.skipIf(onPGlite)("answer REQUEST_TIMEOUT (504) at the deadline and cancel their SQL", async () => {
    const yoga = createYoga({ schema, plugins: [requestDeadlinePlugin({ timeoutMs: 2_000 })] });
    await lockQuotes();
    try {
      const answer = Promise.resolve(
        yoga.fetch("http://localhost/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
          body: JSON.stringify({ query: SEARCH }),
        }),
      );
      expect((await until(waitingSearches, (pids) => pids.length > 0)).length).toBeGreaterThan(0);
      const response = await answer;
      expect(response.status).toBe(504);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe("REQUEST_TIMEOUT");
      expect(body.errors[0]?.message).toMatch(/longer than 2 s/);
      expect(await cancelled()).toEqual([]);
    } finally {
      await unlockQuotes();
    }
  });

  describe("under a statement timeout set from STATEMENT_TIMEOUT", () => {
    let server: ServerProcess | undefined;
    beforeAll(async () => {
      if (onPGlite) return;
      server = await startServerProcess({
        ...process.env,
        DATABASE_URL: connectionString,
        NEWSGRAPH_SEED: "false",
        STATEMENT_TIMEOUT: "300",
        REQUEST_TIMEOUT: "60000",
      });
    });
    afterAll(() => server?.kill());

    it.skipIf(onPGlite)("answer QUERY_TIMEOUT for a statement cut off by it", async () => {
      await lockQuotes();
      try {
        const response = await fetch(`${server?.base}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: SEARCH }),
        });
        const body = (await response.json()) as {
          errors?: { message: string; extensions: { code: string } }[];
        };
        expect(body.errors?.[0]?.extensions.code).toBe("QUERY_TIMEOUT");
        expect(body.errors?.[0]?.message).toMatch(/0\.3 s/);
      } finally {
        await unlockQuotes();
      }
    });
  });
});
