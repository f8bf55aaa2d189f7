import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runExtract } from "../../server/cli-extract.ts";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe("extract CLI", () => {
  it("prints one pretty document for a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsgraph-extract-"));
    const file = join(dir, "article.txt");
    writeFileSync(file, "Olaf Scholz sagte am Montag in Berlin, er habe nichts gewusst.");
    const { out } = capture();
    const code = await runExtract([
      file,
      "--language",
      "de",
      "--published-at",
      "2024-03-08",
      "--title",
      "Titel",
    ]);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    const doc = JSON.parse(out.join(""));
    expect(doc).toMatchObject({ language: "de", publishedAt: "2024-03-08", title: "Titel" });
    expect(out.join("")).toContain('\n  "language"');
  });

  it("fails with a clear message for a missing file", async () => {
    const { out, err } = capture();
    const code = await runExtract(["/nonexistent/article.txt"]);
    vi.restoreAllMocks();
    expect(code).toBe(1);
    expect(out.join("")).toBe("");
    expect(err.join("")).toContain("no such file");
  });

  it("processes JSON lines in order and reports bad lines without stopping", async () => {
    const lines = [
      JSON.stringify({
        id: "a",
        text: "Olaf Scholz traf Emmanuel Macron in Paris.",
        publishedAt: "2024-03-08",
      }),
      "this is not json",
      JSON.stringify({ id: "b", text: "   " }),
      JSON.stringify({ text: "Hallo", publishedAt: "08.03.2024" }),
      JSON.stringify({
        id: "c",
        text: "Joe Biden said on Monday that talks would continue.",
        language: "en",
      }),
    ].join("\n");
    vi.spyOn(process, "stdin", "get").mockReturnValue(
      Readable.from([`${lines}\n`]) as unknown as typeof process.stdin,
    );
    const { out, err } = capture();
    const code = await runExtract(["--jsonl"]);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    const results = out
      .join("")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(results).toHaveLength(5);
    expect(results[0]).toMatchObject({ id: "a", language: "de" });
    expect(results[1]).toMatchObject({ line: 2 });
    expect(results[1].error).toMatch(/not valid JSON/u);
    expect(results[2]).toMatchObject({ id: "b" });
    expect(results[2].error).toMatch(/empty/u);
    expect(results[3]).toMatchObject({ line: 4 });
    expect(results[3].error).toMatch(/YYYY-MM-DD/u);
    expect(results[4]).toMatchObject({ id: "c", language: "en" });
    expect(err.join("")).toContain("5 lines");
  });
});
