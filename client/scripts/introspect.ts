// Writes the schema's introspection, minified, for Graphcache: it then knows which fields are
// nullable, which types are interfaces, and which types have no `id` (see src/urql.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { getIntrospectedSchema, minifyIntrospectionQuery } from "@urql/introspection";
import { buildSchema } from "graphql";

const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));
const minified = minifyIntrospectionQuery(getIntrospectedSchema(schema), {
  includeDirectives: false,
  includeEnums: false,
  includeInputs: false,
  includeScalars: false,
});
writeFileSync(new URL("../src/introspection.json", import.meta.url), `${JSON.stringify(minified)}\n`);
