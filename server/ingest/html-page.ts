// A web page → the article in it: main text by Mozilla's Readability (over linkedom's DOM), title,
// date, author and site from the page's metadata (JSON-LD NewsArticle, Open Graph, <meta>), so
// that it can go through the same ingest as a pasted text. Nothing here touches the network.
import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { MAX_TEXT_BYTES, normaliseDate } from "./input.ts";

/** Largest page accepted, in UTF-8 bytes (its text keeps the 1 MB limit of every article). */
export const MAX_PAGE_BYTES = 5_000_000;

export type PageArticle = {
  text: string;
  title: string | null;
  /** YYYY-MM-DD, the publisher's day. */
  publishedAt: string | null;
  author: string | null;
  site: string | null;
  language: string | null;
  /** The page's own canonical address, when it names one. */
  canonicalUrl: string | null;
};

export type PageErrorCode = "EMPTY_PAGE" | "PAGE_TOO_LARGE" | "NO_ARTICLE_TEXT" | "TEXT_TOO_LARGE";

export class PageError extends Error {
  constructor(
    readonly code: PageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "PageError";
  }
}

type Metadata = Omit<PageArticle, "text">;

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle)$/;

/** Schema.org objects of a JSON-LD block, @graph and arrays unfolded. */
function jsonLdObjects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(jsonLdObjects);
  if (!value || typeof value !== "object") return [];
  const object = value as Record<string, unknown>;
  return [object, ...jsonLdObjects(object["@graph"])];
}

function isArticle(object: Record<string, unknown>): boolean {
  const type = object["@type"];
  return (Array.isArray(type) ? type : [type]).some(
    (name) => typeof name === "string" && ARTICLE_TYPES.test(name),
  );
}

/** "X", {name: "X"}, or a list of either → "X, Y". */
function names(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value])
    .map((item) => (typeof item === "string" ? item : (item as { name?: unknown } | null)?.name))
    .filter((name): name is string => typeof name === "string" && name.trim() !== "")
    .map((name) => name.trim());
  return list.length ? list.join(", ") : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.replace(/\s+/g, " ").trim() : null;
}

function day(value: string | null | undefined): string | null {
  return value ? (normaliseDate(value.trim()) ?? null) : null;
}

/** The first NewsArticle (or Article) the page describes in JSON-LD; malformed blocks are skipped. */
function jsonLdArticle(document: Document): Record<string, unknown> | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const found = jsonLdObjects(JSON.parse(script.textContent ?? "")).find(isArticle);
      if (found) return found;
    } catch {
      // Pages ship broken JSON-LD often enough; the other metadata still counts.
    }
  }
  return null;
}

function readMetadata(document: Document): Metadata {
  const meta = (selector: string) => text(document.querySelector(selector)?.getAttribute("content"));
  const ld = jsonLdArticle(document) ?? {};
  const publisher = ld.publisher as { name?: unknown } | undefined;
  return {
    title:
      text(ld.headline) ??
      meta('meta[property="og:title"]') ??
      text(document.querySelector("title")?.textContent),
    publishedAt:
      day(text(ld.datePublished)) ??
      day(meta('meta[property="article:published_time"]')) ??
      day(meta('meta[name="date"]')) ??
      day(document.querySelector("time[datetime]")?.getAttribute("datetime")),
    author: names(ld.author) ?? meta('meta[name="author"]') ?? meta('meta[property="article:author"]'),
    site: names(publisher) ?? meta('meta[property="og:site_name"]'),
    language: text(ld.inLanguage) ?? text(document.documentElement?.getAttribute("lang")),
    canonicalUrl:
      text(document.querySelector('link[rel="canonical"]')?.getAttribute("href")) ??
      meta('meta[property="og:url"]'),
  };
}

const BLOCKS = new Set([
  "P",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "BLOCKQUOTE",
  "PRE",
  "FIGCAPTION",
  "DIV",
  "SECTION",
  "ARTICLE",
  "TR",
  "DD",
  "DT",
]);

/** The content's words, one paragraph per block element, paragraphs apart by a blank line. */
function paragraphs(root: Node): string {
  const done: string[] = [];
  let current = "";
  const flush = () => {
    const paragraph = current.replace(/\s+/g, " ").trim();
    if (paragraph) done.push(paragraph);
    current = "";
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? "";
      return;
    }
    const element = node as Element;
    const block = BLOCKS.has(element.tagName);
    if (block) flush();
    if (element.tagName === "BR") current += "\n";
    for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return done.join("\n\n");
}

/** The article in an HTML page; PageError when there is none or the page is over its limits. */
export function readPage(html: string): PageArticle {
  if (!html.trim()) throw new PageError("EMPTY_PAGE", "The page is empty: send its HTML.");
  const bytes = Buffer.byteLength(html, "utf8");
  if (bytes > MAX_PAGE_BYTES) {
    throw new PageError(
      "PAGE_TOO_LARGE",
      `The page is ${bytes.toLocaleString("en")} bytes; at most ${MAX_PAGE_BYTES.toLocaleString("en")} bytes (5 MB) are accepted.`,
    );
  }
  const { document } = parseHTML(html);
  // Readability changes the document it reads: the metadata is taken first.
  const metadata = readMetadata(document);
  // Readability's own test, with shorter paragraphs counted (its default wants long-form text).
  const readable = isProbablyReaderable(document as unknown as Document, {
    minContentLength: 80,
    minScore: 20,
  });
  const article = readable
    ? new Readability<Node>(document as unknown as Document, {
        serializer: (node) => node,
      }).parse()
    : null;
  const body = article?.content ? paragraphs(article.content) : "";
  if (!body) {
    throw new PageError(
      "NO_ARTICLE_TEXT",
      "No article text was found on the page (is it a front page or a form?).",
    );
  }
  // The headline often opens the content too; the title is kept apart, as for a pasted text.
  const articleText =
    metadata.title && body.startsWith(metadata.title) ? body.slice(metadata.title.length).trimStart() : body;
  if (Buffer.byteLength(articleText, "utf8") > MAX_TEXT_BYTES) {
    throw new PageError("TEXT_TOO_LARGE", "The page's article text is over 1 MB: split it into articles.");
  }
  return {
    ...metadata,
    text: articleText,
    title: metadata.title ?? text(article?.title),
    author: metadata.author ?? text(article?.byline),
    site: metadata.site ?? text(article?.siteName),
    publishedAt: metadata.publishedAt ?? day(article?.publishedTime),
  };
}
