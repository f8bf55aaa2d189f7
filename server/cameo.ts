// CAMEO event codes (Conflict and Mediation Event Observations, Schrodt 2012): the 20 roots, the one
// table of the project. The extractor names events with `de`/`en`, the API labels them with `label`,
// the reader colours them by `family` (verbal/material × cooperation/conflict).

export type CameoFamily =
  | "verbal cooperation"
  | "material cooperation"
  | "verbal conflict"
  | "material conflict";

export type CameoRootEntry = { label: string; de: string; en: string; family: CameoFamily };

export const CAMEO_ROOTS: Readonly<Record<string, CameoRootEntry>> = {
  "01": {
    label: "Make public statement",
    de: "öffentliche Erklärung",
    en: "public statement",
    family: "verbal cooperation",
  },
  "02": { label: "Appeal", de: "Appell", en: "appeal", family: "verbal cooperation" },
  "03": {
    label: "Express intent to cooperate",
    de: "Absicht zur Zusammenarbeit",
    en: "intent to cooperate",
    family: "verbal cooperation",
  },
  "04": { label: "Consult", de: "Konsultation", en: "consultation", family: "verbal cooperation" },
  "05": {
    label: "Engage in diplomatic cooperation",
    de: "diplomatische Zusammenarbeit",
    en: "diplomatic cooperation",
    family: "verbal cooperation",
  },
  "06": {
    label: "Engage in material cooperation",
    de: "materielle Zusammenarbeit",
    en: "material cooperation",
    family: "material cooperation",
  },
  "07": { label: "Provide aid", de: "Unterstützung", en: "aid", family: "material cooperation" },
  "08": { label: "Yield", de: "Nachgeben", en: "yielding", family: "material cooperation" },
  "09": { label: "Investigate", de: "Untersuchung", en: "investigation", family: "verbal conflict" },
  "10": { label: "Demand", de: "Forderung", en: "demand", family: "verbal conflict" },
  "11": { label: "Disapprove", de: "Missbilligung", en: "disapproval", family: "verbal conflict" },
  "12": { label: "Reject", de: "Ablehnung", en: "rejection", family: "verbal conflict" },
  "13": { label: "Threaten", de: "Drohung", en: "threat", family: "verbal conflict" },
  "14": { label: "Protest", de: "Protest", en: "protest", family: "material conflict" },
  "15": {
    label: "Exhibit force posture",
    de: "Machtdemonstration",
    en: "show of force",
    family: "material conflict",
  },
  "16": {
    label: "Reduce relations",
    de: "Abbau von Beziehungen",
    en: "reduced relations",
    family: "material conflict",
  },
  "17": { label: "Coerce", de: "Zwang", en: "coercion", family: "material conflict" },
  "18": { label: "Assault", de: "Angriff", en: "assault", family: "material conflict" },
  "19": { label: "Fight", de: "Kampfhandlung", en: "fight", family: "material conflict" },
  "20": {
    label: "Use unconventional mass violence",
    de: "Massengewalt",
    en: "mass violence",
    family: "material conflict",
  },
};

/** "043" → "04"; the root decides the label when a deeper code has none. */
export function cameoRoot(code: string): string {
  return code.slice(0, 2);
}

export function cameoLabel(code: string): string {
  return CAMEO_ROOTS[cameoRoot(code)]?.label ?? `CAMEO ${code}`;
}
