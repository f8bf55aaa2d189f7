// The reader colours a CAMEO root by its family (the project's one table: server/cameo.ts): each
// root gets a shade of its family's hue, and its label is always written next to it.
import { CAMEO_ROOTS, type CameoFamily, cameoRoot } from "../../../server/cameo.ts";

const HUES: Record<CameoFamily, number> = {
  "verbal cooperation": 210,
  "material cooperation": 150,
  "verbal conflict": 35,
  "material conflict": 355,
};

export function cameoFamily(code: string): string {
  return CAMEO_ROOTS[cameoRoot(code)]?.family ?? "other";
}

/** A fill colour for the event's root: darker shades for later roots in a family. */
export function cameoColour(code: string): string {
  const root = cameoRoot(code);
  const family = CAMEO_ROOTS[root]?.family;
  if (!family) return "hsl(0, 0%, 60%)";
  const index = Object.keys(CAMEO_ROOTS)
    .filter((key) => CAMEO_ROOTS[key]?.family === family)
    .indexOf(root);
  return `hsl(${HUES[family]}, 70%, ${62 - index * 5}%)`;
}
