import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FolderLockedError, type LockHolder, lockFolder } from "../../server/database/folder-lock.ts";
import { inEmbeddedPass } from "../helpers.ts";

const embeddedPass = await inEmbeddedPass("the folder lock tests");

const folders: string[] = [];
function newFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "newsgraph-folder-lock-"));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function writeLock(path: string, holder: LockHolder): void {
  writeFileSync(path, JSON.stringify(holder));
}

/** The pid of a process that has run and ended. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ["-e", ""]);
  if (!pid) throw new Error("could not run node");
  return pid;
}

const takeOvers: LockHolder[] = [];
const recordTakeOver = (stale: LockHolder) => takeOvers.push(stale);
afterEach(() => {
  takeOvers.length = 0;
});

describe.skipIf(!embeddedPass)("lockFolder", () => {
  it("refuses a folder this process holds, naming the holder, and frees it on release", () => {
    const folder = newFolder();
    const lock = lockFolder(folder, recordTakeOver);
    const held = readFileSync(join(folder, "newsgraph.lock"), "utf8");
    expect(JSON.parse(held)).toMatchObject({ pid: process.pid, hostname: hostname() });

    expect(() => lockFolder(folder, recordTakeOver)).toThrow(FolderLockedError);
    expect(() => lockFolder(folder, recordTakeOver)).toThrow(`in use by process ${process.pid}`);
    expect(readFileSync(join(folder, "newsgraph.lock"), "utf8")).toBe(held);

    lock.release();
    expect(existsSync(join(folder, "newsgraph.lock"))).toBe(false);
    lockFolder(folder, recordTakeOver).release();
    expect(takeOvers).toEqual([]);
  });

  it("refuses a folder held by another running process", () => {
    const folder = newFolder();
    const other = spawn("sleep", ["30"]);
    try {
      const holder = {
        pid: other.pid as number,
        hostname: hostname(),
        startedAt: "2026-01-01T00:00:00.000Z",
      };
      writeLock(join(folder, "newsgraph.lock"), holder);
      expect(() => lockFolder(folder, recordTakeOver)).toThrow(
        `in use by process ${holder.pid} on ${holder.hostname} since ${holder.startedAt}`,
      );
    } finally {
      other.kill("SIGKILL");
    }
  });

  it("refuses a folder held from another host, whose process it cannot check", () => {
    const folder = newFolder();
    writeLock(join(folder, "newsgraph.lock"), { pid: deadPid(), hostname: "elsewhere", startedAt: "then" });
    expect(() => lockFolder(folder, recordTakeOver)).toThrow("on elsewhere since then");
  });

  it("takes over a lock whose process no longer runs, and says whose it was", () => {
    const folder = newFolder();
    const stale = { pid: deadPid(), hostname: hostname(), startedAt: "2026-01-01T00:00:00.000Z" };
    writeLock(join(folder, "newsgraph.lock"), stale);
    const lock = lockFolder(folder, recordTakeOver);
    expect(takeOvers).toEqual([stale]);
    expect(JSON.parse(readFileSync(join(folder, "newsgraph.lock"), "utf8"))).toMatchObject({
      pid: process.pid,
    });
    lock.release();
  });

  it("takes over an unreadable lock file, and one left by an earlier life of this pid", () => {
    const folder = newFolder();
    writeFileSync(join(folder, "newsgraph.lock"), "");
    lockFolder(folder, recordTakeOver).release();

    writeLock(join(folder, "newsgraph.lock"), {
      pid: process.pid,
      hostname: hostname(),
      startedAt: "before",
    });
    lockFolder(folder, recordTakeOver).release();
    expect(takeOvers.map((holder) => holder.startedAt)).toEqual(["before"]);
  });

  it("is not blocked by a takeover left half done by a killed process", () => {
    const folder = newFolder();
    const stale = { pid: deadPid(), hostname: hostname(), startedAt: "then" };
    writeLock(join(folder, "newsgraph.lock"), stale);
    writeLock(join(folder, "newsgraph.lock.takeover"), stale);
    const lock = lockFolder(folder, recordTakeOver);
    expect(existsSync(join(folder, "newsgraph.lock.takeover"))).toBe(false);
    lock.release();
  });
});
