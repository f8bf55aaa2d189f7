import { timingSafeEqual } from "node:crypto";
import { fileURLToPath } from "node:url";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { createYoga, type Plugin } from "graphql-yoga";
import { describeError } from "./database/outage.ts";
import { requestDeadlinePlugin } from "./database/request-deadline.ts";
import { prisma } from "./db.ts";
import { type Env, parseEnv } from "./env.ts";
import { exampleOperations } from "./examples.ts";
import { bodyLimitPlugin } from "./http/body-limit.ts";
import { corsPolicy, jsonBodiesOnlyPlugin, varyByOriginPlugin } from "./http/cross-origin.ts";
import { errorMasking } from "./http/errors.ts";
import { operationLimitsPlugin } from "./http/operation-limits.ts";
import { securityHeadersPlugin } from "./http/security-headers.ts";
import { persistedOperationsPlugin } from "./persisted-operations.ts";
import type { Context } from "./schema/builder.ts";
import { schema } from "./schema/index.ts";
import { createStaticHandler } from "./static.ts";

const GRAPHQL_ENDPOINT = "/graphql";

function bearerMatches(request: Request, token: string): boolean {
  const sent = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1]?.trim() ?? "";
  const expected = Buffer.from(token);
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** /healthz (the process answers), /readyz (the database answers) and the reader's files. */
function routesPlugin(readerRoot: string): Plugin {
  const serveReader = createStaticHandler(readerRoot);
  return {
    async onRequest({ url, request, endResponse }) {
      if (url.pathname === GRAPHQL_ENDPOINT || url.pathname.startsWith(`${GRAPHQL_ENDPOINT}/`)) return;
      if (url.pathname === "/healthz") {
        endResponse(Response.json({ status: "ok" }));
        return;
      }
      if (url.pathname === "/readyz") {
        try {
          await prisma.$queryRaw`SELECT 1`;
          endResponse(Response.json({ status: "ready" }));
        } catch (error) {
          endResponse(
            Response.json({ status: "database unavailable", error: describeError(error) }, { status: 503 }),
          );
        }
        return;
      }
      if (request.method === "GET" || request.method === "HEAD") {
        const response = await serveReader(url.pathname);
        if (response) endResponse(response);
      }
    },
  };
}

export type AppOptions = Pick<Env, "apiToken" | "production"> &
  Partial<Pick<Env, "maxBodyBytes" | "corsOrigins">> & {
    readerRoot?: string;
    persistedOperations?: string;
  };

const defaults = parseEnv({});
const defaultReaderRoot = fileURLToPath(new URL("../client/dist", import.meta.url));
const defaultPersistedOperations = fileURLToPath(
  new URL("../client/persisted-operations.json", import.meta.url),
);

/** Builds the whole HTTP app (GraphQL, playground, health, reader); main.ts only listens. */
export function createApp(options: AppOptions) {
  const { apiToken, production } = options;
  const maxBodyBytes = options.maxBodyBytes ?? defaults.maxBodyBytes;
  const corsOrigins = options.corsOrigins ?? defaults.corsOrigins;
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    landingPage: false,
    renderGraphiQL,
    graphiql: {
      title: "newsgraph playground",
      defaultTabs: exampleOperations,
      defaultEditorToolsVisibility: true,
    },
    cors: corsPolicy(corsOrigins),
    // No file uploads: a multipart body is refused like any other that is not JSON.
    multipart: false,
    // Checked against Content-Length up front, and again while a (chunked) body is read.
    maxRequestBodySize: maxBodyBytes,
    maskedErrors: errorMasking({ production }),
    context: ({ request }) => ({ canWrite: apiToken === undefined || bearerMatches(request, apiToken) }),
    plugins: [
      securityHeadersPlugin(GRAPHQL_ENDPOINT),
      varyByOriginPlugin(corsOrigins),
      jsonBodiesOnlyPlugin(),
      bodyLimitPlugin(maxBodyBytes),
      operationLimitsPlugin({ production }),
      requestDeadlinePlugin(),
      routesPlugin(options.readerRoot ?? defaultReaderRoot),
      persistedOperationsPlugin(options.persistedOperations ?? defaultPersistedOperations),
    ],
  });
}
