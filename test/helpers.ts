import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import pg from "pg";
import { createApp } from "../server/app.ts";

export const SHARED_DIR = new URL("../../shared/", import.meta.url);

/** Reads a file from ../shared; null (and the test skips) when absent on a user's clone. */
export function sharedFile(path: string): string | null {
  const url = new URL(path, SHARED_DIR);
  if (existsSync(url)) return readFileSync(url, "utf8");
  if (process.env.CI === "true") throw new Error(`../shared/${path} is missing, and CI must run every test`);
  console.warn(`Skipping: ../shared/${path} is not here (it is beside the repository in CI only).`);
  return null;
}

export const seedText = readFileSync(
  new URL("../prisma/seed/nordkorea-russland-waffen.txt", import.meta.url),
  "utf8",
);

/** A German article no other test uses, so tests never see each other's data as duplicates. */
export function uniqueGermanArticle(extra = ""): string {
  const tag = randomUUID().slice(0, 8);
  return [
    `Bundeskanzler Olaf Scholz ist am Dienstag nach Paris gereist (Meldung ${tag}).`,
    "Dort traf er den französischen Präsidenten Emmanuel Macron.",
    "„Wir stehen fest an der Seite der Ukraine“, sagte Scholz nach dem Treffen.",
    `Macron sagte, Frankreich werde weitere Hilfe leisten. ${extra}`,
  ].join(" ");
}

type GraphQLResponse<T> = {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

export function createTestClient(options: { apiToken?: string } = {}) {
  const app = createApp({ apiToken: options.apiToken, production: false });
  return {
    app,
    async gql<T = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ): Promise<GraphQLResponse<T>> {
      const response = await app.fetch("http://localhost/graphql", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json",
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse<T>, "status">;
      return { status: response.status, ...body };
    },
  };
}

/**
 * True when the tests run on the embedded database (PGlite), which has one session: no backends
 * to terminate, no statement_timeout, no cancel requests. Tests of those skip there, saying why.
 */
export async function onEmbeddedDatabase(): Promise<boolean> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    return rows[0]?.version.includes("PGlite") ?? false;
  } finally {
    await client.end();
  }
}

/**
 * `npm test` runs twice in CI (on PostgreSQL, then on the embedded database). Tests that never
 * touch the database under test (they start their own servers or processes) run in the embedded
 * pass only: true there; elsewhere false, saying so.
 */
export async function inEmbeddedPass(what: string): Promise<boolean> {
  const embedded = await onEmbeddedDatabase();
  if (!embedded)
    console.warn(`Skipping ${what}: they run in the embedded pass (npm test without DATABASE_URL).`);
  return embedded;
}
