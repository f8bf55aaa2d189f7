import { queryFromInfo } from "@pothos/plugin-prisma";
import { GraphQLError } from "graphql";
import { prisma } from "../db.ts";
import { Actor } from "./actor.ts";
import { Article } from "./article.ts";
import { builder } from "./builder.ts";
import { pageSize } from "./common.ts";
import { Quote } from "./quote.ts";

// PostgreSQL full-text search: each article (and quote) is stemmed with its own language's
// configuration (German or English) into a stored, GIN-indexed vector, and the query is parsed
// once per language, so "Waffenlieferung" finds "Waffenlieferungen". ts_headline marks matches
// with control characters that cannot occur in stored text, which we turn into ranges instead of
// handing HTML to clients.
const START = "\u0002";
const STOP = "\u0003";
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
/** The configurations articles are stemmed with, by the article's language (see the migrations). */
const LANGUAGES = [
  { config: "german", article: `a."language" = 'de'` },
  { config: "english", article: `a."language" <> 'de'` },
] as const;

type Highlighted = { snippet: string; highlights: { start: number; end: number }[] };

/** "a \u0002b\u0003 c" → snippet "a b c" with the range of "b". */
export function parseHeadline(marked: string): Highlighted {
  let snippet = "";
  const highlights: { start: number; end: number }[] = [];
  let open = -1;
  for (const char of marked) {
    if (char === START) open = snippet.length;
    else if (char === STOP && open >= 0) {
      highlights.push({ start: open, end: snippet.length });
      open = -1;
    } else snippet += char;
  }
  return { snippet, highlights };
}

const TextRange = builder.objectRef<{ start: number; end: number }>("TextRange").implement({
  description: "A range within a snippet (UTF-16 offsets into the snippet, half-open).",
  fields: (t) => ({
    start: t.exposeInt("start", { description: "First code unit (inclusive)." }),
    end: t.exposeInt("end", { description: "After the last code unit (exclusive)." }),
  }),
});

function hitType<Node extends { id: string }>(
  name: string,
  nodeName: string,
  nodeRef: typeof Article | typeof Actor | typeof Quote,
) {
  return builder.objectRef<Highlighted & { node: Node; rank: number }>(name).implement({
    description: `A ${nodeName} that matches the search, with the matching words highlighted.`,
    fields: (t) => ({
      node: t.field({
        type: nodeRef as never,
        description: `The matching ${nodeName}.`,
        resolve: (hit) => hit.node as never,
      }),
      snippet: t.exposeString("snippet", { description: "Plain text around the matches." }),
      highlights: t.field({
        type: [TextRange],
        description: "Where the matches are in `snippet`.",
        resolve: (hit) => hit.highlights,
      }),
      rank: t.exposeFloat("rank", { description: "Relevance: higher is better." }),
    }),
  });
}

const ArticleHit = hitType("ArticleSearchHit", "article", Article);
const ActorHit = hitType("ActorSearchHit", "actor", Actor);
const QuoteHit = hitType("QuoteSearchHit", "quote", Quote);

type Results = {
  articles: (typeof ArticleHit.$inferType)[];
  actors: (typeof ActorHit.$inferType)[];
  quotes: (typeof QuoteHit.$inferType)[];
};

// `search(first:)` already multiplies by the number of hits: the hit lists add nothing more.
const PER_HIT = { field: 1, multiplier: 1 };

const SearchResults = builder.objectRef<Results>("SearchResults").implement({
  description: "What matches a full-text search, by kind, best first.",
  fields: (t) => ({
    articles: t.field({
      type: [ArticleHit],
      complexity: PER_HIT,
      description: "Matching articles (title and text).",
      resolve: (r) => r.articles,
    }),
    actors: t.field({
      type: [ActorHit],
      complexity: PER_HIT,
      description: "Matching actors (name and aliases).",
      resolve: (r) => r.actors,
    }),
    quotes: t.field({
      type: [QuoteHit],
      complexity: PER_HIT,
      description: "Matching quotes (their words).",
      resolve: (r) => r.quotes,
    }),
  }),
});

type Row = { id: string; marked: string; rank: number };

/**
 * The best `limit` rows whose stored vector matches the query parsed in their article's
 * language: one index scan per language, ranked on the stored vectors, and only the rows kept
 * are read again for their snippet. `from` joins the searched table (as `row`) to its article `a`.
 */
function fullText(from: string, row: string, shown: string) {
  const matches = LANGUAGES.map(
    ({ config, article }) => `(SELECT ${row}.id, ts_rank(${row}."searchVector", q)::float8 AS rank,
              '${config}'::regconfig AS config, q
         FROM ${from}, websearch_to_tsquery('${config}', $1) AS q
        WHERE ${row}."searchVector" @@ q AND ${article})`,
  );
  return (query: string, limit: number) =>
    prisma.$queryRawUnsafe<Row[]>(
      `WITH best AS (${matches.join(" UNION ALL ")} ORDER BY rank DESC, id LIMIT $3)
       SELECT best.id::text AS id, ts_headline(best.config, ${shown}, best.q, $2) AS marked, best.rank
         FROM ${from} JOIN best ON ${row}.id = best.id
        ORDER BY best.rank DESC, best.id`,
      query,
      HEADLINE_OPTIONS,
      limit,
    );
}

const searchArticles = fullText(`"Article" a`, "a", `coalesce(a."title" || E'\\n', '') || a."text"`);
const searchQuotes = fullText(`"Quote" qt JOIN "Article" a ON a.id = qt."articleId"`, "qt", `qt."text"`);

async function searchActors(query: string, limit: number): Promise<Row[]> {
  // Names are short and often foreign: a substring match serves better than stemming.
  const rows = await prisma.actor.findMany({
    where: {
      OR: [
        { name: { contains: query, mode: "insensitive" } },
        { aliases: { hasSome: [query, query.toLowerCase(), capitalise(query)] } },
      ],
    },
    // Served by the name (trigram) and alias indexes, ordered by the stored mention count.
    select: { id: true, name: true, mentionCount: true },
    orderBy: [{ mentionCount: "desc" }, { name: "asc" }],
    take: limit,
  });
  return rows.map((actor) => {
    const at = actor.name.toLowerCase().indexOf(query.toLowerCase());
    const marked =
      at < 0
        ? actor.name
        : `${actor.name.slice(0, at)}${START}${actor.name.slice(at, at + query.length)}${STOP}${actor.name.slice(at + query.length)}`;
    return { id: actor.id, marked, rank: actor.mentionCount };
  });
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

async function attach<Node extends { id: string }>(rows: Row[], load: (ids: string[]) => Promise<Node[]>) {
  const nodes = new Map((await load(rows.map((row) => row.id))).map((node) => [node.id, node]));
  return rows.flatMap((row) => {
    const node = nodes.get(row.id);
    return node ? [{ node, rank: row.rank, ...parseHeadline(row.marked) }] : [];
  });
}

builder.queryFields((t) => ({
  search: t.field({
    type: SearchResults,
    description:
      "Full-text search over articles, actors and quotes (German and English stemming; quotes, OR and -word work as on web search engines).",
    args: {
      query: t.arg.string({
        required: true,
        description: 'What to look for, e.g. "Waffenlieferungen Nordkorea".',
      }),
      first: t.arg.int({ description: "At most this many of each kind (1..100, default 10)." }),
    },
    resolve: async (_root, args, context, info) => {
      const query = args.query.trim();
      if (!query)
        throw new GraphQLError("The search query is empty.", { extensions: { code: "BAD_USER_INPUT" } });
      if (query.length > 500) {
        throw new GraphQLError("The search query is over 500 characters.", {
          extensions: { code: "BAD_USER_INPUT" },
        });
      }
      const limit = pageSize({ first: args.first }, 10);
      const [articleRows, actorRows, quoteRows] = await Promise.all([
        searchArticles(query, limit),
        searchActors(query, limit),
        searchQuotes(query, limit),
      ]);
      // Each kind's nodes load what the query asks of them, nested fields included (an
      // article's columns only as asked: its text may be a megabyte).
      const planned = (kind: string, select?: { id: true }) =>
        queryFromInfo({ context, info, path: [kind, "node"], ...(select ? { select } : {}) });
      const [articles, actors, quotes] = await Promise.all([
        attach(articleRows, (ids) =>
          prisma.article.findMany({ ...planned("articles", { id: true }), where: { id: { in: ids } } }),
        ),
        attach(actorRows, (ids) =>
          prisma.actor.findMany({ ...planned("actors"), where: { id: { in: ids } } }),
        ),
        attach(quoteRows, (ids) =>
          prisma.quote.findMany({ ...planned("quotes"), where: { id: { in: ids } } }),
        ),
      ]);
      return { articles, actors, quotes };
    },
  }),
}));
