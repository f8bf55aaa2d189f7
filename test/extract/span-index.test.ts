import { describe, expect, it } from "vitest";
import { SpanIndex } from "../../server/extract/span-index.ts";

type Span = { start: number; end: number; id: number };

/** Spans of every length (a few longer than the index keeps with the short ones), from a fixed seed. */
function spans(count: number): Span[] {
  let state = 7;
  const next = (limit: number) => {
    state = (state * 48_271) % 2_147_483_647;
    return state % limit;
  };
  return Array.from({ length: count }, (_, id) => {
    const start = next(50_000);
    const length = next(10) === 0 ? 1_000 + next(5_000) : next(400);
    return { start, end: start + length, id };
  });
}

describe("SpanIndex", () => {
  it("finds every span that meets a range, in the order the spans were added", () => {
    const all = spans(3_000);
    const index = new SpanIndex(all);
    let matched = 0;
    for (const [from, to] of [
      [0, 50],
      [100, 100],
      [2_500, 2_600],
      [10_000, 16_000],
      [49_990, 60_000],
    ] as const) {
      const expected = all.filter((span) => span.start <= to && span.end >= from);
      expect(index.meeting(from, to).map((span) => span.id)).toEqual(expected.map((span) => span.id));
      matched += expected.length;
    }
    expect(matched).toBeGreaterThan(100);
  });

  it("sees spans added after the first lookup", () => {
    const index = new SpanIndex<Span>();
    index.add({ start: 10, end: 20, id: 1 });
    expect(index.meeting(15, 15).map((span) => span.id)).toEqual([1]);
    index.add({ start: 5, end: 15, id: 2 });
    index.add({ start: 0, end: 5_000, id: 3 });
    expect(index.meeting(12, 12).map((span) => span.id)).toEqual([1, 2, 3]);
    expect(index.meeting(21, 30).map((span) => span.id)).toEqual([3]);
  });
});
