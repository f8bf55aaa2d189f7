import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { plural } from "../lib/format.ts";
import { type ActorKind, kindLabel } from "../lib/kinds.ts";

/** An actor as one article presents it, with what it says and does there. */
export type ActorInArticle = {
  id: string;
  name: string;
  kind: ActorKind;
  wikidataId: string | null;
  wikidataUrl: string | null;
  description: string | null;
  mentionCount: number;
  quoteCount: number;
  eventCount: number;
};

type Props = {
  actor: ActorInArticle;
  anchor: HTMLElement;
  /** Opened by a click (a dialog that keeps focus) rather than by hover or focus. */
  pinned: boolean;
  /** Why the extractor chose this actor as a quote's speaker (opened from its chip). */
  why?: string | null;
  onClose: () => void;
  onFocusActor: (id: string) => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
};

/** Name, kind, role, Wikidata link and counts, next to the mention or chip it belongs to. */
export function ActorCard({
  actor,
  anchor,
  pinned,
  why = null,
  onClose,
  onFocusActor,
  onPointerEnter,
  onPointerLeave,
}: Props) {
  const card = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const place = () => {
      const rect = anchor.getBoundingClientRect();
      const width = card.current?.offsetWidth ?? 300;
      const left = Math.min(
        Math.max(8, rect.left + window.scrollX),
        window.scrollX + document.documentElement.clientWidth - width - 8,
      );
      setPosition({ top: rect.bottom + window.scrollY + 6, left });
    };
    place();
    window.addEventListener("resize", place);
    return () => window.removeEventListener("resize", place);
  }, [anchor]);

  useEffect(() => {
    if (!pinned) return;
    heading.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        onClose();
        anchor.focus();
      }
    };
    const onDown = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!card.current?.contains(target) && !anchor.contains(target)) onClose();
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onDown);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onDown);
    };
  }, [pinned, onClose, anchor]);

  return (
    <section
      ref={card}
      className={`actor-card k-${actor.kind}`}
      role={pinned ? "dialog" : undefined}
      aria-labelledby="actor-card-name"
      data-testid="actor-card"
      style={position ? { top: position.top, left: position.left } : { visibility: "hidden" }}
      onMouseEnter={onPointerEnter}
      onMouseLeave={onPointerLeave}
    >
      <h2 id="actor-card-name" ref={heading} tabIndex={-1}>
        {actor.name}
      </h2>
      <p className="card-kind">
        <span className={`kind-key k-${actor.kind}`} aria-hidden="true" />
        {kindLabel(actor.kind)}
        {actor.description ? ` · ${actor.description}` : ""}
      </p>
      {why ? (
        <p className="card-why" data-testid="speaker-why">
          speaker: {why}
        </p>
      ) : null}
      <p className="card-counts">
        In this article: {plural(actor.mentionCount, "mention")}, {plural(actor.quoteCount, "quote")},{" "}
        {plural(actor.eventCount, "event")}
      </p>
      <p className="card-links">
        {actor.wikidataUrl ? (
          <a href={actor.wikidataUrl} target="_blank" rel="noreferrer">
            Wikidata {actor.wikidataId}
          </a>
        ) : (
          <span>No Wikidata item</span>
        )}
        <Link href={`/actors/${encodeURIComponent(actor.id)}`}>All articles</Link>
      </p>
      {pinned ? (
        <p className="card-actions">
          <button type="button" onClick={() => onFocusActor(actor.id)}>
            Focus in text
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </p>
      ) : null}
    </section>
  );
}
