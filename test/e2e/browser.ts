import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { createApp } from "../../server/app.ts";

// Browser tests drive Debian's Chromium (`apt-get install chromium`): no browser download.
export const CHROMIUM = "/usr/bin/chromium";
export const OUTPUT_DIR = new URL("../../test-output/", import.meta.url).pathname;
const READER_INDEX = new URL("../../client/dist/index.html", import.meta.url);

/** True when the browser tests can run; prints why not, and refuses to skip under CI. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === "true") throw new Error(`${CHROMIUM} is missing, and CI must run the browser tests`);
  console.warn(`Skipping the browser tests: ${CHROMIUM} is not installed (apt-get install chromium).`);
  return false;
}

export type Reader = {
  base: string;
  context: BrowserContext;
  /** Requests that left localhost, which must never happen. */
  outside: string[];
  newPage: (options?: { width?: number; height?: number }) => Promise<Page>;
  stop: () => Promise<void>;
};

/** The whole app in this process on a free port (test database), and a fresh headless Chromium. */
export async function startReader(options: { apiToken?: string } = {}): Promise<Reader> {
  if (!existsSync(READER_INDEX)) {
    throw new Error("client/dist is missing: `npm install` builds the reader, or run `npm run build`.");
  }
  const server: Server = createServer(createApp({ apiToken: options.apiToken, production: false }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const profile = mkdtempSync(join(tmpdir(), "newsgraph-chromium-"));
  // A fresh profile each run: the persistent context is how Playwright takes a user data dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    viewport: { width: 1280, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
  const outside: string[] = [];
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return {
    base,
    context,
    outside,
    async newPage({ width = 1280, height = 900 } = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (
          !["127.0.0.1", "localhost"].includes(url.hostname) &&
          !["data:", "blob:"].includes(url.protocol)
        ) {
          outside.push(request.url());
        }
      });
      page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
      return page;
    },
    async stop() {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Accessibility problems axe-core rates serious or critical, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
    );
}

export function screenshotPath(name: string): string {
  return join(OUTPUT_DIR, `${name}.png`);
}
