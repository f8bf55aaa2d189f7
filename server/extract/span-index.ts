/**
 * Spans (quotes, mentions) looked up by position. The stages ask "which quotes or mentions lie near
 * this sentence?" once per sentence or quote; a scan of every span for each question made a long
 * text cost the square of its length. Answers are a superset that the caller narrows with its own
 * test, in the order the spans were added, so a lookup picks what a scan of the whole list would.
 */
type Entry<T> = { item: T; order: number };

/** Spans longer than this are kept apart, so that one long span does not widen every lookup. */
const LONG_SPAN = 1_000;

export class SpanIndex<T extends { start: number; end: number }> {
  /** Short spans sorted by start. */
  private readonly short: Entry<T>[] = [];
  private readonly long: Entry<T>[] = [];
  private longestShort = 0;
  private added = 0;

  constructor(items: Iterable<T> = []) {
    for (const item of items) this.add(item);
  }

  add(item: T): void {
    const entry = { item, order: this.added++ };
    const length = item.end - item.start;
    if (length > LONG_SPAN) {
      this.long.push(entry);
      return;
    }
    this.longestShort = Math.max(this.longestShort, length);
    // After every span that starts at or before it; spans mostly come in text order, so at the end.
    this.short.splice(this.firstStartingAfter(item.start), 0, entry);
  }

  /** Every span that meets [from, to] (start ≤ to and end ≥ from), in the order added. */
  meeting(from: number, to: number): T[] {
    const found: Entry<T>[] = [];
    for (let k = this.firstStartingAfter(from - this.longestShort - 1); k < this.short.length; k++) {
      const entry = this.short[k] as Entry<T>;
      if (entry.item.start > to) break;
      if (entry.item.end >= from) found.push(entry);
    }
    for (const entry of this.long) if (entry.item.start <= to && entry.item.end >= from) found.push(entry);
    return found.sort((a, b) => a.order - b.order).map((entry) => entry.item);
  }

  /** Index of the first short span whose start is greater than `offset`. */
  private firstStartingAfter(offset: number): number {
    let low = 0;
    let high = this.short.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.short[mid]?.item.start ?? 0) <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
