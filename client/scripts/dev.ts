// `npm run dev`: the API restarting on change (tsx watch) and Vite's dev server with hot reload,
// which forwards /graphql to the API. Ctrl-C stops both.
import { type ChildProcess, spawn } from "node:child_process";

const apiPort = process.env.API_PORT ?? "4000";
const children: ChildProcess[] = [
  spawn("npx", ["tsx", "watch", "server/main.ts"], {
    stdio: "inherit",
    env: { ...process.env, PORT: apiPort },
  }),
  spawn("npx", ["vite", "client"], { stdio: "inherit", env: { ...process.env, API_PORT: apiPort } }),
];

function stop(code: number) {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exitCode = code;
}
for (const child of children) child.on("exit", (code) => stop(code ?? 0));
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
