/** How the reader shows each kind of actor: a colour, and a line style so colour is never the only cue. */
export const ACTOR_KINDS = [
  { kind: "PERSON", label: "Person", plural: "People", line: "solid", shape: "ellipse" },
  { kind: "COUNTRY", label: "Country", plural: "Countries", line: "double", shape: "round-rectangle" },
  { kind: "ORGANIZATION", label: "Organisation", plural: "Organisations", line: "dashed", shape: "hexagon" },
  { kind: "PLACE", label: "Place", plural: "Places", line: "dotted", shape: "diamond" },
  { kind: "GROUP", label: "Group", plural: "Groups", line: "wavy", shape: "triangle" },
] as const;

export type ActorKind = (typeof ACTOR_KINDS)[number]["kind"];

export function kindLabel(kind: ActorKind): string {
  return ACTOR_KINDS.find((entry) => entry.kind === kind)?.label ?? kind;
}

/** The mark colours, also used by the network (which cannot read CSS variables). */
export const KIND_COLOURS: Record<ActorKind, string> = {
  PERSON: "#ffe08a",
  COUNTRY: "#b8e0ff",
  ORGANIZATION: "#e2d4ff",
  PLACE: "#c4f0cd",
  GROUP: "#ffd0c7",
};
