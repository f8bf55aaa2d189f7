import { type ChildProcess, spawn } from "node:child_process";

const root = new URL("..", import.meta.url).pathname;

export type ServerProcess = {
  /** e.g. http://127.0.0.1:41234 */
  base: string;
  /** What the server printed as its start-up time. */
  seconds: number;
  output: () => string;
  /** SIGTERM, and wait for the exit. */
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
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || !child.pid) return resolve();
      child.removeAllListeners("exit");
      child.on("exit", () => resolve());
      process.kill(-child.pid, "SIGTERM");
    });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready in ([\d.]+) s/.exec(output);
      const url = /GraphQL\s+(http:\/\/[^/\s]+)\/graphql/.exec(output);
      if (ready && url) {
        resolve({ base: url[1] as string, seconds: Number(ready[1]), output: () => output, stop, kill });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}
