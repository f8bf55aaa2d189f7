import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { type FolderLock, lockFolder } from "./folder-lock.ts";
import { keepBatchesWhole } from "./pglite-queue.ts";

export type EmbeddedPostgres = { connectionString: string; stop: () => Promise<void> };

/**
 * PostgreSQL in WebAssembly (PGlite), served on a loopback port so that the rest of the
 * server talks plain `pg` to it exactly as it would to a real server.
 * `dataDir` undefined keeps the database in memory (tests).
 * A data folder is locked before PGlite opens it: two processes writing one folder lose articles.
 */
export async function startEmbeddedPostgres(dataDir: string | undefined): Promise<EmbeddedPostgres> {
  const lock = dataDir ? lockDataFolder(dataDir) : undefined;
  try {
    const db = await PGlite.create(dataDir);
    // PGlite has one session: every socket connection is queued onto it, so a pool works
    // but a transaction on one connection makes the others wait.
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 32 });
    keepBatchesWhole(server);
    await server.start();
    return {
      connectionString: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
      stop: async () => {
        await server.stop();
        await db.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

function lockDataFolder(dataDir: string): FolderLock {
  mkdirSync(dataDir, { recursive: true });
  const lock = lockFolder(dataDir, (stale) =>
    console.warn(
      `Taking over ${dataDir} from process ${stale.pid} (started ${stale.startedAt}), which no longer runs.`,
    ),
  );
  // Any exit, process.exit() too, frees the folder; a killed process leaves a lock to take over.
  process.once("exit", lock.release);
  return lock;
}
