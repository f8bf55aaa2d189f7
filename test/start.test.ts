import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// `npm start` as a user runs it on a fresh machine: no DATABASE_URL, so the embedded
// PostgreSQL under a data folder, seeded on first start and kept across restarts.
const root = new URL("..", import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), "newsgraph-start-"));
const running: ChildProcess[] = [];

function startServer(): Promise<{
  base: string;
  seconds: number;
  child: ChildProcess;
  output: () => string;
}> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", NEWSGRAPH_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.NEWSGRAPH_SEED;
  const child = spawn("npm", ["start"], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready in ([\d.]+) s/.exec(output);
      const url = /GraphQL\s+(http:\/\/[^/\s]+)\/graphql/.exec(output);
      if (ready && url)
        resolve({ base: url[1] as string, seconds: Number(ready[1]), child, output: () => output });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.on("exit", () => resolve());
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  });
}

afterAll(async () => {
  for (const child of running) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function articleCount(base: string): Promise<{ total: number; quotes: number; speakers: number }> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: "{ articles { totalCount nodes { quotes(first: 50) { nodes { speaker { name } } } } } }",
    }),
  });
  const body = (await response.json()) as {
    data: {
      articles: {
        totalCount: number;
        nodes: { quotes: { nodes: { speaker: { name: string } | null }[] } }[];
      };
    };
  };
  const quotes = body.data.articles.nodes.flatMap((article) => article.quotes.nodes);
  return {
    total: body.data.articles.totalCount,
    quotes: quotes.length,
    speakers: quotes.filter((q) => q.speaker).length,
  };
}

describe("npm start without DATABASE_URL", () => {
  it("serves the seed article on the embedded database, and keeps it across a restart", async () => {
    const first = await startServer();
    console.log(`fresh start: ready in ${first.seconds} s`);
    expect((await fetch(`${first.base}/healthz`)).status).toBe(200);
    expect((await fetch(`${first.base}/readyz`)).status).toBe(200);
    const seeded = await articleCount(first.base);
    expect(seeded.total).toBe(1);
    expect(seeded.speakers).toBeGreaterThanOrEqual(2);
    const page = await fetch(`${first.base}/`);
    expect(await page.text()).toContain("newsgraph");
    const playground = await fetch(`${first.base}/graphql`, { headers: { accept: "text/html" } });
    expect(await playground.text()).toContain("newsgraph playground");
    await stopServer(first.child);

    const second = await startServer();
    console.log(`warm start: ready in ${second.seconds} s`);
    expect(second.output()).not.toContain("Ingested");
    expect((await articleCount(second.base)).total).toBe(1);
    await stopServer(second.child);
  }, 180_000);
});

describe("npm start with an unreachable DATABASE_URL", () => {
  it("stops with a message that says what to do", async () => {
    const env = { ...process.env, PORT: "0", DATABASE_URL: "postgresql://postgres@127.0.0.1:9/none" };
    const child = spawn("npm", ["start"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).not.toBe(0);
    expect(output).toMatch(/Cannot prepare the database/);
    expect(output).toMatch(/unset DATABASE_URL/);
  }, 60_000);
});
