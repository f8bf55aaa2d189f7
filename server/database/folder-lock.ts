import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { z } from "zod";

const LOCK_FILE = "newsgraph.lock";
const MAX_ATTEMPTS = 5;

const holderSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  startedAt: z.string(),
});
export type LockHolder = z.infer<typeof holderSchema>;

export class FolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data folder ${folder} is in use by process ${holder.pid} on ${holder.hostname} since ` +
        `${holder.startedAt}: stop that process first, or set NEWSGRAPH_DATA_DIR to another folder. ` +
        `If no such process runs, delete ${join(folder, LOCK_FILE)}.`,
    );
    this.name = "FolderLockedError";
  }
}

export type FolderLock = {
  /** Removes the lock file if it is still this process's; safe to call twice. */
  release: () => void;
};

// Folders this process holds: its own pid in a lock file is then alive, otherwise it is a
// previous life's (a container restarted with the same pid).
const heldHere = new Set<string>();

/**
 * Takes `folder` for this process alone: a file written aside and hard-linked into place, since
 * link(2) fails when the name exists, and the lock is never seen half written. A lock whose
 * process no longer runs on this host (killed, crashed) is taken over; `onTakeOver` hears of it.
 */
export function lockFolder(folder: string, onTakeOver: (stale: LockHolder) => void): FolderLock {
  const path = join(folder, LOCK_FILE);
  const ours = JSON.stringify({
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
  } satisfies LockHolder);
  const draft = `${path}.${process.pid}`;
  writeFileSync(draft, ours);
  try {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (tryLink(draft, path)) {
        heldHere.add(path);
        return {
          release: () => {
            if (readText(path) === ours) rmSync(path, { force: true });
            heldHere.delete(path);
          },
        };
      }
      const text = readText(path);
      if (text === null) continue; // released between our link and our read
      const holder = parseHolder(text);
      if (holder && isRunning(holder, path)) throw new FolderLockedError(folder, holder);
      if (removeStaleLock(folder, path, text, draft) && holder) onTakeOver(holder);
    }
    throw new Error(
      `Could not lock ${folder} after ${MAX_ATTEMPTS} attempts: other processes keep taking it.`,
    );
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * Removes the lock file if it still holds `staleText`. Two processes finding the same stale lock
 * must not both remove it (the second would remove the first's new lock), so removal happens
 * only under a second, short-lived lock file that this process takes the same way.
 */
function removeStaleLock(folder: string, path: string, staleText: string, draft: string): boolean {
  const guard = `${path}.takeover`;
  if (!tryLink(draft, guard)) {
    const taker = parseHolder(readText(guard) ?? "");
    if (taker && isRunning(taker, guard)) throw new FolderLockedError(folder, taker);
    rmSync(guard, { force: true }); // its taker died mid-way
    return false;
  }
  try {
    if (readText(path) !== staleText) return false;
    rmSync(path, { force: true });
    return true;
  } finally {
    rmSync(guard, { force: true });
  }
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** null for a file that is not a lock of ours (it can hold no live process). */
function parseHolder(text: string): LockHolder | null {
  try {
    return holderSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

function isRunning(holder: LockHolder, path: string): boolean {
  // A process on another host (a shared network folder) cannot be checked: assume it runs.
  if (holder.hostname !== hostname()) return true;
  if (holder.pid === process.pid) return heldHere.has(path);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
