import { timingSafeEqual } from "node:crypto";
import { fileURLToPath } from "node:url";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { GraphQLError } from "graphql";
import { createYoga, maskError, type Plugin } from "graphql-yoga";
import { isDatabaseUnavailable } from "./database/outage.ts";
import { prisma } from "./db.ts";
import type { Env } from "./env.ts";
import { exampleOperations } from "./examples.ts";
import { persistedOperationsPlugin } from "./persisted-operations.ts";
import type { Context } from "./schema/builder.ts";
import { schema } from "./schema/index.ts";
import { createStaticHandler } from "./static.ts";

const MAX_BODY_BYTES = 4_000_000;

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
      if (url.pathname === "/graphql" || url.pathname.startsWith("/graphql/")) {
        // An article is at most 1 MB; JSON escaping can double it. Refuse far larger bodies unread.
        if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
          const message = `The request body is over ${MAX_BODY_BYTES / 1_000_000} MB: an article may have at most 1 MB of text.`;
          endResponse(
            Response.json(
              { errors: [{ message, extensions: { code: "PAYLOAD_TOO_LARGE" } }] },
              { status: 413 },
            ),
          );
        }
        return;
      }
      if (url.pathname === "/healthz") {
        endResponse(Response.json({ status: "ok" }));
        return;
      }
      if (url.pathname === "/readyz") {
        try {
          await prisma.$queryRaw`SELECT 1`;
          endResponse(Response.json({ status: "ready" }));
        } catch (error) {
          const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
          endResponse(Response.json({ status: "database unavailable", error: message }, { status: 503 }));
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

export type AppOptions = Pick<Env, "apiToken" | "production"> & {
  readerRoot?: string;
  persistedOperations?: string;
};

const defaultReaderRoot = fileURLToPath(new URL("../client/dist", import.meta.url));
const defaultPersistedOperations = fileURLToPath(
  new URL("../client/persisted-operations.json", import.meta.url),
);

/** Builds the whole HTTP app (GraphQL, playground, health, reader); main.ts only listens. */
export function createApp(options: AppOptions) {
  const { apiToken } = options;
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    renderGraphiQL,
    graphiql: {
      title: "newsgraph playground",
      defaultTabs: exampleOperations,
      defaultEditorToolsVisibility: true,
    },
    maskedErrors: {
      isDev: !options.production,
      maskError: (error, message, isDev) =>
        isDatabaseUnavailable(error)
          ? new GraphQLError("The database is unavailable right now: try again in a moment.", {
              extensions: { code: "DATABASE_UNAVAILABLE", http: { status: 503 } },
            })
          : maskError(error, message, isDev),
    },
    context: ({ request }) => ({ canWrite: apiToken === undefined || bearerMatches(request, apiToken) }),
    plugins: [
      EnvelopArmorPlugin({
        // Cost is computed by the schema (nested `first` multiplies); armor guards the shape.
        costLimit: { enabled: false },
        maxDepth: { n: 12, ignoreIntrospection: true, flattenFragments: true },
        maxAliases: { n: 15 },
        maxDirectives: { n: 20 },
        maxTokens: { n: 5000 },
        blockFieldSuggestion: { enabled: options.production },
      }),
      routesPlugin(options.readerRoot ?? defaultReaderRoot),
      persistedOperationsPlugin(options.persistedOperations ?? defaultPersistedOperations),
    ],
  });
}
