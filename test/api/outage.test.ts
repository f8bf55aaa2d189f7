import { connect, createServer, type Server, type Socket } from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { onEmbeddedDatabase } from "../helpers.ts";
import { type ServerProcess, startServerProcess } from "../server-process.ts";

// The server keeps running when its database goes away: requests say the database is
// unavailable (not "Unexpected error"), /readyz turns 503 and names the cause, and it recovers
// when the database is back. The database "goes away" in a TCP proxy between the two, which
// can refuse connections, hold what the server sends, and cut its connections.
const target = new URL(process.env.DATABASE_URL as string);
const links = new Set<{ client: Socket; upstream: Socket; held: Buffer[] }>();
let holding = false;
/** While set, the proxy accepts connections and closes them at once, counting them. */
let refusing = false;
let refused = 0;
let proxy: Server | undefined;
let server: ServerProcess | undefined;

function openProxy(port = 0): Promise<number> {
  return new Promise((resolve) => {
    proxy = createServer((client) => {
      if (refusing) {
        refused += 1;
        client.destroy();
        return;
      }
      const upstream = connect(Number(target.port || 5432), target.hostname);
      const link = { client, upstream, held: [] as Buffer[] };
      links.add(link);
      for (const socket of [client, upstream]) {
        socket.on("close", () => links.delete(link));
        socket.on("error", () => socket.destroy());
      }
      upstream.pipe(client);
      client.on("data", (data: Buffer) => (holding ? link.held.push(data) : upstream.write(data)));
    });
    proxy.listen(port, "127.0.0.1", () => {
      const address = proxy?.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

function cutConnections(): void {
  for (const { client, upstream } of links) {
    client.destroy();
    upstream.destroy();
  }
}

/** Cuts every connection and refuses new ones. */
function closeProxy(): Promise<void> {
  cutConnections();
  return new Promise((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
}

/** Holds what the server sends from now on, until `release`. */
function hold(): void {
  holding = true;
}

function release(): void {
  holding = false;
  for (const link of links) for (const data of link.held.splice(0)) link.upstream.write(data);
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > timeoutMs) throw new Error(`Waited ${timeoutMs} ms in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const untilHeld = () =>
  until(() => [...links].some((link) => link.held.length), "a query to reach the proxy");

afterAll(async () => {
  server?.kill();
  release();
  await closeProxy();
});

async function post(base: string, query: string) {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    },
  };
}

function expectUnavailable(answer: Awaited<ReturnType<typeof post>>) {
  expect(answer.body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
  expect(answer.body.errors?.[0]?.message).toMatch(/database is unavailable/);
  expect(answer.status).toBe(503);
}

const COUNT = "{ articles { totalCount } }";

const onPGlite = await onEmbeddedDatabase();
if (onPGlite)
  console.warn("Skipping the 57P01 test: the embedded database has no server backends to terminate.");

describe("when the database goes away", () => {
  let base = "";
  let port = 0;

  it("starts while the database is down, retrying until it is up", async () => {
    refusing = true;
    port = await openProxy();
    const url = new URL(target);
    url.port = String(port);
    const starting = startServerProcess({ ...process.env, DATABASE_URL: url.toString() });
    // Two connections refused: the server has retried at least once.
    await until(() => refused >= 2, "the server to try the database twice", 60_000);
    refusing = false;
    server = await starting;
    base = server.base;
    expect(server.output()).toMatch(/Waiting for the database \(connection .+\): retry 1 of \d+/);
    expect((await post(base, COUNT)).body.errors).toBeUndefined();
  }, 120_000);

  it.skipIf(onPGlite)(
    "answers 503 to a query in flight when PostgreSQL terminates its connection (57P01)",
    async () => {
      expect((await post(base, COUNT)).body.errors).toBeUndefined();
      hold();
      try {
        const answer = post(base, COUNT);
        await untilHeld();
        // Only the connections behind our proxy, by their port, on our own database.
        const ports = [...links].map((link) => link.upstream.localPort);
        const admin = new pg.Client({ connectionString: target.toString() });
        await admin.connect();
        const { rowCount } = await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND client_port = ANY($1::int[])",
          [ports],
        );
        await admin.end();
        expect(rowCount).toBeGreaterThan(0);
        expectUnavailable(await answer);
      } finally {
        release();
      }
    },
  );

  it("answers 503 to a query in flight when its connection is cut", async () => {
    expect((await post(base, COUNT)).body.errors).toBeUndefined();
    hold();
    try {
      const answer = post(base, COUNT);
      await untilHeld();
      cutConnections();
      expectUnavailable(await answer);
    } finally {
      release();
    }
  });

  it("answers clearly while the database is down, reports why it is not ready, and recovers", async () => {
    await closeProxy();
    expectUnavailable(await post(base, COUNT));
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      status: "database unavailable",
      error: expect.stringContaining(`127.0.0.1:${port}`),
    });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    await openProxy(port);
    const back = await post(base, COUNT);
    expect(back.body.errors).toBeUndefined();
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  }, 60_000);
});
