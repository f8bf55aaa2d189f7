/** Where the shared development data lives (never copied into the repository). */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const DATA_DIR = fileURLToPath(new URL("../../../../shared/data/", import.meta.url));

/** The path of a shared data file, or null (with a message on stderr) when it is absent. */
export function sharedData(name: string): string | null {
  const path = `${DATA_DIR}${name}`;
  if (existsSync(path)) return path;
  process.stderr.write(`Skipping: ${path} is absent (the shared/ folder lives beside the repository).\n`);
  return null;
}

export const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
export const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
export const pct = (value: number) => (100 * value).toFixed(1);
