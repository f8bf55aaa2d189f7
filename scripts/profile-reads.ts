// Quick read profile of the reader's requests on an existing database (a profiling aid, not the
// benchmark: `npm run bench:api` is that). Two modes:
//   DATABASE_URL=… npx tsx scripts/profile-reads.ts count [--sql] [--explain] [--only "front page,search"]
//       runs each request in-process and prints the SQL statements it sent (--sql: their text,
//       --explain: EXPLAIN (ANALYZE, BUFFERS) of each with the values it was sent with)
//   DATABASE_URL=… npx tsx scripts/profile-reads.ts load --url http://127.0.0.1:PORT [--seconds 10]
//       [--connections 10] [--pid PID]: latency p50/p99 and req/s per request kind against a
//       running server (GET, persisted operations by hash), RSS of PID after each kind
// Requests: article page, front page, front page filtered by a much-mentioned actor, search,
// actor page, events by participant, the actor filter list.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parse } from "graphql";
import pg from "pg";

const { positionals, values: options } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: "string" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    pid: { type: "string" },
    only: { type: "string" },
    sql: { type: "boolean", default: false },
    explain: { type: "boolean", default: false },
  },
});

const manifest = JSON.parse(
  readFileSync(new URL("../client/persisted-operations.json", import.meta.url), "utf8"),
) as Record<string, string>;
function hashOf(name: string): string {
  for (const [id, document] of Object.entries(manifest)) {
    const named = parse(document).definitions.some(
      (definition) => definition.kind === "OperationDefinition" && definition.name?.value === name,
    );
    if (named) return id.replace(/^sha256:/, "");
  }
  throw new Error(`${name} is not a persisted operation`);
}

const EVENTS_BY_PARTICIPANT = `query EventsByParticipant($actor: ID!) {
  events(first: 20, filter: { participant: { actor: $actor } }) {
    totalCount
    nodes { id cameo summary modality time { start end precision } participants { role actor { id name } } article { id slug } }
  }
}`;

type Request = {
  name: string;
  operation: string;
  variables: () => Record<string, unknown>;
  document?: string;
};

async function sampleRequests(): Promise<Request[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const slugs = (
    await client.query<{ slug: string }>(`SELECT slug FROM "Article" ORDER BY random() LIMIT 200`)
  ).rows.map((row) => row.slug);
  // The actor most articles mention (a country, typically): the largest filter and actor page.
  const [top] = (
    await client.query<{ id: string }>(
      `SELECT "actorId"::text AS id FROM "ArticleActor" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    )
  ).rows;
  await client.end();
  const actor = Buffer.from(`Actor:${top?.id}`).toString("base64");
  let next = 0;
  const words = ["Regierung", "Polizei", "Bundeskanzler", "Krieg", "sagte", "Wahl", "Merkel", "Deutschland"];
  return [
    { name: "article page", operation: "Article", variables: () => ({ slug: slugs[next++ % slugs.length] }) },
    { name: "front page", operation: "ArticleList", variables: () => ({ first: 20 }) },
    {
      name: "front page by actor",
      operation: "ArticleList",
      variables: () => ({ first: 20, filter: { actor } }),
    },
    { name: "search", operation: "Search", variables: () => ({ query: words[next++ % words.length] }) },
    { name: "actor page", operation: "ActorPage", variables: () => ({ id: actor }) },
    {
      name: "events by participant",
      operation: "EventsByParticipant",
      document: EVENTS_BY_PARTICIPANT,
      variables: () => ({ actor }),
    },
    { name: "actor filter list", operation: "FilterActors", variables: () => ({}) },
  ].filter((request) => !options.only || options.only.split(",").includes(request.name));
}

function requestUrl(base: string, request: Request): string {
  const variables = JSON.stringify(request.variables());
  if (request.document) {
    return `${base}/graphql?${new URLSearchParams({ query: request.document, variables })}`;
  }
  const extensions = JSON.stringify({
    persistedQuery: { version: 1, sha256Hash: hashOf(request.operation) },
  });
  return `${base}/graphql?${new URLSearchParams({ operationName: request.operation, variables, extensions })}`;
}

/** True when the request was answered with data and no errors. */
async function fetchOk(url: string): Promise<boolean> {
  const response = await fetch(url, { headers: { accept: "application/graphql-response+json" } });
  const body = (await response.json().catch(() => ({ errors: ["not JSON"] }))) as { errors?: unknown[] };
  return response.status === 200 && !body.errors;
}

function rssMb(pid: string | undefined): string {
  if (!pid) return "";
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return `${Math.round(kb / 1024)} MB`;
}

async function load(base: string): Promise<void> {
  const seconds = Number(options.seconds);
  const connections = Number(options.connections);
  console.log(`kind | p50 ms | p99 ms | req/s | failed | RSS after`);
  for (const request of await sampleRequests()) {
    for (let i = 0; i < 3; i++) await fetchOk(requestUrl(base, request));
    const latencies: number[] = [];
    let failed = 0;
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) {
          const started = performance.now();
          if (!(await fetchOk(requestUrl(base, request)))) failed += 1;
          latencies.push(performance.now() - started);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(1);
    console.log(
      `${request.name} | ${at(0.5)} | ${at(0.99)} | ${(latencies.length / seconds).toFixed(1)} | ${failed} | ${rssMb(options.pid)}`,
    );
  }
}

async function count(): Promise<void> {
  // Records each statement with its values, below db.ts's own counting hook.
  const sent: { text: string; values: unknown[] }[] = [];
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    if (typeof config === "string") sent.push({ text: config, values: Array.isArray(values) ? values : [] });
    else if (config && typeof config === "object" && "text" in config)
      sent.push({ text: config.text, values: config.values ?? [] });
    return query.apply(this, args);
  } as never;
  const explainer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await explainer.connect();
  const { createApp } = await import("../server/app.ts");
  const { onSqlStatement, closeDatabase } = await import("../server/db.ts");
  const app = createApp({ production: true, apiToken: undefined });
  for (const request of await sampleRequests()) {
    const url = requestUrl("http://localhost", request);
    const send = async () => {
      const response = await app.fetch(url, { headers: { accept: "application/graphql-response+json" } });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    await send();
    sent.length = 0;
    const statements: string[] = [];
    const stop = onSqlStatement((sql) => statements.push(sql));
    const started = performance.now();
    await send();
    const ms = performance.now() - started;
    stop();
    console.log(`${request.name}: ${statements.length} statement(s), ${ms.toFixed(1)} ms alone`);
    if (options.sql) for (const sql of statements) console.log(`  ${sql.replace(/\s+/g, " ")}\n`);
    if (options.explain) {
      for (const { text, values } of sent.splice(0)) {
        const plan = await query.call(explainer, `EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
        const lines = (plan as pg.QueryResult<{ "QUERY PLAN": string }>).rows.map((row) => row["QUERY PLAN"]);
        console.log(`  ${text.replace(/\s+/g, " ").slice(0, 160)}…\n    ${lines.join("\n    ")}\n`);
      }
    }
  }
  await explainer.end();
  await closeDatabase();
}

if (positionals[0] === "load") {
  if (!options.url) throw new Error("load needs --url");
  await load(options.url);
} else await count();
