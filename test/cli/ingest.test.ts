import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "../../server/db.ts";
import { uniqueGermanArticle } from "../helpers.ts";

const root = new URL("../..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "newsgraph-cli-"));

function npmRun(args: string[], input?: string) {
  // The child talks to the same test database as this file (DATABASE_URL from the global setup).
  return spawnSync("npm", ["run", "--silent", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    env: process.env,
  });
}

describe("npm run ingest", () => {
  it("ingests files, tells what it did, and refuses bad ones without stopping", async () => {
    const good = join(work, "good.txt");
    const empty = join(work, "empty.txt");
    const text = uniqueGermanArticle();
    writeFileSync(good, text);
    writeFileSync(empty, "  \n");
    const run = npmRun(["ingest", "--", good, empty, "--language", "de", "--published-at", "2024-03-05"]);
    expect(run.stderr).toMatch(/1 created, 0 already stored, 1 refused/);
    expect(run.stderr).toMatch(/refused .*empty\.txt: The text is empty/);
    expect(run.status).toBe(1);
    const stored = await prisma.article.findFirst({ where: { text } });
    expect(stored?.publishedAt?.toISOString().slice(0, 10)).toBe("2024-03-05");
  });

  it("reads a Windows-1252 file as such and says so", async () => {
    const file = join(work, "latin1.txt");
    const text = `Der Bürgermeister von Köln sagte am Montag: „Wir öffnen die Brücke.“ ${uniqueGermanArticle()}`;
    writeFileSync(file, Buffer.from(text.replace(/[„“]/g, '"'), "latin1"));
    const run = npmRun(["ingest", "--", file, "--language", "de"]);
    expect(run.stderr).toMatch(/latin1\.txt is not UTF-8: read it as windows-1252/);
    expect(run.stderr).toMatch(/1 created/);
    const stored = await prisma.article.findFirst({
      where: { text: { startsWith: "Der Bürgermeister von Köln" } },
    });
    expect(stored?.text).toContain("öffnen die Brücke");
  });

  it("reads JSON lines from standard input", async () => {
    const texts = [uniqueGermanArticle(), uniqueGermanArticle()];
    const lines = [
      JSON.stringify({ id: "a", text: texts[0], language: "de" }),
      "not json",
      JSON.stringify({ id: "b", text: texts[1], title: "Zweiter Artikel" }),
    ].join("\n");
    const run = npmRun(["ingest", "--", "--jsonl"], lines);
    expect(run.stderr).toMatch(/2 created, 0 already stored, 1 refused/);
    expect(run.stderr).toMatch(/refused line 2: not JSON/);
    expect(await prisma.article.count({ where: { text: { in: texts } } })).toBe(2);
  });
});
