import { mkdirSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { logger } from "../log.ts";
import type { ThreadReply } from "./embedded-thread.ts";
import { type FolderLock, lockFolder } from "./folder-lock.ts";

export type EmbeddedPostgres = { connectionString: string; stop: () => Promise<void> };

const THREAD_ENTRY = new URL("./embedded-thread-start.mjs", import.meta.url);

/**
 * PostgreSQL in WebAssembly (PGlite), served on a loopback port so that the rest of the
 * server talks plain `pg` to it exactly as it would to a real server. It runs in a thread of its
 * own (embedded-thread.ts), so that its statements never hold up this thread's requests.
 * `dataDir` undefined keeps the database in memory (tests).
 * A data folder is locked before PGlite opens it: two processes writing one folder lose articles.
 */
export async function startEmbeddedPostgres(dataDir: string | undefined): Promise<EmbeddedPostgres> {
  const lock = dataDir ? lockDataFolder(dataDir) : undefined;
  const thread = new Worker(THREAD_ENTRY, { workerData: { dataDir } });
  try {
    const reply = await new Promise<ThreadReply>((resolve, reject) => {
      const exited = (code: number) =>
        reject(new Error(`the embedded database's thread stopped (exit code ${code})`));
      thread.once("error", reject);
      thread.once("exit", exited);
      thread.once("message", (message: ThreadReply) => {
        // What the thread says later (its errors, its end) is no longer this start's.
        thread.off("error", reject);
        thread.off("exit", exited);
        resolve(message);
      });
    });
    if (reply.type === "failed") throw new Error(`The embedded database did not start: ${reply.message}`);
    thread.on("error", (error) => logger.error({ err: error }, "the embedded database's thread failed"));
    return {
      connectionString: reply.connectionString,
      stop: async () => {
        const stopped = new Promise((resolve) => thread.once("message", resolve));
        thread.postMessage("stop");
        await stopped;
        await thread.terminate();
        lock?.release();
      },
    };
  } catch (error) {
    await thread.terminate();
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
