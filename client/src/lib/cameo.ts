// CAMEO roots fall into four families (verbal/material × cooperation/conflict); each root gets a
// shade of its family's hue, and its label is always written next to it.
const FAMILIES = [
  { name: "verbal cooperation", roots: ["01", "02", "03", "04", "05"], hue: 210 },
  { name: "material cooperation", roots: ["06", "07", "08"], hue: 150 },
  { name: "verbal conflict", roots: ["09", "10", "11", "12", "13"], hue: 35 },
  { name: "material conflict", roots: ["14", "15", "16", "17", "18", "19", "20"], hue: 355 },
] as const;

export function cameoFamily(code: string): string {
  const root = code.slice(0, 2);
  return FAMILIES.find((family) => (family.roots as readonly string[]).includes(root))?.name ?? "other";
}

/** A fill colour for the event's root: darker shades for later roots in a family. */
export function cameoColour(code: string): string {
  const root = code.slice(0, 2);
  for (const family of FAMILIES) {
    const index = (family.roots as readonly string[]).indexOf(root);
    if (index >= 0) return `hsl(${family.hue}, 70%, ${62 - index * 5}%)`;
  }
  return "hsl(0, 0%, 60%)";
}
