import { useQuery } from "urql";
import { graphql } from "../graphql.ts";
import { LANGUAGES } from "../lib/format.ts";

const FilterActorsDocument = graphql(`
  query FilterActors {
    actors(first: 100, orderBy: { field: MENTIONS, direction: DESC }) {
      nodes {
        id
        name
        kind
      }
    }
  }
`);

/** Sent by its id only: `npm run generate:client` lists it in client/persisted-operations.json. */
export const FilterActorsQuery = graphql.persisted<typeof FilterActorsDocument>(
  "sha256:b246e18aed656760f0618b18f960cdb26a0dde2f185cd81feace115d9df6def8",
  FilterActorsDocument,
);

export type Filters = { language: string; actor: string; from: string; to: string };

type Props = { value: Filters; onChange: (next: Filters) => void };

export function ArticleFilters({ value, onChange }: Props) {
  const [actors] = useQuery({ query: FilterActorsQuery });
  const set = (key: keyof Filters) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    onChange({ ...value, [key]: event.currentTarget.value });
  const actorOptions = actors.data?.actors.nodes ?? [];
  return (
    <fieldset className="filters">
      <legend>Filter articles</legend>
      <label>
        Language
        <select value={value.language} onChange={set("language")}>
          <option value="">Any</option>
          {Object.entries(LANGUAGES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Actor
        <select
          value={value.actor}
          onChange={set("actor")}
          aria-describedby={actors.error ? "actor-filter-error" : undefined}
        >
          <option value="">{actors.fetching && !actors.data ? "Loading actors…" : "Any"}</option>
          {actorOptions.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name}
            </option>
          ))}
        </select>
      </label>
      {actors.error ? (
        <p id="actor-filter-error" className="field-error">
          Could not load the actors to filter by.
        </p>
      ) : null}
      <label>
        From
        <input type="date" value={value.from} onChange={set("from")} />
      </label>
      <label>
        To
        <input type="date" value={value.to} onChange={set("to")} />
      </label>
    </fieldset>
  );
}
