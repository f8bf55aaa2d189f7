import { prisma } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { Actor } from "./actor.ts";
import { Article } from "./article.ts";
import { builder } from "./builder.ts";
import { spanFrom, TextSpan, type TextSpanShape } from "./common.ts";
import { QuoteKind } from "./enums.ts";

export const Quote = builder.prismaNode("Quote", {
  id: { field: "id" },
  description: "Something an actor said or wrote, as an article reports it.",
  fields: (t) => ({
    kind: t.expose("kind", { type: QuoteKind, description: "Direct, indirect, partial or mixed." }),
    text: t.exposeString("text", { description: "The reported words, without outer quotation marks." }),
    start: t.exposeInt("start", { description: "UTF-16 offset where the words start (inclusive)." }),
    end: t.exposeInt("end", { description: "UTF-16 offset where they end (exclusive)." }),
    parts: t.field({
      type: [TextSpan],
      description: "The pieces of an interrupted quote (one piece when it is not interrupted).",
      select: { parts: true, start: true, end: true, text: true },
      resolve: (quote) =>
        (quote.parts as TextSpanShape[] | null) ?? [{ start: quote.start, end: quote.end, text: quote.text }],
    }),
    speaker: t.relation("speaker", {
      nullable: true,
      description: "Who said it; null when the text names no source.",
    }),
    speakerMention: t.field({
      type: TextSpan,
      nullable: true,
      description: "The words naming the speaker for this quote (may be a pronoun).",
      select: { speakerMentionStart: true, speakerMentionEnd: true, speakerMentionText: true },
      resolve: (quote) =>
        spanFrom(quote.speakerMentionStart, quote.speakerMentionEnd, quote.speakerMentionText),
    }),
    addressee: t.relation("addressee", {
      nullable: true,
      description: 'Who it was said to ("sagte der Zeitung").',
    }),
    via: t.relation("via", { nullable: true, description: 'The channel it came through ("laut KCNA").' }),
    cue: t.field({
      type: TextSpan,
      nullable: true,
      description: 'The speech verb or marker: "sagte", "laut", "so heißt es".',
      select: { cueStart: true, cueEnd: true, cueText: true },
      resolve: (quote) => spanFrom(quote.cueStart, quote.cueEnd, quote.cueText),
    }),
    confidence: t.exposeFloat("confidence", {
      description: "0..1, calibrated: of quotes at 0.8 about 80% are right.",
    }),
    rule: t.exposeString("rule", {
      nullable: true,
      description:
        'The extractor\'s named rule that found the quote ("marked-cue", "marker", …); null for older rows.',
    }),
    speakerRule: t.exposeString("speakerRule", {
      nullable: true,
      description:
        'The named rule that chose the speaker ("verb-subject": subject of the speech verb in the same sentence).',
    }),
    article: t.relation("article", { description: "The article it appears in." }),
  }),
});

const QuoteFilter = builder.inputType("QuoteFilter", {
  description: "Narrows the list of quotes; all given conditions must hold.",
  fields: (t) => ({
    speaker: t.globalID({ for: Actor, description: "Only quotes by this actor." }),
    article: t.globalID({ for: Article, description: "Only quotes in this article." }),
    kind: t.field({ type: QuoteKind, description: "Only quotes of this kind." }),
  }),
});

function quoteWhere(filter: typeof QuoteFilter.$inferInput | null | undefined): Prisma.QuoteWhereInput {
  return {
    ...(filter?.speaker ? { speakerId: filter.speaker.id } : {}),
    ...(filter?.article ? { articleId: filter.article.id } : {}),
    ...(filter?.kind ? { kind: filter.kind } : {}),
  };
}

builder.queryFields((t) => ({
  quotes: t.prismaConnection({
    type: "Quote",
    cursor: "id",
    description: "Quotes across all articles, newest article first, then in text order.",
    args: { filter: t.arg({ type: QuoteFilter, description: "Which quotes." }) },
    totalCount: (_parent, { filter }) => prisma.quote.count({ where: quoteWhere(filter) }),
    resolve: (query, _root, { filter }) =>
      prisma.quote.findMany({
        ...query,
        where: quoteWhere(filter),
        orderBy: [{ article: { createdAt: "desc" } }, { start: "asc" }, { id: "asc" }],
      }),
  }),
}));
