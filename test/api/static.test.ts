import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createStaticHandler } from "../../server/static.ts";

const folder = mkdtempSync(join(tmpdir(), "newsgraph-static-"));
mkdirSync(join(folder, "assets"));
writeFileSync(join(folder, "index.html"), "<!doctype html><title>reader</title>");
writeFileSync(join(folder, "assets", "app-123.js"), "console.log(1)");
writeFileSync(join(folder, "..", "secret.txt"), "not for you");

describe("the reader's file server", () => {
  for (const root of [folder, `${folder}/`]) {
    const serve = createStaticHandler(root);
    it(`serves files, pages and refuses escapes (root ${root.endsWith("/") ? "with" : "without"} slash)`, async () => {
      const asset = await serve("/assets/app-123.js");
      expect(asset?.status).toBe(200);
      expect(asset?.headers.get("content-type")).toContain("javascript");
      expect(asset?.headers.get("cache-control")).toContain("immutable");
      expect(await (await serve("/articles/some-slug"))?.text()).toContain("<title>reader</title>");
      expect((await serve("/missing.js"))?.status).toBe(404);
      expect((await serve("/../secret.txt"))?.status).toBe(404);
      expect((await serve("/%2e%2e/secret.txt"))?.status).toBe(404);
      expect((await serve("/%E0%A4%A"))?.status).toBe(400);
    });
  }
});
