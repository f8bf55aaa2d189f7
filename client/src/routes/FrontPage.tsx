import { useState } from "react";
import { useSearchParams } from "wouter";
import { ArticleFilters, type Filters } from "../components/ArticleFilters.tsx";
import { ArticleList } from "../components/ArticleList.tsx";
import { SearchResults } from "../components/SearchResults.tsx";
import { useTitle } from "../components/useTitle.ts";

const FILTER_KEYS = ["language", "actor", "from", "to"] as const;

/** Articles, newest first, with search and filters; all state lives in the URL. */
export function FrontPage() {
  useTitle(null);
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const [draft, setDraft] = useState(query);
  const filters: Filters = {
    language: params.get("language") ?? "",
    actor: params.get("actor") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  };
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // A new filter or query starts again at the first page.
    if (!("after" in changes) && !("before" in changes)) {
      next.delete("after");
      next.delete("before");
    }
    setParams(next);
  };
  const filtered = FILTER_KEYS.some((key) => filters[key]);
  return (
    <>
      <h1>Articles</h1>
      <search>
        <form
          className="search-form"
          onSubmit={(event) => {
            event.preventDefault();
            update({ q: draft.trim() });
          }}
        >
          <label htmlFor="search-input">Search articles, actors and quotes</label>
          <div className="search-row">
            <input
              id="search-input"
              type="search"
              value={draft}
              placeholder="e.g. Waffenlieferungen Nordkorea"
              onChange={(event) => setDraft(event.currentTarget.value)}
            />
            <button type="submit">Search</button>
            {query ? (
              <button
                type="button"
                onClick={() => {
                  setDraft("");
                  update({ q: "" });
                }}
              >
                Clear
              </button>
            ) : null}
          </div>
        </form>
      </search>
      {query ? (
        <SearchResults query={query} />
      ) : (
        <>
          <ArticleFilters
            value={filters}
            onChange={(next) =>
              update({ language: next.language, actor: next.actor, from: next.from, to: next.to })
            }
          />
          <ArticleList
            filter={{
              language: filters.language || null,
              actor: filters.actor || null,
              publishedFrom: filters.from || null,
              publishedTo: filters.to || null,
            }}
            after={params.get("after")}
            before={params.get("before")}
            filtered={filtered}
            onPage={(page) =>
              update("after" in page ? { after: page.after, before: "" } : { before: page.before, after: "" })
            }
          />
        </>
      )}
    </>
  );
}
