/** One downloadable export: a label and its address under /export/ with the page's filters. */
export type ExportLink = { label: string; file: string; filters: Record<string, string | null | undefined> };

type Filters = ExportLink["filters"];

/** Quotes and events as CSV and JSON Lines, and the actor network, each narrowed by its filters. */
export function tableExports(quotes: Filters, events: Filters): ExportLink[] {
  return [
    { label: "Quotes CSV", file: "quotes.csv", filters: quotes },
    { label: "Quotes JSONL", file: "quotes.jsonl", filters: quotes },
    { label: "Events CSV", file: "events.csv", filters: events },
    { label: "Events JSONL", file: "events.jsonl", filters: events },
    { label: "Network GraphML", file: "network.graphml", filters: events },
  ];
}

function exportHref({ file, filters }: ExportLink): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  const query = params.toString();
  return `/export/${file}${query ? `?${query}` : ""}`;
}

/** Download links to the server's exports (CSV, JSON Lines, GraphML, JSON) of what the page shows. */
export function ExportLinks({ links, label = "Export" }: { links: ExportLink[]; label?: string }) {
  return (
    <nav className="export-links" aria-label={label}>
      <span className="export-label">{label}:</span>
      <ul>
        {links.map((link) => (
          <li key={link.label}>
            <a href={exportHref(link)} download>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
