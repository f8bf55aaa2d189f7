import { ACTOR_KINDS, type ActorKind } from "../lib/kinds.ts";

type Props = {
  counts: ReadonlyMap<ActorKind, number>;
  hidden: ReadonlySet<ActorKind>;
  onToggle: (kind: ActorKind) => void;
};

/** What each mark style means; each entry also switches that kind's marks on and off. */
export function Legend({ counts, hidden, onToggle }: Props) {
  return (
    <fieldset className="legend">
      <legend className="panel-heading">
        Kinds of actor <span className="hint">(click to show or hide)</span>
      </legend>
      <ul>
        {ACTOR_KINDS.map(({ kind, plural }) => (
          <li key={kind}>
            <button
              type="button"
              className={`legend-item k-${kind}`}
              aria-pressed={!hidden.has(kind)}
              onClick={() => onToggle(kind)}
            >
              <span
                className={`legend-sample mention k-${kind}${hidden.has(kind) ? " off" : ""}`}
                aria-hidden="true"
              >
                Aa
              </span>
              {plural} <span className="legend-count">{counts.get(kind) ?? 0}</span>
              <span className="sr-only">{hidden.has(kind) ? " (hidden)" : " (shown)"}</span>
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
