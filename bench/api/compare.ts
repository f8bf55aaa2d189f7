// Deep comparison of two GraphQL answers' `data`, with the differences as readable lines.
// Lists the API sorts by a key with ties (an article's actors by mention count, an actor's events
// by day) may list tied items in either order: such answers are "equal but for the order".
import { isDeepStrictEqual } from "node:util";

export type Comparison = "equal" | "reordered" | "different";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The same value with every list sorted, to compare as if order did not matter. */
function unordered(value: Json): Json {
  if (Array.isArray(value))
    return value.map(unordered).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, unordered(item)]));
  return value;
}

export function compareAnswers(expected: unknown, actual: unknown): Comparison {
  if (isDeepStrictEqual(expected, actual)) return "equal";
  return isDeepStrictEqual(unordered(expected as Json), unordered(actual as Json))
    ? "reordered"
    : "different";
}

const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
};

/** "data.article.actors.edges[3].node.name: newsgraph "X" ≠ reference "Y"", the first `limit`. */
export function differences(left: unknown, right: unknown, limit = 8, path = "data"): string[] {
  if (isDeepStrictEqual(left, right)) return [];
  const bothObjects =
    left &&
    right &&
    typeof left === "object" &&
    typeof right === "object" &&
    Array.isArray(left) === Array.isArray(right);
  if (!bothObjects) return [`${path}: newsgraph ${show(left)} ≠ reference ${show(right)}`];
  const found: string[] = [];
  if (Array.isArray(left) && Array.isArray(right) && left.length !== right.length)
    found.push(`${path}: newsgraph has ${left.length} items, reference ${right.length}`);
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    if (found.length >= limit) break;
    const childPath = Array.isArray(left) ? `${path}[${key}]` : `${path}.${key}`;
    found.push(
      ...differences(
        (left as Record<string, unknown>)[key],
        (right as Record<string, unknown>)[key],
        limit - found.length,
        childPath,
      ),
    );
  }
  return found.slice(0, limit);
}
