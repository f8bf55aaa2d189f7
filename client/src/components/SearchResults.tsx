import { useQuery } from "urql";
import { Link } from "wouter";
import { graphql } from "../graphql.ts";
import { formatDay, languageName } from "../lib/format.ts";
import { kindLabel } from "../lib/kinds.ts";
import { Highlighted } from "./Highlighted.tsx";
import { QueryView } from "./QueryView.tsx";

const SearchDocument = graphql(`
  query Search($query: String!) {
    search(query: $query, first: 10) {
      articles {
        snippet
        highlights {
          start
          end
        }
        node {
          id
          slug
          displayTitle
          source
          language
          publishedAt
        }
      }
      actors {
        snippet
        highlights {
          start
          end
        }
        node {
          id
          name
          kind
        }
      }
      quotes {
        snippet
        highlights {
          start
          end
        }
        node {
          id
          kind
          speaker {
            id
            name
          }
          article {
            id
            slug
            displayTitle
          }
        }
      }
    }
  }
`);

/** Sent by its id only: `npm run generate:client` lists it in client/persisted-operations.json. */
export const SearchQuery = graphql.persisted<typeof SearchDocument>(
  "sha256:e3531fe361759985751bd3f32a6d3c1cd91c640bc81134f19bba0bc41cdb10cf",
  SearchDocument,
);

export function SearchResults({ query }: { query: string }) {
  const [result, reexecute] = useQuery({ query: SearchQuery, variables: { query } });
  return (
    <QueryView
      result={result}
      what="search results"
      retry={() => reexecute({ requestPolicy: "network-only" })}
      isEmpty={({ search }) => !search.articles.length && !search.actors.length && !search.quotes.length}
      empty={<p>Nothing matches “{query}”. Try fewer or other words.</p>}
    >
      {({ search }) => (
        <section aria-labelledby="search-heading" className="search-results">
          <h2 id="search-heading">Results for “{query}”</h2>
          {search.articles.length ? (
            <>
              <h3>Articles</h3>
              <ol className="article-list">
                {search.articles.map((hit) => (
                  <li key={hit.node.id} className="article-item">
                    <Link href={`/articles/${encodeURIComponent(hit.node.slug)}`} className="article-title">
                      {hit.node.displayTitle}
                    </Link>
                    <p className="meta">
                      {[
                        hit.node.source,
                        hit.node.publishedAt ? formatDay(hit.node.publishedAt) : "undated",
                        languageName(hit.node.language),
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                    <p className="snippet">
                      <Highlighted text={hit.snippet} ranges={hit.highlights} />
                    </p>
                  </li>
                ))}
              </ol>
            </>
          ) : null}
          {search.actors.length ? (
            <>
              <h3>Actors</h3>
              <ul className="chip-list">
                {search.actors.map((hit) => (
                  <li key={hit.node.id}>
                    <Link
                      href={`/actors/${encodeURIComponent(hit.node.id)}`}
                      className={`chip k-${hit.node.kind}`}
                    >
                      <Highlighted text={hit.snippet} ranges={hit.highlights} />
                      <span className="chip-kind"> · {kindLabel(hit.node.kind)}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {search.quotes.length ? (
            <>
              <h3>Quotes</h3>
              <ul className="quote-hits">
                {search.quotes.map((hit) => (
                  <li key={hit.node.id}>
                    <blockquote>
                      <Highlighted text={hit.snippet} ranges={hit.highlights} />
                    </blockquote>
                    <p className="meta">
                      {hit.node.speaker?.name ?? "Unattributed"} in{" "}
                      <Link
                        href={`/articles/${encodeURIComponent(hit.node.article.slug)}?quote=${encodeURIComponent(hit.node.id)}`}
                      >
                        {hit.node.article.displayTitle}
                      </Link>
                    </p>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      )}
    </QueryView>
  );
}
