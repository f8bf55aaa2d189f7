type Range = { start: number; end: number };

/** A search snippet with its matching words in <mark>. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly Range[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    if (range.start < at) continue;
    parts.push(text.slice(at, range.start));
    parts.push(
      <mark key={range.start} className="hit">
        {text.slice(range.start, range.end)}
      </mark>,
    );
    at = range.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
