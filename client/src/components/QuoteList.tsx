import { useState } from "react";
import { Link } from "wouter";
import type { ResultOf } from "../graphql.ts";
import { formatDay } from "../lib/format.ts";
import type { QuoteFields } from "./QuoteList.fragment.ts";

export type Quote = ResultOf<typeof QuoteFields>;

export type CitedArticle = {
  slug: string;
  displayTitle: string;
  source: string | null;
  publishedAt: string | null;
  url: string | null;
};

/** Speaker, words, article, date and a link: the original's when known, else the reader's at the quote. */
export function citation(quote: Quote, article: CitedArticle): string {
  const who = quote.speaker?.name ?? "Unattributed";
  const where = [
    article.displayTitle,
    article.source,
    article.publishedAt ? formatDay(article.publishedAt) : null,
  ]
    .filter(Boolean)
    .join(", ");
  const link =
    article.url ??
    `${location.origin}/articles/${encodeURIComponent(article.slug)}?quote=${encodeURIComponent(quote.id)}`;
  const words = quote.kind === "INDIRECT" ? quote.text : `“${quote.text}”`;
  return `${who}: ${words} — ${where}. ${link}`;
}

export function CopyCitation({ quote, article }: { quote: Quote; article: CitedArticle }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const text = citation(quote, article);
  return (
    <span className="copy-citation">
      <button
        type="button"
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setState("copied"),
            () => setState("failed"),
          );
        }}
      >
        Copy citation
      </button>
      <span role="status" className="copy-state">
        {state === "copied" ? "Copied" : null}
      </span>
      {state === "failed" ? (
        <label className="copy-fallback">
          The browser refused the clipboard; copy it from here:
          <textarea readOnly value={text} rows={3} onFocus={(event) => event.currentTarget.select()} />
        </label>
      ) : null}
    </span>
  );
}

const KIND_WORDS = { DIRECT: "Direct", INDIRECT: "Indirect", PARTIAL: "Partial", MIXED: "Mixed" } as const;

type Props = {
  quotes: readonly Quote[];
  article: CitedArticle;
  onSpeaker: (actorId: string) => void;
  emptyText: string;
};

/** The article's quotes in text order: speaker, kind and cue, words, a deep link and a citation. */
export function QuoteList({ quotes, article, onSpeaker, emptyText }: Props) {
  if (!quotes.length) return <p className="notice empty">{emptyText}</p>;
  return (
    <ol className="quote-list">
      {quotes.map((quote) => (
        <li key={quote.id} className="quote-item">
          <p className="quote-head">
            {quote.speaker ? (
              <button
                type="button"
                className={`chip k-${quote.speaker.kind}`}
                onClick={() => quote.speaker && onSpeaker(quote.speaker.id)}
              >
                {quote.speaker.name}
              </button>
            ) : (
              <span className="chip unattributed">Unattributed</span>
            )}{" "}
            <span className="tag">{KIND_WORDS[quote.kind]}</span>
            {quote.cue ? <span className="tag">cue „{quote.cue.text}“</span> : null}
            {quote.via ? <span className="tag">via {quote.via.name}</span> : null}
          </p>
          <blockquote className={quote.kind === "INDIRECT" ? "indirect" : undefined}>{quote.text}</blockquote>
          <p className="quote-actions">
            <Link
              href={`/articles/${encodeURIComponent(article.slug)}?quote=${encodeURIComponent(quote.id)}`}
            >
              Show in text
            </Link>
            <CopyCitation quote={quote} article={article} />
          </p>
        </li>
      ))}
    </ol>
  );
}
