import { builder } from "./builder.ts";
import "./common.ts";
import "./enums.ts";
import "./article.ts";
import "./actor.ts";
import "./quote.ts";
import "./event.ts";
import "./search.ts";

export const schema = builder.toSchema({ sortSchema: true });
