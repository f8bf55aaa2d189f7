import { connect, createServer, type Server, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "../server-process.ts";

// The server keeps running when its database goes away: requests say the database is
// unavailable (not "Unexpected error"), /readyz turns 503, and it recovers when the database is back.
const target = new URL(process.env.DATABASE_URL as string);
const sockets = new Set<Socket>();
let proxy: Server | undefined;
let server: ServerProcess | undefined;

function openProxy(port = 0): Promise<number> {
  return new Promise((resolve) => {
    proxy = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    proxy.listen(port, "127.0.0.1", () => {
      const address = proxy?.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

function closeProxy(): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
}

afterAll(async () => {
  server?.kill();
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

describe("when the database goes away", () => {
  it("answers clearly, reports not ready, and recovers", async () => {
    const port = await openProxy();
    const url = new URL(target);
    url.port = String(port);
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url.toString() };
    server = await startServerProcess(env);
    const { base } = server;

    expect((await post(base, "{ articles { totalCount } }")).body.errors).toBeUndefined();

    await closeProxy();
    const down = await post(base, "{ articles { totalCount } }");
    expect(down.body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
    expect(down.body.errors?.[0]?.message).toMatch(/database is unavailable/);
    expect(down.status).toBe(503);
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    await openProxy(port);
    const back = await post(base, "{ articles { totalCount } }");
    expect(back.body.errors).toBeUndefined();
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  }, 120_000);
});
