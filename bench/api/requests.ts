// What the benchmark asks, as the reader asks it: its persisted operations by hash over GET
// (client/persisted-operations.json), with variables drawn from the database. The reader lists
// events by participant only inside the actor page, so that request is a full query over POST
// (`events(filter: { participant })`), written as the reader writes its operations.

import { Agent, request as httpRequest } from "node:http";
import pg from "pg";
import { hashOf } from "../persisted-hashes.ts";

export const EVENTS_BY_PARTICIPANT_QUERY = `query EventsByParticipant($actor: ID!, $first: Int) {
  events(first: $first, filter: { participant: { actor: $actor } }) {
    totalCount
    nodes {
      id cameo cameoLabel summary modality confidence
      evidence { start end text __typename }
      time { start end precision direction span { text __typename } __typename }
      participants { role actor { id name kind __typename } __typename }
      attributedTo { id name __typename }
      place { id name __typename }
      article { id slug displayTitle __typename }
      __typename
    }
    __typename
  }
}`;

export type Fixtures = {
  slugs: string[];
  /** Actor global IDs, any actor. */
  actors: string[];
  /** The actors the reader's filter offers (most mentioned). */
  filterActors: string[];
  /** Actors that take part in events. */
  participants: string[];
  /** Surnames of much-mentioned people. */
  names: string[];
};

export type Operation = { operationName: string; variables: Record<string, unknown>; method: "GET" | "POST" };

export type RequestKind = {
  key: string;
  label: string;
  /** The request for the n-th draw of a run (the same n gives the same request). */
  make: (fixtures: Fixtures, pick: <T>(items: readonly T[]) => T) => Operation;
};

const get = (operationName: string, variables: Record<string, unknown>): Operation => ({
  operationName,
  variables,
  method: "GET",
});

export const REQUEST_KINDS: RequestKind[] = [
  {
    key: "article",
    label: "article page (`Article`)",
    make: (f, pick) => get("Article", { slug: pick(f.slugs) }),
  },
  { key: "front", label: "front page (`ArticleList`, 20)", make: () => get("ArticleList", { first: 20 }) },
  {
    key: "front-actor",
    label: "front page filtered by actor",
    make: (f, pick) => get("ArticleList", { first: 20, filter: { actor: pick(f.filterActors) } }),
  },
  { key: "filter-actors", label: "actor filter list (`FilterActors`)", make: () => get("FilterActors", {}) },
  {
    key: "search-word",
    label: 'search "Regierung" (`Search`)',
    make: () => get("Search", { query: "Regierung" }),
  },
  {
    key: "search-name",
    label: "search a name (`Search`)",
    make: (f, pick) => get("Search", { query: pick(f.names) }),
  },
  {
    key: "actor",
    label: "actor page (`ActorPage`)",
    make: (f, pick) => get("ActorPage", { id: pick(f.actors) }),
  },
  {
    key: "events-participant",
    label: "events by participant (POST query)",
    make: (f, pick) => ({
      operationName: "EventsByParticipant",
      variables: { actor: pick(f.participants), first: 20 },
      method: "POST",
    }),
  },
];

const FIXTURE_COUNT = 200;
const globalIds = (type: string, rows: { id: string }[]) =>
  rows.map((row) => Buffer.from(`${type}:${row.id}`).toString("base64"));

/**
 * Variables from the database, in an order fixed by content (slugs and identity keys come from
 * the texts, not from random ids), so that every run draws the same ones.
 */
export async function loadFixtures(url: URL): Promise<Fixtures> {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const rows = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows;
    const slugs = await rows<{ slug: string }>(
      `SELECT "slug" FROM "Article" ORDER BY md5("slug") LIMIT ${FIXTURE_COUNT}`,
    );
    const actors = await rows<{ id: string }>(
      `SELECT id FROM "Actor" ORDER BY md5("identityKey") LIMIT ${FIXTURE_COUNT}`,
    );
    const filterActors = await rows<{ id: string }>(
      `SELECT ac.id FROM "Actor" ac JOIN (SELECT "actorId", count(*) AS n FROM "Mention" GROUP BY 1) m
         ON m."actorId" = ac.id ORDER BY m.n DESC, ac."name", ac.id LIMIT 100`,
    );
    const participants = await rows<{ id: string }>(
      `SELECT ac.id FROM "Actor" ac WHERE EXISTS (SELECT 1 FROM "EventParticipant" p WHERE p."actorId" = ac.id)
        ORDER BY md5(ac."identityKey") LIMIT ${FIXTURE_COUNT}`,
    );
    const names = await rows<{ surname: string }>(
      `SELECT surname FROM (
         SELECT regexp_replace(ac."name", '^.* ', '') AS surname, sum(m.n) AS n FROM "Actor" ac
           JOIN (SELECT "actorId", count(*) AS n FROM "Mention" GROUP BY 1) m ON m."actorId" = ac.id
          WHERE ac."kind" = 'PERSON' AND ac."name" LIKE '% %' GROUP BY 1) people
        ORDER BY n DESC, surname LIMIT 20`,
    );
    const fixtures = {
      slugs: slugs.map((row) => row.slug),
      actors: globalIds("Actor", actors),
      filterActors: globalIds("Actor", filterActors),
      participants: globalIds("Actor", participants),
      names: names.map((row) => row.surname),
    };
    for (const [name, values] of Object.entries(fixtures))
      if (!values.length) throw new Error(`The corpus gives no ${name} to ask for`);
    return fixtures;
  } finally {
    await client.end();
  }
}

/** A small fast PRNG (mulberry32): the same seed draws the same requests. */
export function seededPick(seed: number): <T>(items: readonly T[]) => T {
  let state = seed >>> 0;
  return <T>(items: readonly T[]) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const random = ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    return items[Math.floor(random * items.length)] as T;
  };
}

export type Answer = { status: number; body: string };

const REQUEST_TIMEOUT_MS = 60_000;

/** Sends operations to one server over kept-alive connections (at most `connections` at once). */
export function createSender(base: string, connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(base);
  const send = (operation: Operation): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const { operationName, variables, method } = operation;
      const body =
        method === "POST"
          ? JSON.stringify({ operationName, variables, query: EVENTS_BY_PARTICIPANT_QUERY })
          : undefined;
      const params = new URLSearchParams({ operationName, variables: JSON.stringify(variables) });
      if (method === "GET")
        params.set(
          "extensions",
          JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf(operationName) } }),
        );
      const outgoing = httpRequest(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method,
          path: method === "GET" ? `/graphql?${params}` : "/graphql",
          headers: {
            accept: "application/graphql-response+json",
            ...(body
              ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) }
              : {}),
          },
          timeout: REQUEST_TIMEOUT_MS,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
          );
          response.on("error", reject);
        },
      );
      outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
      outgoing.on("error", reject);
      outgoing.end(body);
    });
  return { send, close: () => agent.destroy() };
}
