import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const STOP_GRACE_MS = 15_000;

export type ServerProcess = {
  /** e.g. http://127.0.0.1:41234 */
  base: string;
  /** What the server printed as its start-up time. */
  seconds: number;
  /** The node process that runs server/main.ts (under npm, sh and tsx's launcher). */
  serverPid: number;
  output: () => string;
  /** SIGTERM, and wait for the exit of npm and of the server (SIGKILL after 15 s). */
  stop: () => Promise<void>;
  /** SIGKILL the whole process group, if it still runs. */
  kill: () => void;
};

/** Runs `npm start` as a user would, on a free port, and resolves once it listens. */
export function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child: ChildProcess = spawn("npm", ["start"], {
    cwd: root,
    env: { ...env, PORT: "0" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const kill = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  let serverPid: number | undefined;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.on("exit", () => resolve());
      });
      process.kill(-child.pid, "SIGTERM");
      await exited;
    }
    // npm may exit before the server it ran has shut down (and released its data folder).
    const deadline = Date.now() + STOP_GRACE_MS;
    while (serverPid !== undefined && isRunning(serverPid)) {
      if (Date.now() > deadline) return kill();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready in ([\d.]+) s/.exec(output);
      const url = /GraphQL\s+(http:\/\/[^/\s]+)\/graphql/.exec(output);
      if (ready && url) {
        serverPid = serverPidIn(child.pid as number);
        resolve({
          base: url[1] as string,
          seconds: Number(ready[1]),
          serverPid,
          output: () => output,
          stop,
          kill,
        });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

export type ProcessInfo = { pid: number; ppid: number; processGroup: number; commandLine: string };

/** Every process on the machine, from /proc (Linux). */
export function listProcesses(): ProcessInfo[] {
  return readdirSync("/proc").flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      // "pid (comm) state ppid pgrp …": comm may hold spaces, so split after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [, ppid, processGroup] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      return [{ pid: Number(entry), ppid: Number(ppid), processGroup: Number(processGroup), commandLine }];
    } catch {
      return []; // the process ended while we looked
    }
  });
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The innermost process of the group that runs server/main.ts: tsx's launcher runs it as its own child. */
function serverPidIn(processGroup: number): number {
  const candidates = listProcesses().filter(
    (info) => info.processGroup === processGroup && info.commandLine.includes("server/main.ts"),
  );
  const parents = new Set(candidates.map((info) => info.ppid));
  const innermost = candidates.find((info) => !parents.has(info.pid));
  if (!innermost) throw new Error(`No process of group ${processGroup} runs server/main.ts`);
  return innermost.pid;
}

/**
 * `npm start` as a user runs it on a fresh machine: the embedded database in a new data folder,
 * no token, the default extraction processes; `env` adds to that. `cleanUp` kills and removes all.
 */
export function embeddedServers(folderPrefix: string, env: NodeJS.ProcessEnv = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), folderPrefix));
  const running: ServerProcess[] = [];
  return {
    dataDir,
    async start(): Promise<ServerProcess> {
      const childEnv: NodeJS.ProcessEnv = { ...process.env, NEWSGRAPH_DATA_DIR: dataDir };
      for (const name of ["DATABASE_URL", "NEWSGRAPH_API_TOKEN", "NEWSGRAPH_SEED", "EXTRACTION_WORKERS"])
        delete childEnv[name];
      const server = await startServerProcess({ ...childEnv, ...env });
      running.push(server);
      return server;
    },
    cleanUp(): void {
      for (const server of running) server.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
