// npm run generate: writes schema.graphql, the committed API contract (a test fails when stale).
import { writeFileSync } from "node:fs";
import { printSchema } from "graphql";
import { closeDatabase } from "../db.ts";
import { schema } from "./index.ts";

export const schemaFile = new URL("../../schema.graphql", import.meta.url);

writeFileSync(schemaFile, `${printSchema(schema)}\n`);
console.log("Wrote schema.graphql");
await closeDatabase();
