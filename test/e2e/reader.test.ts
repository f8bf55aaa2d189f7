import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedText, uniqueGermanArticle } from "../helpers.ts";
import { browserAvailable, type Reader, screenshotPath, seriousViolations, startReader } from "./browser.ts";

type Span = { start: number; end: number };
type SeedArticle = {
  slug: string;
  mentions: (Span & { actor: { id: string; name: string } })[];
  quotes: { nodes: { id: string; speaker: { id: string; name: string } | null }[] };
  events: { nodes: { id: string; evidence: Span }[] };
};

/** The reader draws one <mark> per mention that does not overlap an earlier (or longer) one. */
function renderableCount(mentions: readonly Span[]): number {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  let count = 0;
  let end = -1;
  for (const mention of sorted) {
    if (mention.start >= end) {
      count += 1;
      end = mention.end;
    }
  }
  return count;
}

const enabled = browserAvailable();

describe.runIf(enabled)("the reader in Chromium", () => {
  let reader: Reader;
  let seed: SeedArticle;
  let page: Page;

  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${reader.base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  beforeAll(async () => {
    reader = await startReader();
    const ingested = await gql<{ ingestArticle: { article: { slug: string } } }>(
      `mutation($text: String!) { ingestArticle(input: { text: $text, language: "de", publishedAt: "2023-10-14" }) {
        article { slug } } }`,
      { text: seedText },
    );
    const data = await gql<{ article: SeedArticle }>(
      `query($slug: String!) { article(slug: $slug) { slug
        mentions { start end actor { id name } }
        quotes(first: 100) { nodes { id speaker { id name } } }
        events(first: 100) { nodes { id evidence { start end } } } } }`,
      { slug: ingested.ingestArticle.article.slug },
    );
    seed = data.article;
    page = await reader.newPage();
  });

  afterAll(async () => {
    await reader?.stop();
  });

  const seedUrl = (query = "") => `${reader.base}/articles/${encodeURIComponent(seed.slug)}${query}`;

  it("lists the seed article on the front page", async () => {
    await page.goto(`${reader.base}/`);
    const link = page.locator(`a[href="/articles/${seed.slug}"]`);
    await link.waitFor();
    await expect(page.locator(".article-item").first().textContent()).resolves.toMatch(
      /\d+ actors? · \d+ quotes? · \d+ events?/,
    );
    await page.screenshot({ path: screenshotPath("front-page"), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("searches with highlighted snippets, and filters by language", async () => {
    await page.goto(`${reader.base}/`);
    await page.getByLabel("Search articles, actors and quotes").fill("Waffen");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.locator(".search-results mark.hit").first().waitFor();
    await page.getByRole("button", { name: "Clear" }).click();
    const link = page.locator(`a[href="/articles/${seed.slug}"]`);
    await link.waitFor();
    await page.getByLabel("Language").selectOption("en");
    await expect.poll(() => link.count()).toBe(0);
    await page.getByLabel("Language").selectOption("de");
    await expect.poll(() => link.count()).toBe(1);
  });

  it("marks every mention the API gives for the seed article", async () => {
    await page.goto(seedUrl());
    await page.locator("mark.mention").first().waitFor();
    expect(seed.mentions.length).toBeGreaterThan(20);
    // The seed's mentions do not overlap, so every one of them is a mark.
    expect(renderableCount(seed.mentions)).toBe(seed.mentions.length);
    expect(await page.locator("mark.mention").count()).toBe(renderableCount(seed.mentions));
    await expect(page.locator(".comments").textContent()).resolves.toContain("not part of the article");
    await page.screenshot({ path: screenshotPath("seed-article"), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("focuses an actor: its mentions stay lit, the others dim, the panel lists it", async () => {
    await page.goto(seedUrl());
    const putin = seed.mentions.find((mention) => mention.actor.name.includes("Putin"));
    expect(putin).toBeDefined();
    const id = putin?.actor.id as string;
    await page.locator(`mark.mention[data-actor="${id}"] button`).first().click();
    await page.waitForURL((url) => url.searchParams.get("actor") === id);
    const own = seed.mentions.filter((mention) => mention.actor.id === id).length;
    // The URL changes before React repaints: poll the counts instead of reading them once.
    await expect.poll(() => page.locator("mark.mention.lit").count()).toBe(own);
    await expect.poll(() => page.locator("mark.mention.dim").count()).toBe(seed.mentions.length - own);
    await expect(page.getByTestId("actor-panel").textContent()).resolves.toContain(putin?.actor.name);
  });

  it("opens a quote's speaker card", async () => {
    await page.goto(seedUrl());
    const quote = seed.quotes.nodes.find((candidate) => candidate.speaker);
    expect(quote).toBeDefined();
    await page.locator(`button.speaker-chip[data-quote="${quote?.id}"]`).click();
    const card = page.getByRole("dialog");
    await card.waitFor();
    await expect(card.locator("h2").textContent()).resolves.toBe(quote?.speaker?.name);
    await page.keyboard.press("Escape");
    await card.waitFor({ state: "detached" });
  });

  it("shows a card on hover over a mention", async () => {
    await page.goto(seedUrl());
    const mention = page.locator("mark.mention button").first();
    await mention.hover();
    await expect(page.getByTestId("actor-card").locator("h2").textContent()).resolves.toBe(
      seed.mentions[0]?.actor.name,
    );
  });

  it("follows deep links to an actor, a quote and an event", async () => {
    const actor = seed.mentions[0]?.actor.id as string;
    await page.goto(seedUrl(`?actor=${encodeURIComponent(actor)}`));
    await page.locator("mark.mention.lit").first().waitFor();
    await page.getByTestId("actor-panel").waitFor();

    const quote = seed.quotes.nodes.at(-1)?.id as string;
    await page.goto(seedUrl(`?quote=${encodeURIComponent(quote)}`));
    await page.locator(".quote-target").first().waitFor();
    expect(await page.locator(`[id="quote-${quote}"]`).count()).toBe(1);
    expect(await page.locator(".quote-target").first().evaluate(inViewport)).toBe(true);

    const event = seed.events.nodes.at(-1)?.id as string;
    await page.goto(seedUrl(`?event=${encodeURIComponent(event)}`));
    await page.locator(".evidence").first().waitFor();
    expect(await page.locator(".evidence").first().evaluate(inViewport)).toBe(true);
    await expect(
      page.locator(`.event-row[data-event="${event}"]`).getAttribute("aria-pressed"),
    ).resolves.toBe("true");
  });

  it("draws the timeline and the network, and a click on an event lights its evidence", async () => {
    await page.goto(seedUrl());
    const rows = page.getByTestId("timeline").locator(".event-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(seed.events.nodes.length);
    expect(await page.locator(".timeline-track rect, .timeline-track circle").count()).toBeGreaterThan(0);
    await rows.first().click();
    await page.locator(".evidence").first().waitFor();
    const network = page.getByTestId("network");
    await network.locator("canvas").first().waitFor();
    await expect(network.getAttribute("data-nodes")).resolves.toMatch(/^[1-9]\d*$/);
  });

  it("is usable 360 px wide", async () => {
    const narrow = await reader.newPage({ width: 360, height: 740 });
    await narrow.goto(seedUrl());
    await narrow.locator("mark.mention").first().waitFor();
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await narrow.screenshot({ path: screenshotPath("seed-article-360"), fullPage: true });
    await narrow.close();
  });

  it("ingests a new article through the page, with errors next to their field", async () => {
    await page.goto(`${reader.base}/ingest`);
    // The page also holds the batch form, with fields of the same names.
    const add = page.getByRole("button", { name: "Add the article", exact: true });
    const form = page.locator("form").filter({ has: add });
    await add.click();
    // The error renders after the click's round trip: wait for the field to be marked before reading its link.
    const textField = form.getByLabel("Text");
    await form.locator('textarea[aria-invalid="true"]').waitFor();
    const textError = page.locator(`#${await textField.getAttribute("aria-describedby")}`);
    await expect(textError.textContent()).resolves.toMatch(/empty/i);
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByLabel("Text").fill(uniqueGermanArticle());
    await form.getByLabel("Title (optional)").fill("Scholz in Paris");
    await form.getByLabel("Published on (optional)").fill("2024-03-05");
    await form.getByLabel("Language").selectOption("de");
    await add.click();
    await page.waitForURL(/\/articles\//);
    await expect(page.locator("h1").textContent()).resolves.toBe("Scholz in Paris");
    expect(await page.locator("mark.mention").count()).toBeGreaterThan(3);
  });

  it("sends its operations by id only, and the article's query once (the prefetched answer is used)", async () => {
    const sent: { operationName: unknown; query: unknown; hash: unknown }[] = [];
    const fresh = await reader.newPage();
    fresh.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname !== "/graphql") return;
      const params: Record<string, unknown> =
        request.method() === "GET"
          ? {
              ...Object.fromEntries(url.searchParams),
              extensions: JSON.parse(url.searchParams.get("extensions") ?? "null"),
            }
          : request.postDataJSON();
      const extensions = params.extensions as { persistedQuery?: { sha256Hash?: string } } | null;
      sent.push({
        operationName: params.operationName,
        query: params.query,
        hash: extensions?.persistedQuery?.sha256Hash,
      });
    });
    await fresh.goto(seedUrl());
    await fresh.locator("mark.mention").first().waitFor();
    await fresh.close();
    expect(sent.filter((request) => request.operationName === "Article")).toHaveLength(1);
    for (const request of sent) {
      expect(request.query).toBeUndefined();
      expect(request.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("loads the playground, offline", async () => {
    await page.goto(`${reader.base}/`);
    await page.getByRole("link", { name: "Playground" }).click();
    await page.locator(".graphiql-container").first().waitFor();
    await page.locator(".graphiql-execute-button").click();
    await page.locator(".graphiql-response").getByText("displayTitle").first().waitFor();
    await page.screenshot({ path: screenshotPath("playground") });
    expect(await page.title()).toContain("newsgraph playground");
  });

  it("sent no request beyond localhost", () => {
    expect(reader.outside).toEqual([]);
  });
});

function inViewport(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.bottom > 0 && rect.top < window.innerHeight;
}
