// The article a quote or an event comes from: the same columns, JSON and CSV, in both exports.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { Prisma } from "../generated/prisma/client.ts";
import { type Column, isoDay } from "./table.ts";

export type ArticleFields = {
  articleId: string;
  articleTitle: string | null;
  articleSlug: string;
  articleUrl: string | null;
  articleSource: string | null;
  language: string;
  publishedAt: Date | null;
};

/** The columns to select, from the article joined as `a`. */
export const ARTICLE_SELECT = Prisma.sql`
  a.title AS "articleTitle", a.slug AS "articleSlug", a.url AS "articleUrl", a.source AS "articleSource",
  a.language, a."publishedAt"`;

export function articleJson(row: ArticleFields) {
  return {
    id: encodeGlobalID("Article", row.articleId),
    slug: row.articleSlug,
    title: row.articleTitle,
    url: row.articleUrl,
    source: row.articleSource,
    language: row.language,
    publishedAt: isoDay(row.publishedAt),
  };
}

export const ARTICLE_COLUMNS: Column<ArticleFields>[] = [
  { header: "article_id", value: (row) => encodeGlobalID("Article", row.articleId) },
  { header: "article_slug", value: (row) => row.articleSlug },
  { header: "article_title", value: (row) => row.articleTitle },
  { header: "published_at", value: (row) => isoDay(row.publishedAt) },
  { header: "language", value: (row) => row.language },
  { header: "source", value: (row) => row.articleSource },
  { header: "url", value: (row) => row.articleUrl },
];
