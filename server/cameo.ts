// CAMEO event codes (Conflict and Mediation Event Observations, Schrodt 2012): the 20 roots.
// Shared by the extractor (which codes events) and the API (which labels them).

export const CAMEO_ROOTS: Readonly<Record<string, string>> = {
  "01": "Make public statement",
  "02": "Appeal",
  "03": "Express intent to cooperate",
  "04": "Consult",
  "05": "Engage in diplomatic cooperation",
  "06": "Engage in material cooperation",
  "07": "Provide aid",
  "08": "Yield",
  "09": "Investigate",
  "10": "Demand",
  "11": "Disapprove",
  "12": "Reject",
  "13": "Threaten",
  "14": "Protest",
  "15": "Exhibit force posture",
  "16": "Reduce relations",
  "17": "Coerce",
  "18": "Assault",
  "19": "Fight",
  "20": "Use unconventional mass violence",
};

/** "043" → "04"; the root decides the label when a deeper code has none. */
export function cameoRoot(code: string): string {
  return code.slice(0, 2);
}

export function cameoLabel(code: string): string {
  return CAMEO_ROOTS[cameoRoot(code)] ?? `CAMEO ${code}`;
}
