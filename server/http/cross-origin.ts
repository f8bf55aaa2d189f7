import { GraphQLError } from "graphql";
import type { CORSOptions, Plugin } from "graphql-yoga";

/**
 * A page on another site can make the browser POST a form (urlencoded, multipart or text/plain)
 * here without asking first. A JSON body needs a CORS preflight, which only the allowed origins
 * pass: so GraphQL takes POST bodies as application/json alone (mutations over GET are refused
 * by yoga itself).
 */
export function jsonBodiesOnlyPlugin(): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== "POST") return;
      const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim();
      if (mediaType === "application/json") return;
      throw new GraphQLError(
        `Send GraphQL requests as POST with Content-Type: application/json (or as GET for queries), not ${mediaType ? `"${mediaType}"` : "without a Content-Type"}.`,
        { extensions: { code: "UNSUPPORTED_MEDIA_TYPE", http: { status: 415 } } },
      );
    },
  };
}

/**
 * yoga's `cors` setting: none at all unless the request comes from one of `origins` (CORS_ORIGINS).
 * Without credentials: the API token travels in the Authorization header, never in cookies.
 */
export function corsPolicy(origins: readonly string[]): (request: Request) => CORSOptions {
  return (request) => {
    const origin = request.headers.get("origin");
    if (!origin || !origins.includes(origin)) return false;
    return {
      origin: [origin],
      methods: ["GET", "POST"],
      allowedHeaders: ["accept", "authorization", "content-type"],
      credentials: false,
      maxAge: 600,
    };
  };
}

/** With an allow-list the CORS headers depend on the Origin: caches must keep answers apart. */
export function varyByOriginPlugin(origins: readonly string[]): Plugin {
  return origins.length ? { onResponse: ({ response }) => response.headers.append("vary", "Origin") } : {};
}
