import { Fragment, memo, useMemo } from "react";
import type { ResultOf } from "../graphql.ts";
import { type ActorKind, kindLabel } from "../lib/kinds.ts";
import {
  type Chip,
  chipOffset,
  type Piece,
  paragraphs,
  piecesOf,
  type QuotePart,
  renderableMentions,
  type Span,
} from "../lib/pieces.ts";
import type { ArticleTextFields } from "./ArticleText.fragment.ts";
import type { Quote } from "./QuoteList.tsx";

type Mention = ResultOf<typeof ArticleTextFields>["mentions"][number];

export type MentionHandlers = {
  onShowCard: (actorId: string, anchor: HTMLElement) => void;
  onHideCard: () => void;
  onFocusActor: (actorId: string) => void;
  onSpeakerChip: (quote: Quote, anchor: HTMLElement) => void;
};

type Props = MentionHandlers & {
  article: ResultOf<typeof ArticleTextFields>;
  quotes: readonly Quote[];
  evidence: Span | null;
  focusedActor: string | null;
  hiddenKinds: ReadonlySet<ActorKind>;
  highlightedQuote: string | null;
};

const FORM_WORDS = { NAME: "by name", NOMINAL: "by description", PRONOUN: "by pronoun" } as const;

/**
 * The article's text: each actor mention a <mark> (one per renderable mention, see
 * renderableMentions), quotes set off with their speaker chip, boilerplate folded away and
 * reader comments apart.
 */
export const ArticleText = memo(function ArticleText(props: Props) {
  const { article, quotes, evidence } = props;
  const mentions = useMemo(() => renderableMentions(article.mentions), [article.mentions]);
  const quoteParts = useMemo(
    () =>
      quotes.flatMap((quote) =>
        quote.parts.map(
          (part, index): QuotePart => ({
            start: part.start,
            end: part.end,
            quote: quote.id,
            first: index === 0,
          }),
        ),
      ),
    [quotes],
  );
  const chips = useMemo(
    () =>
      quotes.map(
        (quote): Chip => ({
          at: chipOffset(article.text, quote.parts.at(-1)?.end ?? quote.end),
          quote: quote.id,
        }),
      ),
    [quotes, article.text],
  );
  const cues = useMemo(() => quotes.flatMap((quote) => (quote.cue ? [quote.cue] : [])), [quotes]);
  const quotesById = useMemo(() => new Map(quotes.map((quote) => [quote.id, quote])), [quotes]);

  const renderParagraph = (paragraph: Span) => {
    const pieces = piecesOf(paragraph, mentions, quoteParts, cues, chips, evidence);
    return (
      <p key={paragraph.start} className="para">
        {pieces.map((piece) => (
          <PieceView
            key={piece.start}
            piece={piece}
            text={article.text}
            mention={piece.mention === null ? null : (mentions[piece.mention] ?? null)}
            quote={piece.chipAfter ? (quotesById.get(piece.chipAfter) ?? null) : null}
            {...props}
          />
        ))}
      </p>
    );
  };

  const body = article.segments.filter((segment) => segment.kind === "TITLE" || segment.kind === "BODY");
  const boilerplate = article.segments.filter((segment) => segment.kind === "BOILERPLATE");
  const comments = article.segments.filter((segment) => segment.kind === "COMMENT");
  return (
    <div className="article-text" data-testid="article-text" lang={article.language}>
      {body.map((segment) => (
        <div key={segment.start} className={segment.kind === "TITLE" ? "segment-title" : "segment-body"}>
          {paragraphs(article.text, segment).map(renderParagraph)}
        </div>
      ))}
      {boilerplate.length ? (
        <details className="boilerplate">
          <summary>
            Page furniture ({boilerplate.length} stretch{boilerplate.length === 1 ? "" : "es"}), not part of
            the article
          </summary>
          {boilerplate.map((segment) => (
            <div key={segment.start}>{paragraphs(article.text, segment).map(renderParagraph)}</div>
          ))}
        </details>
      ) : null}
      {comments.length ? (
        <aside className="comments" aria-labelledby="comments-heading">
          <h2 id="comments-heading">Reader comments</h2>
          <p className="note">Posted by readers under the article: not part of the article.</p>
          {comments.map((segment) => (
            <blockquote key={segment.start} className="comment">
              {paragraphs(article.text, segment).map(renderParagraph)}
            </blockquote>
          ))}
        </aside>
      ) : null}
    </div>
  );
});

type PieceProps = Props & { piece: Piece; text: string; mention: Mention | null; quote: Quote | null };

function PieceView({ piece, text, mention, quote, ...props }: PieceProps) {
  const words = text.slice(piece.start, piece.end);
  const classes = [
    piece.quote ? "in-quote" : "",
    piece.quote && piece.quote === props.highlightedQuote ? "quote-target" : "",
    piece.cue ? "cue" : "",
    piece.evidence ? "evidence" : "",
  ]
    .filter(Boolean)
    .join(" ");
  let content: React.ReactNode = words;
  if (mention) content = <MentionMark mention={mention} words={words} {...props} />;
  else if (piece.cue) content = <span title="speech cue">{words}</span>;
  return (
    <Fragment>
      {piece.quoteStart ? <span id={`quote-${piece.quoteStart}`} className="anchor" /> : null}
      {piece.evidenceStart ? <span id="evidence-start" className="anchor" /> : null}
      {classes ? <span className={classes}>{content}</span> : content}
      {quote ? <SpeakerChip quote={quote} onSpeakerChip={props.onSpeakerChip} /> : null}
    </Fragment>
  );
}

function MentionMark({ mention, words, ...props }: Props & { mention: Mention; words: string }) {
  const { actor } = mention;
  const focused = props.focusedActor === actor.id;
  const state = props.hiddenKinds.has(actor.kind)
    ? "off"
    : props.focusedActor === null
      ? ""
      : focused
        ? "lit"
        : "dim";
  return (
    <mark className={`mention k-${actor.kind} ${state}`} data-actor={actor.id}>
      <button
        type="button"
        className="mention-button"
        aria-pressed={focused}
        onMouseEnter={(event) => props.onShowCard(actor.id, event.currentTarget)}
        onMouseLeave={props.onHideCard}
        onFocus={(event) => props.onShowCard(actor.id, event.currentTarget)}
        onBlur={props.onHideCard}
        onClick={() => props.onFocusActor(actor.id)}
      >
        {words}
        <span className="sr-only">
          {" "}
          ({kindLabel(actor.kind)} {actor.name}, {FORM_WORDS[mention.form]})
        </span>
      </button>
    </mark>
  );
}

const KIND_WORDS = { DIRECT: "direct", INDIRECT: "indirect", PARTIAL: "partial", MIXED: "mixed" } as const;

function SpeakerChip({
  quote,
  onSpeakerChip,
}: {
  quote: Quote;
  onSpeakerChip: MentionHandlers["onSpeakerChip"];
}) {
  const kind = KIND_WORDS[quote.kind];
  if (!quote.speaker) {
    return <span className="speaker-chip unattributed">unattributed {kind} quote</span>;
  }
  return (
    <button
      type="button"
      className={`speaker-chip k-${quote.speaker.kind}`}
      data-quote={quote.id}
      aria-haspopup="dialog"
      onClick={(event) => onSpeakerChip(quote, event.currentTarget)}
    >
      <span className="sr-only">Quote by </span>
      {quote.speaker.name}
      <span className="chip-kind"> · {kind}</span>
      {quote.cue ? <span className="chip-cue"> · „{quote.cue.text}“</span> : null}
    </button>
  );
}
