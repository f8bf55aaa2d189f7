// GET /export/<name>.<format>?filters: quotes, events and actors as CSV or JSON Lines, the actor
// network as GraphML, an article's AnnotationDocument as JSON. Bodies are streamed batch by batch
// as the client reads them (memory stays flat); a client that leaves stops the export and the
// SQL it is running. One request sends at most `maxRows` rows: the CLI exports more.
import type { Plugin } from "graphql-yoga";
import { describeError, isDatabaseUnavailable } from "../database/outage.ts";
import { withinRequest } from "../database/request-deadline.ts";
import { prisma } from "../db.ts";
import { ExportError } from "../export/errors.ts";
import { prepareExport } from "../export/exports.ts";

const PREFIX = "/export/";

function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status });
}

function refusal(error: unknown): Response {
  if (error instanceof ExportError) return errorResponse(error.status, error.code, error.message);
  if (isDatabaseUnavailable(error)) {
    return errorResponse(
      503,
      "DATABASE_UNAVAILABLE",
      "The database is unavailable right now: try again in a moment.",
    );
  }
  throw error;
}

/** The body as a byte stream that reads the next batch only when the client has taken the last. */
function streamOf(chunks: AsyncGenerator<string>, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await withinRequest(signal, () => chunks.next());
          if (next.done || signal.aborted) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          // The status line is sent already: all a client can be told is that the body broke off.
          if (!signal.aborted) console.error(`export stopped: ${describeError(error)}`);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

export function exportRoutesPlugin(options: { maxRows: number }): Plugin {
  return {
    async onRequest({ url, request, endResponse }) {
      if (!url.pathname.startsWith(PREFIX)) return;
      if (request.method !== "GET" && request.method !== "HEAD") {
        endResponse(errorResponse(405, "METHOD_NOT_ALLOWED", "Exports are read with GET."));
        return;
      }
      const name = url.pathname.slice(PREFIX.length);
      try {
        const prepared = await withinRequest(request.signal, () =>
          prepareExport(prisma, name, url.searchParams.entries(), {
            maxRows: options.maxRows,
            signal: request.signal,
          }),
        );
        const headers = {
          "content-type": prepared.mediaType,
          "content-disposition": `attachment; filename="${prepared.filename}"`,
          "cache-control": "no-store",
          "x-export-row-cap": String(options.maxRows),
          "x-export-truncated": String(prepared.truncated),
        };
        if (request.method === "HEAD") {
          await prepared.body.return(undefined);
          endResponse(new Response(null, { headers }));
          return;
        }
        endResponse(new Response(streamOf(prepared.body, request.signal), { headers }));
      } catch (error) {
        endResponse(refusal(error));
      }
    },
  };
}
