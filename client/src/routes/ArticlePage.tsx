import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { useQuery } from "urql";
import { Link, useSearchParams } from "wouter";
import { speakerWhy } from "../../../server/extract/rules/speakers.ts";
import { ActorCard, type ActorInArticle } from "../components/ActorCard.tsx";
import { ActorPanel } from "../components/ActorPanel.tsx";
import { ArticleText } from "../components/ArticleText.tsx";
import { ExportLinks, tableExports } from "../components/ExportLinks.tsx";
import { Legend } from "../components/Legend.tsx";
import { QueryView } from "../components/QueryView.tsx";
import { type Quote, QuoteList } from "../components/QuoteList.tsx";
import { Timeline } from "../components/Timeline.tsx";
import { useTitle } from "../components/useTitle.ts";
import type { ResultOf } from "../graphql.ts";
import { formatDay, languageName, plural } from "../lib/format.ts";
import type { ActorKind } from "../lib/kinds.ts";
import { ArticleQuery } from "./ArticlePage.query.ts";

// Cytoscape is large: load it only when an article is shown, after the text.
const ActorNetwork = lazy(() =>
  import("../components/ActorNetwork.tsx").then((module) => ({ default: module.ActorNetwork })),
);

type Article = NonNullable<ResultOf<typeof ArticleQuery>["article"]>;

export function ArticlePage({ slug }: { slug: string }) {
  const [result, reexecute] = useQuery({ query: ArticleQuery, variables: { slug } });
  useTitle(result.data?.article?.displayTitle ?? null);
  return (
    <QueryView
      result={result}
      what="the article"
      retry={() => reexecute({ requestPolicy: "network-only" })}
      isEmpty={(data) => !data.article}
      empty={
        <>
          <h1>No such article</h1>
          <p>
            Nothing is stored under “{slug}”. <Link href="/">See all articles</Link>.
          </p>
        </>
      }
    >
      {(data) => (data.article ? <ArticleView article={data.article} /> : null)}
    </QueryView>
  );
}

/** `why`: how the extractor chose the speaker, when the card was opened from a quote's chip. */
type Card = { actorId: string; anchor: HTMLElement; pinned: boolean; why?: string | null };

function useActorsInArticle(article: Article) {
  return useMemo(() => {
    const byId = new Map<string, ActorInArticle>();
    const quoteCount = new Map<string, number>();
    for (const quote of article.quotes.nodes) {
      if (quote.speaker) quoteCount.set(quote.speaker.id, (quoteCount.get(quote.speaker.id) ?? 0) + 1);
    }
    const eventCount = new Map<string, number>();
    for (const event of article.events.nodes) {
      for (const id of new Set(event.participants.map((p) => p.actor.id))) {
        eventCount.set(id, (eventCount.get(id) ?? 0) + 1);
      }
    }
    for (const edge of article.actors.edges) {
      byId.set(edge.node.id, {
        ...edge.node,
        description: edge.description,
        mentionCount: edge.mentionCount,
        quoteCount: quoteCount.get(edge.node.id) ?? 0,
        eventCount: eventCount.get(edge.node.id) ?? 0,
      });
    }
    // An actor past the first page of actors still gets a card from its mentions.
    for (const mention of article.mentions) {
      if (byId.has(mention.actor.id)) continue;
      byId.set(mention.actor.id, {
        ...mention.actor,
        wikidataId: null,
        wikidataUrl: null,
        description: null,
        mentionCount: article.mentions.filter((m) => m.actor.id === mention.actor.id).length,
        quoteCount: quoteCount.get(mention.actor.id) ?? 0,
        eventCount: eventCount.get(mention.actor.id) ?? 0,
      });
    }
    return byId;
  }, [article]);
}

function ArticleView({ article }: { article: Article }) {
  const [params, setParams] = useSearchParams();
  const focusedActor = params.get("actor");
  const targetQuote = params.get("quote");
  const selectedEvent = params.get("event");
  const [hiddenKinds, setHiddenKinds] = useState<ReadonlySet<ActorKind>>(new Set());
  const [card, setCard] = useState<Card | null>(null);
  const hideTimer = useRef<number | undefined>(undefined);
  const actors = useActorsInArticle(article);
  // The text comes first; the panel, timeline and network follow in a second, interruptible render.
  const showRest = useDeferredValue(true, false);
  const quotes = article.quotes.nodes;
  const events = article.events.nodes;

  const setParam = useCallback(
    (key: "actor" | "quote" | "event", value: string | null) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const focusActor = useCallback(
    (id: string) => {
      setCard(null);
      setParam("actor", id === focusedActor ? null : id);
    },
    [focusedActor, setParam],
  );

  const handlers = useMemo(
    () => ({
      onShowCard: (actorId: string, anchor: HTMLElement) => {
        window.clearTimeout(hideTimer.current);
        setCard((current) => (current?.pinned ? current : { actorId, anchor, pinned: false }));
      },
      // A short delay lets the pointer travel from the mention into the card.
      onHideCard: () => {
        window.clearTimeout(hideTimer.current);
        hideTimer.current = window.setTimeout(
          () => setCard((current) => (current?.pinned ? current : null)),
          250,
        );
      },
      onFocusActor: focusActor,
      onSpeakerChip: (quote: Quote, anchor: HTMLElement) => {
        if (quote.speaker) {
          const why = quote.speakerRule ? speakerWhy(quote.speakerRule, quote.cue?.text ?? null) : null;
          setCard({ actorId: quote.speaker.id, anchor, pinned: true, why });
        }
      },
    }),
    [focusActor],
  );

  // Deep links: scroll to the quote or to the selected event's evidence once the text is there.
  useEffect(() => {
    const target = targetQuote
      ? document.getElementById(`quote-${targetQuote}`)
      : selectedEvent
        ? document.getElementById("evidence-start")
        : null;
    target?.scrollIntoView({ block: "center" });
  }, [targetQuote, selectedEvent]);

  const evidence = events.find((event) => event.id === selectedEvent)?.evidence ?? null;
  const kindCounts = useMemo(() => {
    const counts = new Map<ActorKind, number>();
    for (const actor of actors.values()) counts.set(actor.kind, (counts.get(actor.kind) ?? 0) + 1);
    return counts;
  }, [actors]);
  const focused = focusedActor ? actors.get(focusedActor) : undefined;
  const cardActor = card ? actors.get(card.actorId) : undefined;
  const cited = article;

  return (
    <article className="article-view" aria-labelledby="article-heading">
      <header className="article-header">
        <p className="breadcrumb">
          <Link href="/">← All articles</Link>
        </p>
        <h1 id="article-heading">{article.displayTitle}</h1>
        <p className="meta">
          {[
            article.source,
            article.publishedAt ? formatDay(article.publishedAt) : "undated",
            languageName(article.language),
          ]
            .filter(Boolean)
            .join(" · ")}
          {article.url ? (
            <>
              {" · "}
              <a href={article.url} rel="noreferrer">
                original
              </a>
            </>
          ) : null}
        </p>
        <p className="counts">
          {plural(article.actors.totalCount, "actor")} · {plural(article.quotes.totalCount, "quote")} ·{" "}
          {plural(article.events.totalCount, "event")}
        </p>
        <ExportLinks
          label={focused ? `Export (${focused.name})` : "Export"}
          links={[
            ...tableExports(
              { article: article.slug, speaker: focused?.id },
              { article: article.slug, actor: focused?.id },
            ),
            { label: "Annotation JSON", file: "annotation.json", filters: { article: article.slug } },
          ]}
        />
      </header>
      <div className="article-layout">
        <div className={`article-main${focusedActor ? " has-focus" : ""}`}>
          <ArticleText
            article={article}
            quotes={quotes}
            evidence={evidence}
            focusedActor={focusedActor}
            hiddenKinds={hiddenKinds}
            highlightedQuote={targetQuote}
            {...handlers}
          />
        </div>
        <aside className="article-side" aria-label="Actors and quotes">
          {showRest ? (
            <>
              <Legend
                counts={kindCounts}
                hidden={hiddenKinds}
                onToggle={(kind) =>
                  setHiddenKinds((current) => {
                    const next = new Set(current);
                    if (!next.delete(kind)) next.add(kind);
                    return next;
                  })
                }
              />
              {focused ? (
                <ActorPanel
                  actor={focused}
                  quotes={quotes.filter((quote) => quote.speaker?.id === focused.id)}
                  events={events.filter(
                    (event) =>
                      event.participants.some((p) => p.actor.id === focused.id) ||
                      event.attributedTo?.id === focused.id,
                  )}
                  article={cited}
                  onClear={() => setParam("actor", null)}
                  onSpeaker={focusActor}
                  onEvent={(id) => setParam("event", id)}
                />
              ) : (
                <>
                  <section aria-labelledby="actors-heading">
                    <h2 id="actors-heading" className="panel-heading">
                      Actors
                    </h2>
                    {actors.size ? (
                      <ul className="chip-list">
                        {[...actors.values()].map((actor) => (
                          <li key={actor.id}>
                            <button
                              type="button"
                              className={`chip k-${actor.kind}`}
                              onClick={() => focusActor(actor.id)}
                            >
                              {actor.name} <span className="chip-count">{actor.mentionCount}</span>
                            </button>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="notice empty">No actors found in this article.</p>
                    )}
                  </section>
                  <section aria-labelledby="quotes-heading">
                    <h2 id="quotes-heading" className="panel-heading">
                      Quotes
                    </h2>
                    <QuoteList
                      quotes={quotes}
                      article={cited}
                      onSpeaker={focusActor}
                      emptyText="No quotes found."
                    />
                  </section>
                </>
              )}
            </>
          ) : null}
        </aside>
      </div>
      {showRest ? (
        <>
          <section aria-labelledby="timeline-heading" className="wide-section">
            <h2 id="timeline-heading">Events in time</h2>
            <p className="hint">Select an event to highlight its evidence in the text.</p>
            <Timeline events={events} selected={selectedEvent} onSelect={(id) => setParam("event", id)} />
          </section>
          <section aria-labelledby="network-heading" className="wide-section">
            <h2 id="network-heading">Who did what to whom</h2>
            <Suspense
              fallback={
                <p role="status" className="notice loading">
                  Loading the network…
                </p>
              }
            >
              <ActorNetwork
                actors={[...actors.values()]}
                events={events}
                onActor={focusActor}
                onEvent={(id) => setParam("event", id)}
              />
            </Suspense>
          </section>
        </>
      ) : null}
      {card && cardActor ? (
        <ActorCard
          actor={cardActor}
          anchor={card.anchor}
          pinned={card.pinned}
          why={card.why ?? null}
          onClose={() => setCard(null)}
          onFocusActor={focusActor}
          onPointerEnter={() => window.clearTimeout(hideTimer.current)}
          onPointerLeave={handlers.onHideCard}
        />
      ) : null}
    </article>
  );
}
