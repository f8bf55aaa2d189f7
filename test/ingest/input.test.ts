import { describe, expect, it } from "vitest";
import { prisma } from "../../server/db.ts";
import {
  MAX_SOURCE_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
  validateArticleInput,
} from "../../server/ingest/input.ts";
import { createTestClient, uniqueGermanArticle } from "../helpers.ts";

const { gql } = createTestClient();

const INGEST = `mutation Ingest($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    created
    userErrors { field code message }
    article { id slug publishedAt }
  }
}`;

type IngestPayload = {
  created: boolean;
  userErrors: { field: string[]; code: string; message: string }[];
  article: { id: string; slug: string; publishedAt: string | null } | null;
};

async function ingest(input: Record<string, unknown>): Promise<IngestPayload> {
  const response = await gql<{ ingestArticle: IngestPayload }>(INGEST, { input });
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
  return response.data?.ingestArticle as IngestPayload;
}

describe("metadata and text the API refuses, each with its field and code", () => {
  it.each([
    ["a NUL in the title", { title: "Scholz\u0000 in Paris" }, "title", "INVALID_CHARACTERS"],
    ["a lone surrogate in the source", { source: "dpa \uD800" }, "source", "INVALID_CHARACTERS"],
    ["a lone surrogate in the url", { url: "https://example.org/\uDC00" }, "url", "INVALID_CHARACTERS"],
    ["an escape character in the source", { source: "dpa\u001B[31m" }, "source", "INVALID_CHARACTERS"],
    ["a C1 control in the title", { title: "Scholz\u0085Paris" }, "title", "INVALID_CHARACTERS"],
    ["a title too long", { title: "Wort ".repeat(MAX_TITLE_LENGTH) }, "title", "FIELD_TOO_LONG"],
    ["a source too long", { source: "s".repeat(MAX_SOURCE_LENGTH + 1) }, "source", "FIELD_TOO_LONG"],
    ["a url too long", { url: `https://example.org/${"a".repeat(MAX_URL_LENGTH)}` }, "url", "FIELD_TOO_LONG"],
    ["an impossible time", { publishedAt: "2023-10-14T25:99:00Z" }, "publishedAt", "INVALID_DATE"],
    ["a timestamp with junk", { publishedAt: "2023-10-14Tomorrow" }, "publishedAt", "INVALID_DATE"],
  ])("refuses %s", async (_name, metadata, field, code) => {
    const before = await prisma.article.count();
    const result = await ingest({ text: uniqueGermanArticle(), ...metadata });
    expect(result.article).toBeNull();
    expect(result.userErrors.map((error) => ({ field: error.field, code: error.code }))).toEqual([
      { field: [field], code },
    ]);
    expect(result.userErrors[0]?.message.length).toBeLessThan(300);
    expect(await prisma.article.count()).toBe(before);
  });

  it.each([
    ["zero-width characters", "\u200B\u200C\u200D\uFEFF\u2060"],
    ["control characters", "\u0001\u0002\u0003 \u0007"],
    ["combining marks", "\u0301\u0308\u0327"],
    ["digits and punctuation", "2023-10-14: 12.345,67 € (+3 %) — !!!"],
  ])("refuses a text of %s as NO_LETTERS", async (_name, text) => {
    const result = await ingest({ text });
    expect(result.article).toBeNull();
    expect(result.userErrors.map((error) => error.code)).toEqual(["NO_LETTERS"]);
  });

  it("accepts a full ISO timestamp with a valid time, and metadata at its limits", async () => {
    const result = await ingest({
      text: uniqueGermanArticle(),
      publishedAt: "2023-10-14T23:59:59.5+02:00",
      title: "W".repeat(MAX_TITLE_LENGTH),
      source: "s".repeat(MAX_SOURCE_LENGTH),
      url: `https://example.org/${"a".repeat(MAX_URL_LENGTH - 20)}`,
    });
    expect(result.userErrors).toEqual([]);
    expect(result.article?.publishedAt).toBe("2023-10-14");
    // One word of 1,000 letters makes no 1,000-character address.
    expect(result.article?.slug.length).toBeLessThanOrEqual(100);
  });
});

describe("validateArticleInput", () => {
  it("reports every refused field at once", () => {
    const result = validateArticleInput({
      text: "…",
      title: "a\u0000",
      source: "x".repeat(MAX_SOURCE_LENGTH + 1),
      publishedAt: "2023-02-29T10:00:00Z",
    });
    expect(result.ok).toBe(false);
    const codes = result.ok ? [] : result.errors.map((error) => `${error.field.join(".")}:${error.code}`);
    expect(codes).toEqual([
      "text:NO_LETTERS",
      "title:INVALID_CHARACTERS",
      "source:FIELD_TOO_LONG",
      "publishedAt:INVALID_DATE",
    ]);
  });

  it("quotes a long refused value shortened", () => {
    const result = validateArticleInput({ text: "Ein Text.", language: "x".repeat(100_000) });
    const message = result.ok ? "" : (result.errors[0]?.message ?? "");
    expect(message).toMatch(/not supported/);
    expect(message.length).toBeLessThan(200);
  });
});
