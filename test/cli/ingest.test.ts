import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "../../server/db.ts";
import { uniqueGermanArticle } from "../helpers.ts";

const root = new URL("../..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "newsgraph-cli-"));

function npmRun(args: string[], input?: string, env: NodeJS.ProcessEnv = {}) {
  // The child talks to the same test database as this file (DATABASE_URL from the global setup).
  return spawnSync("npm", ["run", "--silent", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}

describe("npm run ingest", () => {
  it("ingests files, tells what it did, and refuses bad ones with a code without stopping", async () => {
    const good = join(work, "good.txt");
    const empty = join(work, "empty.txt");
    const text = uniqueGermanArticle();
    writeFileSync(good, text);
    writeFileSync(empty, "  \n");
    const run = npmRun(["ingest", "--", good, empty, "--language", "de", "--published-at", "2024-03-05"]);
    expect(run.stderr).toMatch(/refused .*empty\.txt: EMPTY_TEXT \(text\) The text is empty/);
    expect(run.stderr).toMatch(
      /2 documents: 1 created, 0 already stored, 1 refused \(EMPTY_TEXT 1\), 0 failed/,
    );
    // Every document was stored or refused with a code: the run itself went well.
    expect(run.status).toBe(0);
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

  it("reads JSON lines, refuses each bad one by id and code, and skips what is stored on a re-run", async () => {
    const texts = [uniqueGermanArticle(), uniqueGermanArticle(), uniqueGermanArticle()];
    const lines = [
      JSON.stringify({ id: "a", text: texts[0], language: "de" }),
      "not json",
      JSON.stringify({ id: "b", text: texts[1], title: "Zweiter Artikel" }),
      JSON.stringify({ id: "c", text: texts[2], title: "NUL\u0000im Titel" }),
      JSON.stringify({ id: "d", text: "\u200B\u200B", language: "de" }),
      JSON.stringify({ id: "e", text: 42 }),
      JSON.stringify({ id: "f", text: texts[2], publishedAt: "2023-10-14T25:99:00Z" }),
    ].join("\n");
    const run = npmRun(["ingest", "--", "--jsonl"], lines);
    expect(run.stderr).toMatch(/refused line 2: INVALID_LINE .*not JSON/);
    expect(run.stderr).toMatch(/refused c: INVALID_CHARACTERS \(title\)/);
    expect(run.stderr).toMatch(/refused d: NO_LETTERS \(text\)/);
    expect(run.stderr).toMatch(/refused e: INVALID_LINE .*text/);
    expect(run.stderr).toMatch(/refused f: INVALID_DATE \(publishedAt\)/);
    expect(run.stderr).toMatch(
      /7 documents: 2 created, 0 already stored, 5 refused \(INVALID_LINE 2, INVALID_CHARACTERS 1, NO_LETTERS 1, INVALID_DATE 1\), 0 failed/,
    );
    expect(run.status).toBe(0);
    expect(await prisma.article.count({ where: { text: { in: texts } } })).toBe(2);

    const again = npmRun(["ingest", "--", "--jsonl"], lines);
    expect(again.stderr).toMatch(/7 documents: 0 created, 2 already stored, 5 refused/);
    expect(again.status).toBe(0);
  });

  it("stops with one clear line and a non-zero exit when the database cannot be reached", () => {
    const file = join(work, "unreachable.txt");
    writeFileSync(file, uniqueGermanArticle());
    const run = npmRun(["ingest", "--", file], undefined, {
      DATABASE_URL: "postgresql://postgres@127.0.0.1:1/test_unreachable",
      DATABASE_START_RETRIES: "0",
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/database/i);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr.trim().split("\n").length).toBeLessThanOrEqual(3);
  });
});
