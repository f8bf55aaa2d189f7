import { initGraphQLTada } from "gql.tada";
import type { introspection } from "./graphql-env.d.ts";

/** Typed GraphQL documents: results and variables are inferred from schema.graphql. */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  disableMasking: true;
  scalars: { Date: string; DateTime: string; JSON: unknown };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from "gql.tada";
