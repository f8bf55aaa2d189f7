import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DATA_DIR } from "../../server/extract/eval/data.ts";
import { belowFloors, readFloors, runEvaluation } from "../../server/extract/eval/index.ts";

// The quality floors (measured − 0.02, server/extract/eval/floors.json) over the shared data.
// A user's clone has no ../shared: skip there, but never in CI.
const present = existsSync(DATA_DIR);
if (!present && process.env.CI !== "true")
  console.warn(`Skipping the quality floors: ${DATA_DIR} is absent (it lies beside the repository in CI).`);

describe.runIf(present || process.env.CI === "true")("extraction quality floors (npm run eval)", () => {
  it("keeps every metric at or above its committed floor", () => {
    if (!present) throw new Error(`${DATA_DIR} is missing, and CI must run the quality floors`);
    const evaluation = runEvaluation();
    const floors = readFloors();
    expect(Object.keys(floors).length).toBeGreaterThan(10);
    expect(belowFloors(evaluation.metrics, floors)).toEqual([]);
  }, 180_000);
});
