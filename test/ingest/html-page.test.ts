import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../server/db.ts";
import { fetchPage, isPublicAddress } from "../../server/ingest/fetch-page.ts";
import { readPage } from "../../server/ingest/html-page.ts";
import { ingestArticle } from "../../server/ingest/ingest.ts";

const pages = new URL("../fixtures/pages/", import.meta.url);
const page = (name: string) => readFileSync(new URL(name, pages));

describe("readPage", () => {
  it("takes the article's text and the metadata from JSON-LD, leaving the page junk behind", () => {
    const article = readPage(page("de-hafen-streik.html").toString("utf8"));
    expect(article).toMatchObject({
      title: "Hafenarbeiter in Hamburg verlängern Streik",
      publishedAt: "2024-03-05",
      author: "Jana Petersen, Malte Brandt",
      site: "Nordkurier Online",
      language: "de-DE",
      canonicalUrl: "https://nordkurier.example/wirtschaft/hafen-streik-100.html",
    });
    expect(article.text).toContain(
      "„Wir gehen nicht zurück an die Arbeit, bevor die Arbeitgeber ein ernsthaftes Angebot vorlegen“, sagte die Verdi-Verhandlungsführerin Maren Hollstein",
    );
    expect(article.text).toContain("Die nächste Gesprächsrunde ist für Freitag in Bremen angesetzt.");
    // Paragraphs stay apart. (A one-word ad label inside the article's own markup stays with it.)
    expect(article.text).toMatch(/Schichtzulagen\.\n\n(Anzeige\n\n)?Der Zentralverband/);
    for (const junk of [
      "Cookies",
      "Alle akzeptieren",
      "Impressum",
      "Horoskop",
      "Hafenjung82",
      "Startseite",
    ]) {
      expect(article.text).not.toContain(junk);
    }
  });

  it("falls back on Open Graph and <meta> when there is no JSON-LD", () => {
    const html = iconv.decode(page("en-dock-strike.html"), "windows-1252");
    const article = readPage(html);
    expect(article).toMatchObject({
      title: "Dockworkers extend strike as talks stall",
      publishedAt: "2024-03-05",
      author: "Sam Whitfield",
      site: "The Harbour Gazette",
    });
    expect(article.text).toMatch(/^ROTTERDAM – Dockworkers at Europe’s largest port/);
    expect(article.text).not.toMatch(/privacy|Most read|portwatcher|Copyright/);
  });

  it("refuses an empty page, a page without an article and one over 5 MB, with a code", () => {
    expect(() => readPage("  ")).toThrow(expect.objectContaining({ code: "EMPTY_PAGE" }));
    expect(() => readPage(page("not-an-article.html").toString("utf8"))).toThrow(
      expect.objectContaining({ code: "NO_ARTICLE_TEXT" }),
    );
    expect(() => readPage(`<p>${"x".repeat(5_000_001)}</p>`)).toThrow(
      expect.objectContaining({ code: "PAGE_TOO_LARGE" }),
    );
  });

  it("gives text and metadata that ingest stores as an article with its quotes", async () => {
    const article = readPage(page("de-hafen-streik.html").toString("utf8"));
    const result = await ingestArticle(prisma, {
      text: article.text,
      title: article.title,
      publishedAt: article.publishedAt,
      source: article.site,
      url: article.canonicalUrl,
      language: "de",
    });
    expect(result.userErrors).toEqual([]);
    const quotes = await prisma.quote.findMany({
      where: { articleId: result.article?.id },
      include: { speaker: true },
    });
    expect(quotes.some((quote) => quote.speaker?.name.includes("Hollstein"))).toBe(true);
    await prisma.article.deleteMany({ where: { id: result.article?.id } });
  });
});

describe("isPublicAddress", () => {
  it("refuses loopback, private, link-local, shared and unique-local addresses, in IPv4 and IPv6", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::ffff:127.0.0.1",
      "fc00::1",
      "fe80::1",
      "not an ip",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ["93.184.216.34", "2606:4700:4700::1111", "::ffff:93.184.216.34"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });
});

describe("fetchPage", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = request.url ?? "/";
      const hops = /^\/redirect\/(\d+)$/.exec(path);
      if (hops) {
        const left = Number(hops[1]);
        response.writeHead(302, { location: left > 1 ? `/redirect/${left - 1}` : "/de" }).end();
      } else if (path === "/de") {
        response
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end(page("de-hafen-streik.html"));
      } else if (path === "/en") {
        // No charset in the header: the page's own <meta> says windows-1252.
        response.writeHead(200, { "content-type": "text/html" }).end(page("en-dock-strike.html"));
      } else if (path === "/huge") {
        // No Content-Length: the limit must hold while the body streams.
        response.writeHead(200, { "content-type": "text/html" });
        const chunk = Buffer.alloc(64 * 1024, "a");
        let sent = 0;
        const more = () => {
          while (sent < 8_000_000 && !response.destroyed) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once("drain", more);
          }
          response.end();
        };
        more();
      } else if (path === "/slow") {
        response.writeHead(200, { "content-type": "text/html" });
        response.write("<html><body><p>");
        setTimeout(() => response.end("late</p></body></html>"), 5_000).unref();
      } else if (path === "/image") {
        response.writeHead(200, { "content-type": "image/png" }).end(Buffer.alloc(10));
      } else {
        response.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const local = { allowPrivate: true };

  it("fetches a page, decoding it by its declared charset", async () => {
    const fetched = await fetchPage(`${base}/en`, local);
    expect(readPage(fetched.html).text).toContain("Europe’s largest port");
    expect(fetched.url).toBe(`${base}/en`);
  });

  it("follows up to five redirects, and refuses a sixth", async () => {
    const followed = await fetchPage(`${base}/redirect/5`, local);
    expect(followed.url).toBe(`${base}/de`);
    await expect(fetchPage(`${base}/redirect/6`, local)).rejects.toMatchObject({
      code: "TOO_MANY_REDIRECTS",
    });
  });

  it("refuses loopback and private addresses unless allowed (tests only), by name or literal", async () => {
    await expect(fetchPage(`${base}/de`)).rejects.toMatchObject({ code: "BLOCKED_ADDRESS" });
    const port = new URL(base).port;
    await expect(fetchPage(`http://localhost:${port}/de`)).rejects.toMatchObject({ code: "BLOCKED_ADDRESS" });
    await expect(fetchPage(`http://[::ffff:127.0.0.1]:${port}/de`)).rejects.toMatchObject({
      code: "BLOCKED_ADDRESS",
    });
  });

  it("stops a body over 5 MB while it streams, a slow page at the timeout, and says why", async () => {
    await expect(fetchPage(`${base}/huge`, local)).rejects.toMatchObject({ code: "PAGE_TOO_LARGE" });
    await expect(fetchPage(`${base}/slow`, { ...local, timeoutMs: 500 })).rejects.toMatchObject({
      code: "FETCH_TIMEOUT",
    });
    await expect(fetchPage(`${base}/missing`, local)).rejects.toMatchObject({ code: "HTTP_ERROR" });
    await expect(fetchPage(`${base}/image`, local)).rejects.toMatchObject({ code: "NOT_HTML" });
    await expect(fetchPage("ftp://example.org/page", local)).rejects.toMatchObject({ code: "INVALID_URL" });
    await expect(fetchPage("http://no-such-host.invalid/", local)).rejects.toMatchObject({
      code: "DNS_FAILED",
    });
  });
});
