import { Link } from "wouter";
import { plural } from "../lib/format.ts";
import { kindLabel } from "../lib/kinds.ts";
import type { ActorInArticle } from "./ActorCard.tsx";
import { type CitedArticle, type Quote, QuoteList } from "./QuoteList.tsx";
import { type Event, whenText, whoText } from "./Timeline.tsx";

const ROLE_WORDS = {
  AGENT: "does",
  RECIPIENT: "receives",
  TARGET: "is targeted",
  PARTICIPANT: "takes part",
} as const;

type Props = {
  actor: ActorInArticle;
  quotes: readonly Quote[];
  events: readonly Event[];
  article: CitedArticle;
  onClear: () => void;
  onSpeaker: (id: string) => void;
  onEvent: (id: string) => void;
};

/** The focused actor: who it is, what it said and what it did in this article. */
export function ActorPanel({ actor, quotes, events, article, onClear, onSpeaker, onEvent }: Props) {
  return (
    <section className="actor-panel" aria-labelledby="actor-panel-heading" data-testid="actor-panel">
      <h2 id="actor-panel-heading" className="panel-heading" tabIndex={-1}>
        <span className={`kind-key k-${actor.kind}`} aria-hidden="true" /> {actor.name}
      </h2>
      <p className="meta">
        {kindLabel(actor.kind)}
        {actor.description ? ` · ${actor.description}` : ""} · {plural(actor.mentionCount, "mention")}
      </p>
      <p className="panel-links">
        {actor.wikidataUrl ? (
          <a href={actor.wikidataUrl} target="_blank" rel="noreferrer">
            Wikidata {actor.wikidataId}
          </a>
        ) : null}
        <Link href={`/actors/${encodeURIComponent(actor.id)}`}>Across all articles</Link>
        <button type="button" onClick={onClear}>
          Show all actors
        </button>
      </p>
      <h3>What {actor.name} said</h3>
      <QuoteList
        quotes={quotes}
        article={article}
        onSpeaker={onSpeaker}
        emptyText="No quote in this article."
      />
      <h3>What {actor.name} did or underwent</h3>
      {events.length ? (
        <ul className="panel-events">
          {events.map((event) => {
            const role = event.participants.find((p) => p.actor.id === actor.id)?.role;
            return (
              <li key={event.id}>
                <button type="button" className="link-button" onClick={() => onEvent(event.id)}>
                  {event.summary}
                </button>
                <span className="meta">
                  {" "}
                  {event.cameoLabel} · {whenText(event)} · {whoText(event)}
                  {role ? ` (${ROLE_WORDS[role]})` : event.attributedTo?.id === actor.id ? " (says so)" : ""}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="notice empty">No event in this article.</p>
      )}
    </section>
  );
}
