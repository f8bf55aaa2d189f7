// The reader's persisted operations by name → their sha256 ids, as the reader sends them.
import { readFileSync } from "node:fs";

const manifest = JSON.parse(
  readFileSync(new URL("../client/persisted-operations.json", import.meta.url), "utf8"),
) as Record<string, string>;
const hashes = new Map(
  Object.entries(manifest).map(([id, document]) => [
    /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(document)?.[1] ?? id,
    id.replace(/^sha256:/, ""),
  ]),
);

/** The id the reader sends for `operationName`. */
export function hashOf(operationName: string): string {
  const hash = hashes.get(operationName);
  if (!hash) throw new Error(`client/persisted-operations.json has no operation ${operationName}`);
  return hash;
}
