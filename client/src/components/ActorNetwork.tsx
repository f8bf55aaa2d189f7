import type { Core, EdgeSingular } from "cytoscape";
import { useEffect, useRef, useState } from "react";
import { cameoColour } from "../lib/cameo.ts";
import { ACTOR_KINDS, type ActorKind, KIND_COLOURS } from "../lib/kinds.ts";
import type { Event } from "./Timeline.tsx";

type Node = { id: string; name: string; kind: ActorKind };
type Edge = {
  id: string;
  event: string;
  source: string;
  target: string;
  label: string;
  colour: string;
  count: number;
};

/**
 * Events as directed edges from each agent to each recipient or target; the same kind of event
 * between the same two actors is one edge with a count.
 */
export function networkEdges(events: readonly Event[]): Edge[] {
  const edges = new Map<string, Edge>();
  for (const event of events) {
    const agents = event.participants.filter((p) => p.role === "AGENT");
    const others = event.participants.filter((p) => p.role === "RECIPIENT" || p.role === "TARGET");
    for (const agent of agents) {
      for (const other of others) {
        if (agent.actor.id === other.actor.id) continue;
        const id = `${agent.actor.id}:${other.actor.id}:${event.cameo.slice(0, 2)}`;
        const known = edges.get(id);
        if (known) known.count += 1;
        else {
          edges.set(id, {
            id,
            event: event.id,
            source: agent.actor.id,
            target: other.actor.id,
            label: event.cameoLabel,
            colour: cameoColour(event.cameo),
            count: 1,
          });
        }
      }
    }
  }
  return [...edges.values()];
}

const SHAPES = Object.fromEntries(ACTOR_KINDS.map((entry) => [entry.kind, entry.shape])) as Record<
  ActorKind,
  string
>;

type Props = {
  actors: readonly Node[];
  events: readonly Event[];
  onActor: (id: string) => void;
  onEvent: (id: string) => void;
};

/**
 * The actors and what they did to each other, laid out by Cytoscape's force-directed layout.
 * Cytoscape loads only when this is shown, so the first page stays small; the same edges are
 * listed as text beside it for keyboards and screen readers.
 */
export function ActorNetwork({ actors, events, onActor, onEvent }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const edges = networkEdges(events);
  const involved = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
  const nodes = actors.filter((actor) => involved.has(actor.id));
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  const key = JSON.stringify([nodes.map((n) => n.id), edges.map((e) => e.id)]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for nodes and edges.
  useEffect(() => {
    if (!edges.length) return;
    let graph: Core | undefined;
    let cancelled = false;
    import("cytoscape").then(
      ({ default: cytoscape }) => {
        if (cancelled || !container.current) return;
        graph = cytoscape({
          container: container.current,
          elements: [
            ...nodes.map((node) => ({ data: { id: node.id, label: node.name, kind: node.kind } })),
            ...edges.map((edge) => ({
              data: { ...edge, caption: edge.count > 1 ? `${edge.label} ×${edge.count}` : edge.label },
            })),
          ],
          style: [
            {
              selector: "node",
              style: {
                label: "data(label)",
                "font-weight": "bold",
                "text-background-color": "#ffffff",
                "text-background-opacity": 0.85,
                "background-color": (node) => KIND_COLOURS[node.data("kind") as ActorKind],
                shape: (node) => SHAPES[node.data("kind") as ActorKind] as never,
                "border-width": 1,
                "border-color": "#444",
                "font-size": 12,
                color: "#1b1b1f",
                "text-valign": "bottom",
                "text-margin-y": 4,
                width: 28,
                height: 28,
              },
            },
            {
              selector: "edge",
              style: {
                width: (edge: EdgeSingular) => 1.5 + Math.min(4, edge.data("count") as number),
                "line-color": "data(colour)",
                "target-arrow-color": "data(colour)",
                "target-arrow-shape": "triangle",
                "arrow-scale": 1.2,
                "curve-style": "bezier",
                "control-point-step-size": 60,
                label: "data(caption)",
                "font-size": 11,
                color: "#26262c",
                "text-background-color": "#ffffff",
                "text-background-opacity": 0.9,
                "text-background-padding": "2px",
              },
            },
          ],
          // A few actors read best on a circle; more need the force-directed layout.
          layout:
            nodes.length <= 10
              ? { name: "circle", padding: 40, radius: Math.max(110, nodes.length * 30) }
              : {
                  name: "cose",
                  animate: false,
                  padding: 40,
                  idealEdgeLength: () => 170,
                  nodeRepulsion: () => 400_000,
                },
          maxZoom: 1.6,
        });
        graph.on("tap", "node", (event) => onActor(event.target.id()));
        graph.on("tap", "edge", (event) => onEvent(event.target.data("event")));
        container.current.dataset.nodes = String(graph.nodes().length);
        container.current.dataset.edges = String(graph.edges().length);
        setState("ready");
      },
      () => setState("failed"),
    );
    return () => {
      cancelled = true;
      graph?.destroy();
    };
  }, [key]);

  if (!edges.length) {
    return (
      <p className="notice empty">No event in this article has both an agent and a recipient or target.</p>
    );
  }
  return (
    <div className="network">
      <div
        ref={container}
        className="network-canvas"
        data-testid="network"
        role="img"
        aria-label={`Network of ${nodes.length} actors and ${edges.length} directed events; listed below.`}
      />
      {state === "loading" ? (
        <p role="status" className="notice loading">
          Loading the network…
        </p>
      ) : null}
      {state === "failed" ? (
        <p role="alert" className="notice error">
          Could not load the graph library; the events are listed below.
        </p>
      ) : null}
      <details className="network-list">
        <summary>The network as a list ({edges.length} edges)</summary>
        <ul>
          {edges.map((edge) => (
            <li key={edge.id}>
              <button type="button" className="link-button" onClick={() => onEvent(edge.event)}>
                {names.get(edge.source)} → {names.get(edge.target)}: {edge.label}
                {edge.count > 1 ? ` (${edge.count} events)` : ""}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
