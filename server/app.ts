import { fileURLToPath } from "node:url";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { createYoga, type Plugin } from "graphql-yoga";
import { describeError } from "./database/outage.ts";
import { requestDeadlinePlugin } from "./database/request-deadline.ts";
import { prisma } from "./db.ts";
import { type Env, parseEnv } from "./env.ts";
import { exampleOperations } from "./examples.ts";
import { bearerMatches } from "./http/bearer.ts";
import { bodyLimitPlugin } from "./http/body-limit.ts";
import { corsPolicy, jsonBodiesOnlyPlugin, varyByOriginPlugin } from "./http/cross-origin.ts";
import { errorMasking } from "./http/errors.ts";
import { exportRoutesPlugin } from "./http/export-routes.ts";
import { metricsPlugin } from "./http/metrics.ts";
import { operationLimitsPlugin } from "./http/operation-limits.ts";
import { operationNamer } from "./http/operation-name.ts";
import { requestLogPlugin } from "./http/request-log.ts";
import { responseCachePlugins } from "./http/response-cache.ts";
import { securityHeadersPlugin } from "./http/security-headers.ts";
import { yogaLogger } from "./log.ts";
import { persistedOperationsPlugin } from "./persisted-operations.ts";
import type { Context } from "./schema/builder.ts";
import { schema } from "./schema/index.ts";
import { createStaticHandler } from "./static.ts";

const GRAPHQL_ENDPOINT = "/graphql";

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
  Partial<Pick<Env, "maxBodyBytes" | "corsOrigins" | "exportMaxRows" | "metricsToken">> & {
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
  const persistedOperations = options.persistedOperations ?? defaultPersistedOperations;
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
    logging: yogaLogger,
    context: ({ request }) => ({ canWrite: apiToken === undefined || bearerMatches(request, apiToken) }),
    plugins: [
      // First: its clock and request id cover everything the others do.
      requestLogPlugin(operationNamer(persistedOperations)),
      metricsPlugin({
        graphqlEndpoint: GRAPHQL_ENDPOINT,
        token: options.metricsToken ?? defaults.metricsToken,
      }),
      securityHeadersPlugin(GRAPHQL_ENDPOINT),
      varyByOriginPlugin(corsOrigins),
      jsonBodiesOnlyPlugin(),
      bodyLimitPlugin(maxBodyBytes),
      operationLimitsPlugin({ production }),
      requestDeadlinePlugin(),
      exportRoutesPlugin({ maxRows: options.exportMaxRows ?? defaults.exportMaxRows }),
      routesPlugin(options.readerRoot ?? defaultReaderRoot),
      persistedOperationsPlugin(persistedOperations),
      // After the persisted operations: a cache hit answers before anything is parsed.
      ...responseCachePlugins(GRAPHQL_ENDPOINT),
    ],
  });
}
