import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../server/db.ts";
import { ingestArticle } from "../../server/ingest/ingest.ts";
import { seedText } from "../helpers.ts";

const root = new URL("../..", import.meta.url).pathname;
let slug: string;

function npmExport(args: string[]) {
  // The child talks to the same test database as this file (DATABASE_URL from the global setup).
  return spawnSync("npm", ["run", "--silent", "export", "--", ...args], {
    cwd: root,
    encoding: "utf8",
    env: process.env,
  });
}

beforeAll(async () => {
  const result = await ingestArticle(prisma, { text: `${seedText}\n\nCLI ${randomUUID()}.`, language: "de" });
  slug = result.article?.slug as string;
});

afterAll(async () => {
  await prisma.article.deleteMany({ where: { slug } });
  await prisma.$disconnect();
});

describe("npm run export", () => {
  it("writes quotes as CSV to stdout with the filters of the HTTP export, and says what it did", {
    timeout: 240_000,
  }, () => {
    const run = npmExport(["quotes", "--format", "csv", "--article", slug]);
    expect(run.status).toBe(0);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((row) => row.article_slug === slug)).toBe(true);
    expect(run.stderr).toMatch(/Exported quotes \(\d+\.\d MB csv\) in \d+\.\d s\./);
  });

  // Each run starts a process that loads the code and opens the database: seconds on a busy machine.
  it("writes events as JSON Lines with a limit, and the network as GraphML", { timeout: 240_000 }, () => {
    const events = npmExport(["events", "--format", "jsonl", "--article", slug, "--limit", "2"]);
    expect(events.status).toBe(0);
    expect(
      events.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line).cameo),
    ).toHaveLength(2);
    const network = npmExport(["network", "--article", slug]);
    expect(network.stdout).toMatch(/^<\?xml[\s\S]*<graph id="actors" edgedefault="undirected">[\s\S]*<edge /);
  });

  it("refuses bad usage and bad filters with a message and exit 1", { timeout: 240_000 }, () => {
    const usage = npmExport(["network", "--format", "csv"]);
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/network exports as graphml, not csv/);
    const filter = npmExport(["quotes", "--publishedFrom", "yesterday"]);
    expect(filter.status).toBe(1);
    expect(filter.stderr).toMatch(/BAD_EXPORT_FILTER: publishedFrom=yesterday is not a date/);
  });
});
