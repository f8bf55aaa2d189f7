import { prismaConnectionHelpers } from "@pothos/plugin-prisma";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { prisma } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { deleteArticle, ingestInWorker } from "../ingest/ingest.ts";
import { announceArticleStored, announceArticlesChanged } from "../pubsub.ts";
import { Actor } from "./actor.ts";
import { builder } from "./builder.ts";
import { planBothNodePaths, requireWrite, SortDirection, UserError } from "./common.ts";
import { MentionForm, SegmentKind } from "./enums.ts";

export const Segment = builder.prismaObject("Segment", {
  description: "A stretch of an article's text and what it is; segments cover the text with no gaps.",
  fields: (t) => ({
    kind: t.expose("kind", {
      type: SegmentKind,
      description: "Title, body, page boilerplate or reader comment.",
    }),
    start: t.exposeInt("start", { description: "UTF-16 offset of the first code unit (inclusive)." }),
    end: t.exposeInt("end", { description: "UTF-16 offset after the last code unit (exclusive)." }),
  }),
});

export const Mention = builder.prismaObject("Mention", {
  description: "One place where an article refers to an actor.",
  fields: (t) => ({
    start: t.exposeInt("start", { description: "UTF-16 offset of the first code unit (inclusive)." }),
    end: t.exposeInt("end", { description: "UTF-16 offset after the last code unit (exclusive)." }),
    text: t.exposeString("text", { description: "The words of the mention, as in the text." }),
    form: t.expose("form", { type: MentionForm, description: "By name, by description or by pronoun." }),
    actor: t.relation("actor", { description: "The actor referred to." }),
    article: t.relation("article", { description: "The article the mention is in." }),
  }),
});

// Article → its actors runs through the per-article role rows, which carry the article's own
// description of each actor ("Kreml-Sprecher") onto the edge.
const byMentions: Prisma.ArticleActorOrderByWithRelationInput = { mentionCount: "desc" };
const articleActors = prismaConnectionHelpers(builder, "ArticleActor", {
  cursor: "articleId_actorId",
  query: { orderBy: byMentions },
  select: (nodeSelection) => ({ description: true, mentionCount: true, actor: nodeSelection({}) }),
  resolveNode: (role) => role.actor,
});

// A text is up to 1 MB and its annotation several: an article loads only the columns asked for
// (select mode), wherever it is nested, and these two cost more in a query's complexity.
const LARGE_FIELD_COMPLEXITY = { text: 20, annotation: 50 } as const;

export const Article = builder.prismaNode("Article", {
  id: { field: "id" },
  select: { id: true },
  description: "A news article as given, and the actors, quotes and events read from it.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "Stable, readable identifier for URLs." }),
    title: t.exposeString("title", { nullable: true, description: "The title given at ingestion, if any." }),
    displayTitle: t.string({
      description: "The title, or the text's first words when the article has none.",
      // The opening is a generated column: a list never reads whole texts for it.
      select: { title: true, textOpening: true },
      resolve: (article) => article.title ?? firstWords(article.textOpening ?? ""),
    }),
    url: t.exposeString("url", { nullable: true, description: "Where the article was published." }),
    source: t.exposeString("source", { nullable: true, description: "The publisher or feed it came from." }),
    language: t.exposeString("language", { description: "ISO 639-1 code: de or en." }),
    publishedAt: t.expose("publishedAt", {
      type: "Date",
      nullable: true,
      description: "Publication day; relative dates in the text were resolved against it.",
    }),
    text: t.exposeString("text", {
      description: "The text exactly as ingested; every offset points into it.",
      complexity: LARGE_FIELD_COMPLEXITY.text,
    }),
    extractorVersion: t.exposeString("extractorVersion", {
      description: "Version of the extractor that read it.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was ingested." }),
    annotation: t.expose("annotation", {
      type: "JSON",
      complexity: LARGE_FIELD_COMPLEXITY.annotation,
      description:
        "The whole AnnotationDocument (the extraction format) as JSON: the export of this article.",
    }),
    segments: t.relation("segments", {
      description: "Title, body, boilerplate and comment stretches, in text order.",
      query: { orderBy: { position: "asc" } },
    }),
    mentions: t.relation("mentions", {
      description: "Every mention of an actor in the title and body, in text order.",
      query: { orderBy: [{ start: "asc" }, { end: "desc" }] },
    }),
    actors: t.connection(
      {
        type: Actor,
        description: "The actors the article mentions, most mentioned first.",
        select: (args, ctx, nestedSelection) => ({
          _count: { select: { roles: true } },
          roles: articleActors.getQuery(args, ctx, planBothNodePaths(nestedSelection, "Actor")),
        }),
        resolve: (article, args, ctx) => ({
          ...articleActors.resolve(article.roles, args, ctx),
          totalCount: article._count.roles,
        }),
      },
      {
        description: "A page of the actors of one article.",
        fields: (connection) => ({
          totalCount: connection.int({
            description: "How many actors the article has.",
            resolve: (page) => page.totalCount,
          }),
        }),
      },
      {
        description: "An actor as this article presents it.",
        fields: (edge) => ({
          description: edge.string({
            nullable: true,
            description: 'The role or apposition the article gives the actor ("Kreml-Sprecher").',
            resolve: (role) => role.description,
          }),
          mentionCount: edge.int({
            description: "How often the article refers to the actor.",
            resolve: (role) => role.mentionCount,
          }),
        }),
      },
    ),
    quotes: t.relatedConnection("quotes", {
      cursor: "id",
      totalCount: true,
      description: "What was said in the article, in text order.",
      query: { orderBy: [{ start: "asc" }, { id: "asc" }] },
    }),
    events: t.relatedConnection("events", {
      cursor: "id",
      totalCount: true,
      description: "What happened according to the article, in text order.",
      query: { orderBy: [{ evidenceStart: "asc" }, { id: "asc" }] },
    }),
  }),
});

function firstWords(text: string): string {
  const line = text.trim().split(/\n/)[0] ?? "";
  if (line.length <= 80) return line;
  const cut = line.slice(0, 80);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 40 ? cut.lastIndexOf(" ") : 80)}…`;
}

const ArticleOrderField = builder.enumType("ArticleOrderField", {
  description: "What to sort articles by.",
  values: {
    PUBLISHED_AT: { description: "Publication day (articles without one last)." },
    CREATED_AT: { description: "When they were ingested." },
  },
});

const ArticleOrder = builder.inputType("ArticleOrder", {
  description: "Sort order of articles.",
  fields: (t) => ({
    field: t.field({ type: ArticleOrderField, required: true, description: "What to sort by." }),
    direction: t.field({ type: SortDirection, required: true, description: "Which way." }),
  }),
});

const ArticleFilter = builder.inputType("ArticleFilter", {
  description: "Narrows the list of articles; all given conditions must hold.",
  fields: (t) => ({
    language: t.string({ description: "Only articles in this language (de or en)." }),
    actor: t.globalID({ for: Actor, description: "Only articles that mention this actor." }),
    publishedFrom: t.field({ type: "Date", description: "Published on or after this day." }),
    publishedTo: t.field({ type: "Date", description: "Published on or before this day." }),
  }),
});

builder.queryFields((t) => ({
  articles: t.prismaConnection({
    type: "Article",
    cursor: "id",
    description: "All articles, newest first unless ordered otherwise.",
    args: {
      filter: t.arg({ type: ArticleFilter, description: "Which articles." }),
      orderBy: t.arg({ type: ArticleOrder, description: "Sort order (default: published, newest first)." }),
    },
    totalCount: (_parent, { filter }) => prisma.article.count({ where: articleWhere(filter) }),
    resolve: (query, _root, { filter, orderBy }) => {
      const direction = orderBy?.direction === "ASC" ? "asc" : "desc";
      const field = orderBy?.field === "CREATED_AT" ? "createdAt" : "publishedAt";
      return prisma.article.findMany({
        ...query,
        where: articleWhere(filter),
        orderBy: [{ [field]: { sort: direction, nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
      });
    },
  }),
  article: t.prismaField({
    type: "Article",
    nullable: true,
    description: "One article by its slug.",
    args: { slug: t.arg.string({ required: true, description: "The article's slug." }) },
    resolve: (query, _root, { slug }) => prisma.article.findUnique({ ...query, where: { slug } }),
  }),
}));

function articleWhere(filter: typeof ArticleFilter.$inferInput | null | undefined): Prisma.ArticleWhereInput {
  if (!filter) return {};
  return {
    ...(filter.language ? { language: filter.language.toLowerCase() } : {}),
    ...(filter.actor ? { roles: { some: { actorId: filter.actor.id } } } : {}),
    ...(filter.publishedFrom || filter.publishedTo
      ? {
          publishedAt: {
            ...(filter.publishedFrom ? { gte: filter.publishedFrom } : {}),
            ...(filter.publishedTo ? { lte: filter.publishedTo } : {}),
          },
        }
      : {}),
  };
}

export const IngestArticleInput = builder.inputType("IngestArticleInput", {
  description: "An article to read. The same text sent twice is the same article.",
  fields: (t) => ({
    text: t.string({
      required: true,
      description: "The article's text, at most 1 MB of UTF-8; stored exactly as given.",
    }),
    title: t.string({ description: "The headline, when it is not part of the text." }),
    url: t.string({ description: "Where it was published (http or https)." }),
    source: t.string({ description: "The publisher or feed." }),
    language: t.string({ description: "de or en; detected from the text when left out." }),
    publishedAt: t.string({
      description: 'Publication day, YYYY-MM-DD: relative dates ("am Freitag") resolve against it.',
    }),
  }),
});

const IngestArticlePayload = builder
  .objectRef<{
    article: { id: string } | null;
    created: boolean;
    userErrors: (typeof UserError.$inferType)[];
  }>("IngestArticlePayload")
  .implement({
    description: "The result of ingesting an article.",
    fields: (t) => ({
      article: t.prismaField({
        type: "Article",
        nullable: true,
        description: "The article (new or already stored); null when the input was refused.",
        resolve: (query, payload) =>
          payload.article ? prisma.article.findUnique({ ...query, where: { id: payload.article.id } }) : null,
      }),
      created: t.exposeBoolean("created", { description: "False when the same text was already stored." }),
      userErrors: t.field({
        type: [UserError],
        description: "Why the input was refused; empty on success.",
        resolve: (payload) => payload.userErrors,
      }),
    }),
  });

const DeleteArticleInput = builder.inputType("DeleteArticleInput", {
  description: "The article to delete.",
  fields: (t) => ({
    id: t.globalID({ for: Article, required: true, description: "The article's global ID." }),
  }),
});

const DeleteArticlePayload = builder
  .objectRef<{ deletedArticleId: string | null; userErrors: (typeof UserError.$inferType)[] }>(
    "DeleteArticlePayload",
  )
  .implement({
    description: "The result of deleting an article.",
    fields: (t) => ({
      deletedArticleId: t.exposeID("deletedArticleId", {
        nullable: true,
        description: "The global ID of the deleted article; null when nothing was deleted.",
      }),
      userErrors: t.field({
        type: [UserError],
        description: "Why nothing was deleted; empty on success.",
        resolve: (payload) => payload.userErrors,
      }),
    }),
  });

builder.mutationFields((t) => ({
  ingestArticle: t.field({
    type: IngestArticlePayload,
    description:
      "Reads an article and stores it with its actors, quotes and events. Refusals (empty, over 1 MB, unsupported language, bad date) come back as userErrors.",
    args: { input: t.arg({ type: IngestArticleInput, required: true, description: "The article." }) },
    resolve: async (_root, { input }, context) => {
      requireWrite(context);
      const result = await ingestInWorker(input);
      if (result.article) announceArticleStored({ articleId: result.article.id, created: result.created });
      return result;
    },
  }),
  deleteArticle: t.field({
    type: DeleteArticlePayload,
    description: "Deletes an article with everything read from it; actors no other article mentions go too.",
    args: { input: t.arg({ type: DeleteArticleInput, required: true, description: "Which article." }) },
    resolve: async (_root, { input }, context) => {
      requireWrite(context);
      const deleted = await deleteArticle(prisma, input.id.id);
      if (deleted) announceArticlesChanged();
      return deleted
        ? { deletedArticleId: encodeGlobalID("Article", input.id.id), userErrors: [] }
        : {
            deletedArticleId: null,
            userErrors: [
              { field: ["input", "id"], message: "No article has this ID.", code: "NOT_FOUND" as const },
            ],
          };
    },
  }),
}));

// Actor → the articles that mention it, through the same per-article role rows.
const newestFirst: Prisma.ArticleActorOrderByWithRelationInput = {
  article: { publishedAt: { sort: "desc", nulls: "last" } },
};
const actorArticles = prismaConnectionHelpers(builder, "ArticleActor", {
  cursor: "articleId_actorId",
  query: { orderBy: newestFirst },
  select: (nodeSelection) => ({ description: true, mentionCount: true, article: nodeSelection({}) }),
  resolveNode: (role) => role.article,
});

builder.prismaObjectField("Actor", "articles", (t) =>
  t.connection(
    {
      type: Article,
      description: "Articles that mention the actor, newest first.",
      select: (args, ctx, nestedSelection) => ({
        _count: { select: { roles: true } },
        roles: actorArticles.getQuery(args, ctx, planBothNodePaths(nestedSelection, "Article")),
      }),
      resolve: (actor, args, ctx) => ({
        ...actorArticles.resolve(actor.roles, args, ctx),
        totalCount: actor._count.roles,
      }),
    },
    {
      description: "A page of the articles that mention an actor.",
      fields: (connection) => ({
        totalCount: connection.int({ description: "How many in all.", resolve: (page) => page.totalCount }),
      }),
    },
    {
      description: "An article and how it presents the actor.",
      fields: (edge) => ({
        description: edge.string({
          nullable: true,
          description: "The role this article gives the actor.",
          resolve: (row) => row.description,
        }),
        mentionCount: edge.int({
          description: "Mentions in this article.",
          resolve: (row) => row.mentionCount,
        }),
      }),
    },
  ),
);
