import type { ResultOf } from "../graphql.ts";
import { cameoColour, cameoFamily } from "../lib/cameo.ts";
import { formatDay, formatMonth, modalityText } from "../lib/format.ts";
import type { EventFields } from "./Timeline.fragment.ts";

export type Event = ResultOf<typeof EventFields>;

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

type Dated = Event & { time: NonNullable<Event["time"]> & { start: string; end: string } };

function isDated(event: Event): event is Dated {
  return Boolean(event.time?.start && event.time.end && event.time.precision !== "VAGUE");
}

/** "14 Oct 2023", "September 2023", "7 Sep 2023 – 1 Oct 2023", "2023". */
export function whenText(event: Pick<Event, "time">): string {
  const time = event.time;
  if (!time) return "undated";
  if (time.precision === "VAGUE" || !time.start || !time.end) {
    const direction =
      time.direction === "FUTURE" ? "in the future" : time.direction === "PAST" ? "in the past" : "";
    return [`“${time.span.text}”`, direction].filter(Boolean).join(", ");
  }
  if (time.precision === "DAY") return formatDay(time.start);
  if (time.precision === "MONTH") return formatMonth(time.start);
  if (time.precision === "YEAR") return time.start.slice(0, 4);
  return `${formatDay(time.start)} – ${formatDay(time.end)}`;
}

/** "Nordkorea → Russland", agents first. */
export function whoText(event: Pick<Event, "participants">): string {
  const names = (roles: string[]) =>
    event.participants.filter((p) => roles.includes(p.role)).map((p) => p.actor.name);
  const agents = names(["AGENT"]);
  const others = names(["RECIPIENT", "TARGET"]);
  const together = names(["PARTICIPANT"]);
  const parts = [];
  if (agents.length || others.length) parts.push(`${agents.join(", ") || "?"} → ${others.join(", ") || "?"}`);
  if (together.length) parts.push(`with ${together.join(", ")}`);
  return parts.join(" ");
}

function ticks(from: number, to: number): { at: number; label: string }[] {
  const span = to - from;
  const found: { at: number; label: string }[] = [];
  const first = new Date(from * DAY_MS);
  if (span > 60) {
    const step = Math.max(1, Math.ceil(span / 30 / 5));
    for (
      let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
      d.getTime() / DAY_MS < to;
    ) {
      found.push({ at: d.getTime() / DAY_MS, label: formatMonth(d.toISOString().slice(0, 10)) });
      d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1));
    }
  } else {
    const step = Math.max(1, Math.ceil(span / 5));
    for (let day = Math.ceil(from); day < to; day += step) {
      found.push({
        at: day,
        label: formatDay(new Date(day * DAY_MS).toISOString().slice(0, 10)).slice(0, -5),
      });
    }
  }
  return found;
}

type Props = { events: readonly Event[]; selected: string | null; onSelect: (id: string) => void };

/** Each dated event drawn at its time with its precision; vague and undated ones listed apart. */
export function Timeline({ events, selected, onSelect }: Props) {
  if (!events.length) return <p className="notice empty">The article reports no events.</p>;
  const dated = events.filter(isDated).sort((a, b) => dayNumber(a.time.start) - dayNumber(b.time.start));
  const vague = events.filter((event) => !isDated(event));
  let from = Math.min(...dated.map((e) => dayNumber(e.time.start)));
  let to = Math.max(...dated.map((e) => dayNumber(e.time.end) + 1));
  if (to - from < 7) {
    from -= 3;
    to += 3;
  }
  const pad = (to - from) * 0.04;
  from -= pad;
  to += pad;
  const x = (day: number) => `${(((day - from) / (to - from)) * 100).toFixed(2)}%`;
  return (
    <div className="timeline" data-testid="timeline">
      {dated.length ? (
        <>
          <svg className="timeline-axis" aria-hidden="true" width="100%" height="22">
            {ticks(from, to).map((tick) => (
              <g key={tick.at}>
                <line x1={x(tick.at)} x2={x(tick.at)} y1="14" y2="22" />
                <text x={x(tick.at)} y="11" textAnchor="middle">
                  {tick.label}
                </text>
              </g>
            ))}
          </svg>
          <ol className="timeline-rows">
            {dated.map((event) => (
              <li key={event.id}>
                <EventRow event={event} selected={selected === event.id} onSelect={onSelect}>
                  <svg className="timeline-track" aria-hidden="true" width="100%" height="16">
                    <line x1="0" x2="100%" y1="8" y2="8" className="track-line" />
                    {event.time.precision === "DAY" ? (
                      <circle
                        cx={x(dayNumber(event.time.start) + 0.5)}
                        cy="8"
                        r="6"
                        fill={cameoColour(event.cameo)}
                      />
                    ) : (
                      <rect
                        x={x(dayNumber(event.time.start))}
                        width={`${Math.max(1, ((dayNumber(event.time.end) + 1 - dayNumber(event.time.start)) / (to - from)) * 100).toFixed(2)}%`}
                        y="2"
                        height="12"
                        rx={event.time.precision === "RANGE" ? 0 : 6}
                        fill={cameoColour(event.cameo)}
                        className={`precision-${event.time.precision}`}
                      />
                    )}
                  </svg>
                </EventRow>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {vague.length ? (
        <>
          <h3 className="timeline-apart">Vague or undated</h3>
          <ul className="timeline-rows">
            {vague.map((event) => (
              <li key={event.id}>
                <EventRow event={event} selected={selected === event.id} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

type RowProps = {
  event: Event;
  selected: boolean;
  onSelect: (id: string) => void;
  children?: React.ReactNode;
};

function EventRow({ event, selected, onSelect, children }: RowProps) {
  return (
    <button
      type="button"
      className={`event-row${selected ? " selected" : ""}`}
      aria-pressed={selected}
      data-event={event.id}
      onClick={() => onSelect(event.id)}
    >
      <span className="event-head">
        <span className="cameo-tag" title={`CAMEO ${event.cameo}, ${cameoFamily(event.cameo)}`}>
          <span className="swatch" style={{ background: cameoColour(event.cameo) }} aria-hidden="true" />
          {event.cameoLabel}
        </span>
        <span className="event-when">{whenText(event)}</span>
      </span>
      <span className="event-summary">{event.summary}</span>
      <span className="event-meta">
        {[whoText(event), modalityText(event.modality, event.attributedTo)].filter(Boolean).join(" · ")}
      </span>
      {children}
    </button>
  );
}
