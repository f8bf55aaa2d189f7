import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql, type VariablesOf } from "../graphql.ts";
import { formatDay, languageName, plural } from "../lib/format.ts";
import { QueryView } from "./QueryView.tsx";

export const PAGE_SIZE = 20;

const ArticleListDocument = graphql(`
  query ArticleList($first: Int, $after: String, $last: Int, $before: String, $filter: ArticleFilter) {
    articles(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        slug
        displayTitle
        source
        language
        publishedAt
        actors(first: 1) {
          totalCount
        }
        quotes(first: 1) {
          totalCount
        }
        events(first: 1) {
          totalCount
        }
      }
    }
  }
`);

/** Sent by its id only: `npm run generate:client` lists it in client/persisted-operations.json. */
export const ArticleListQuery = graphql.persisted<typeof ArticleListDocument>(
  "sha256:ea6ef5911e10bb5114fff5bcac89af3b8754b47349c02bef8726d22e7a7835d1",
  ArticleListDocument,
);

type Props = {
  filter: VariablesOf<typeof ArticleListQuery>["filter"];
  after: string | null;
  before: string | null;
  onPage: (page: { after: string } | { before: string }) => void;
  filtered: boolean;
};

export function ArticleList({ filter, after, before, onPage, filtered }: Props) {
  const [result, reexecute] = useQuery({
    query: ArticleListQuery,
    variables: before ? { last: PAGE_SIZE, before, filter } : { first: PAGE_SIZE, after, filter },
    requestPolicy: "cache-and-network",
  });
  return (
    <QueryView
      result={result}
      what="articles"
      retry={() => reexecute({ requestPolicy: "network-only" })}
      isEmpty={(data) => data.articles.totalCount === 0}
      empty={
        filtered ? (
          <p>No article matches these filters.</p>
        ) : (
          <p>
            No articles yet. <Link href="/ingest">Add one</Link>, or send one to the API.
          </p>
        )
      }
    >
      {({ articles }) => (
        <section aria-labelledby="article-list-heading">
          <h2 id="article-list-heading">{plural(articles.totalCount, "article")}</h2>
          <ol className="article-list">
            {articles.nodes.map((article) => (
              <li key={article.id} className="article-item">
                <Link href={`/articles/${encodeURIComponent(article.slug)}`} className="article-title">
                  {article.displayTitle}
                </Link>
                <p className="meta">
                  {[
                    article.source,
                    article.publishedAt ? formatDay(article.publishedAt) : "undated",
                    languageName(article.language),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                <p className="counts">
                  {plural(article.actors.totalCount, "actor")} · {plural(article.quotes.totalCount, "quote")}{" "}
                  · {plural(article.events.totalCount, "event")}
                </p>
              </li>
            ))}
          </ol>
          {articles.pageInfo.hasPreviousPage || articles.pageInfo.hasNextPage ? (
            <nav className="pager" aria-label="Pages of articles">
              <button
                type="button"
                disabled={!articles.pageInfo.hasPreviousPage || !articles.pageInfo.startCursor}
                onClick={() =>
                  articles.pageInfo.startCursor && onPage({ before: articles.pageInfo.startCursor })
                }
              >
                ← Newer
              </button>
              <button
                type="button"
                disabled={!articles.pageInfo.hasNextPage || !articles.pageInfo.endCursor}
                onClick={() => articles.pageInfo.endCursor && onPage({ after: articles.pageInfo.endCursor })}
              >
                Older →
              </button>
            </nav>
          ) : null}
        </section>
      )}
    </QueryView>
  );
}
