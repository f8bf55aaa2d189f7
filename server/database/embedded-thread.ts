// The embedded PostgreSQL (PGlite) and its socket server, in a thread of their own. PGlite runs
// every statement synchronously on the thread that holds it: on the API's thread, a long ingest's
// writes held up every request, /healthz too. Here they take this thread's time instead.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepBatchesWhole } from "./pglite-queue.ts";

export type ThreadReply = { type: "started"; connectionString: string } | { type: "failed"; message: string };

const STOP_WAIT_MS = 2_000;

const port = parentPort;
if (!port) throw new Error("embedded-thread.ts runs as a worker thread (embedded.ts starts it)");

try {
  // pg_trgm: actor names are searched by substring through a trigram index (see the migrations).
  const db = await PGlite.create((workerData as { dataDir: string | undefined }).dataDir, {
    extensions: { pg_trgm },
  });
  // PGlite has one session: every socket connection is queued onto it, so a pool works
  // but a transaction on one connection makes the others wait.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 32 });
  keepBatchesWhole(server);
  await server.start();
  port.on("message", async (message: "stop") => {
    if (message !== "stop") return;
    // The socket server's close waits for every client to hang up; the database must close anyway.
    await Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS))]);
    await db.close();
    port.postMessage("stopped");
  });
  port.postMessage({
    type: "started",
    connectionString: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
  } satisfies ThreadReply);
} catch (error) {
  port.postMessage({
    type: "failed",
    message: error instanceof Error ? error.message : String(error),
  } satisfies ThreadReply);
}
