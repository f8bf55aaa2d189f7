import { useQuery } from "urql";
import { Link } from "wouter";
import { ExportLinks, tableExports } from "../components/ExportLinks.tsx";
import { QueryView } from "../components/QueryView.tsx";
import { whenText, whoText } from "../components/Timeline.tsx";
import { useTitle } from "../components/useTitle.ts";
import { graphql } from "../graphql.ts";
import { formatDay, modalityText, plural } from "../lib/format.ts";
import { kindLabel } from "../lib/kinds.ts";

const ActorDocument = graphql(`
  query ActorPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Actor {
        id
        name
        kind
        description
        aliases
        wikidataId
        wikidataUrl
        articles(first: 50) {
          totalCount
          edges {
            description
            mentionCount
            node {
              id
              slug
              displayTitle
              publishedAt
            }
          }
        }
        mentions(first: 100) {
          totalCount
          nodes {
            text
            form
            start
            article {
              id
              slug
            }
          }
        }
        quotes(first: 50) {
          totalCount
          nodes {
            id
            kind
            text
            article {
              id
              slug
              displayTitle
              publishedAt
            }
          }
        }
        events(first: 50) {
          totalCount
          edges {
            role
            node {
              id
              cameo
              cameoLabel
              summary
              modality
              attributedTo {
                id
                name
              }
              time {
                start
                end
                precision
                direction
                span {
                  text
                }
              }
              participants {
                role
                actor {
                  id
                  name
                  kind
                }
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
    }
  }
`);

/** Sent by its id only: `npm run generate:client` lists it in client/persisted-operations.json. */
export const ActorQuery = graphql.persisted<typeof ActorDocument>(
  "sha256:0e3a7c254d38169eacecc7438b68852db7d41b780988a6895fb5be12a312d624",
  ActorDocument,
);

const ROLE_WORDS = {
  AGENT: "agent",
  RECIPIENT: "recipient",
  TARGET: "target",
  PARTICIPANT: "participant",
} as const;

/** One actor across all articles: where it is mentioned, what it said, what it did. */
export function ActorPage({ id }: { id: string }) {
  const [result, reexecute] = useQuery({ query: ActorQuery, variables: { id } });
  const actor = result.data?.node?.__typename === "Actor" ? result.data.node : null;
  useTitle(actor && "name" in actor ? actor.name : null);
  return (
    <QueryView
      result={result}
      what="the actor"
      retry={() => reexecute({ requestPolicy: "network-only" })}
      isEmpty={(data) => data.node?.__typename !== "Actor"}
      empty={
        <>
          <h1>No such actor</h1>
          <p>
            It may have gone with a deleted article. <Link href="/">See all articles</Link>.
          </p>
        </>
      }
    >
      {(data) => {
        const node = data.node;
        if (node?.__typename !== "Actor" || !("name" in node)) return null;
        const mentionsByArticle = new Map<string, string[]>();
        for (const mention of node.mentions.nodes) {
          const list = mentionsByArticle.get(mention.article.id) ?? [];
          list.push(mention.text);
          mentionsByArticle.set(mention.article.id, list);
        }
        return (
          <article className="actor-page" aria-labelledby="actor-heading">
            <p className="breadcrumb">
              <Link href="/">← All articles</Link>
            </p>
            <h1 id="actor-heading">
              <span className={`kind-key k-${node.kind}`} aria-hidden="true" /> {node.name}
            </h1>
            <p className="meta">
              {kindLabel(node.kind)}
              {node.description ? ` · ${node.description}` : ""}
              {node.wikidataUrl ? (
                <>
                  {" · "}
                  <a href={node.wikidataUrl} target="_blank" rel="noreferrer">
                    Wikidata {node.wikidataId}
                  </a>
                </>
              ) : null}
            </p>
            {node.aliases.length ? <p className="meta">Also called: {node.aliases.join(", ")}</p> : null}
            <p className="counts">
              {plural(node.mentions.totalCount, "mention")} in {plural(node.articles.totalCount, "article")} ·{" "}
              {plural(node.quotes.totalCount, "quote")} · {plural(node.events.totalCount, "event")}
            </p>
            <ExportLinks links={tableExports({ speaker: node.id }, { actor: node.id })} />

            <section aria-labelledby="actor-articles">
              <h2 id="actor-articles">Mentions, by article</h2>
              <ul className="article-list">
                {node.articles.edges.map((edge) => (
                  <li key={edge.node.id} className="article-item">
                    <Link
                      className="article-title"
                      href={`/articles/${encodeURIComponent(edge.node.slug)}?actor=${encodeURIComponent(node.id)}`}
                    >
                      {edge.node.displayTitle}
                    </Link>
                    <p className="meta">
                      {edge.node.publishedAt ? formatDay(edge.node.publishedAt) : "undated"} ·{" "}
                      {plural(edge.mentionCount, "mention")}
                      {edge.description ? ` · as “${edge.description}”` : ""}
                    </p>
                    <p className="snippet">
                      {[...new Set(mentionsByArticle.get(edge.node.id) ?? [])]
                        .map((text) => `“${text}”`)
                        .join(", ")}
                    </p>
                  </li>
                ))}
              </ul>
            </section>

            <section aria-labelledby="actor-quotes">
              <h2 id="actor-quotes">What {node.name} said</h2>
              {node.quotes.nodes.length ? (
                <ol className="quote-list">
                  {node.quotes.nodes.map((quote) => (
                    <li key={quote.id} className="quote-item">
                      <blockquote className={quote.kind === "INDIRECT" ? "indirect" : undefined}>
                        {quote.text}
                      </blockquote>
                      <p className="meta">
                        <Link
                          href={`/articles/${encodeURIComponent(quote.article.slug)}?quote=${encodeURIComponent(quote.id)}`}
                        >
                          {quote.article.displayTitle}
                        </Link>
                        {quote.article.publishedAt ? ` · ${formatDay(quote.article.publishedAt)}` : ""}
                      </p>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="notice empty">No quotes.</p>
              )}
            </section>

            <section aria-labelledby="actor-events">
              <h2 id="actor-events">Events, earliest first</h2>
              {node.events.edges.length ? (
                <ol className="panel-events">
                  {node.events.edges.map(({ role, node: event }) => (
                    <li key={event.id}>
                      <Link
                        href={`/articles/${encodeURIComponent(event.article.slug)}?event=${encodeURIComponent(event.id)}`}
                      >
                        {event.summary}
                      </Link>
                      <span className="meta">
                        {" "}
                        {event.cameoLabel} · {whenText(event)} · {whoText(event)} · as {ROLE_WORDS[role]} ·{" "}
                        {modalityText(event.modality, event.attributedTo)}
                      </span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="notice empty">No events.</p>
              )}
            </section>
          </article>
        );
      }}
    </QueryView>
  );
}
