import { isObjectType } from "graphql";
import { builder } from "./builder.ts";
import "./common.ts";
import "./enums.ts";
import "./article.ts";
import "./actor.ts";
import "./quote.ts";
import "./event.ts";
import "./search.ts";
import "./jobs.ts";
import "./nodes.ts";

export const schema = builder.toSchema({ sortSchema: true });

// The Prisma plugin adds `totalCount` to connections without a way to describe it.
for (const type of Object.values(schema.getTypeMap())) {
  const field = isObjectType(type) ? type.getFields().totalCount : undefined;
  if (field && !field.description)
    field.description = "How many items the whole list holds, across all pages.";
}
