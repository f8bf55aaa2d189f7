// `npm run bench:reader`: builds the reader, then measures
//   1. the first page's JavaScript and CSS, gzipped (what index.html loads before any route runs);
//   2. the time from navigation start to the seed article's text with its marks on screen, in
//      Chromium on localhost, cold (fresh browser context, empty cache) and warm (reload).
// Needs /usr/bin/chromium. Runs `npm start` on a fresh embedded database in a temporary folder.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { startServerProcess } from "../test/server-process.ts";

const root = new URL("..", import.meta.url).pathname;
const dist = join(root, "client/dist");
const RUNS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function firstPageAssets(): { file: string; raw: number; gzip: number }[] {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (match) => match[1] as string,
  );
  return [...new Set(files)].map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

function startServer(dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, NEWSGRAPH_DATA_DIR: dataDir, NEWSGRAPH_SEED: "true" };
  delete env.DATABASE_URL;
  return startServerProcess(env);
}

console.log("Building the reader…");
execFileSync("npx", ["vite", "build", "client", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
const assets = firstPageAssets();
const kB = (bytes: number) => (bytes / 1000).toFixed(1);
console.log("\nFirst page (index.html's scripts and styles):");
for (const asset of assets)
  console.log(`  ${asset.file}  ${kB(asset.raw)} kB raw, ${kB(asset.gzip)} kB gzip`);
const totalGzip = assets.reduce((sum, asset) => sum + asset.gzip, 0);
console.log(`  total: ${kB(totalGzip)} kB gzip (target ≤ 120 kB)`);

const dataDir = mkdtempSync(join(tmpdir(), "newsgraph-bench-"));
const server = await startServer(dataDir);
const { base } = server;
try {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ articles(first: 1) { nodes { slug mentions { start } } } }" }),
  });
  const body = (await response.json()) as {
    data: { articles: { nodes: { slug: string; mentions: unknown[] }[] } };
  };
  const seed = body.data.articles.nodes[0];
  if (!seed) throw new Error("The seed article is missing");
  const url = `${base}/articles/${encodeURIComponent(seed.slug)}`;

  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--no-first-run",
    ],
  });
  // Records when the first frame with the article's marks is drawn, counted from navigation start.
  const probe = () => {
    const watch = new MutationObserver(() => {
      if (!document.querySelector("[data-testid=article-text] mark.mention")) return;
      watch.disconnect();
      requestAnimationFrame(() => {
        (window as unknown as { renderedAt: number }).renderedAt = performance.now();
      });
    });
    watch.observe(document, { childList: true, subtree: true });
  };
  const measure = async (page: import("playwright-core").Page) => {
    await page.waitForFunction(() => (window as unknown as { renderedAt?: number }).renderedAt !== undefined);
    return page.evaluate(() => (window as unknown as { renderedAt: number }).renderedAt);
  };
  const cold: number[] = [];
  const warm: number[] = [];
  // One unmeasured run lets the server and the database warm up.
  for (let run = 0; run <= RUNS; run++) {
    const context = await browser.newContext();
    await context.addInitScript(probe);
    const page = await context.newPage();
    await page.goto(url);
    const first = await measure(page);
    await page.reload();
    const second = await measure(page);
    if (run > 0) {
      cold.push(first);
      warm.push(second);
    }
    await context.close();
  }
  await browser.close();
  const line = (name: string, values: number[]) =>
    `  ${name}: median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;
  console.log(
    `\nTime to the rendered seed article (${seed.mentions.length} marks), ${RUNS} runs, target < 500 ms:`,
  );
  console.log(line("cold (empty cache)", cold));
  console.log(line("warm (reload)     ", warm));
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
