/**
 * How extraction time grows with text size: extract() on generated texts of 100 kB, 300 kB and 1 MB
 * (bench/generate-text.ts), each size in a fresh child process after a warm-up extraction, so the
 * lexicon load is not counted and one size's heap does not weigh on the next; the median of three.
 * Prints bytes, wall seconds, t(size)/t(100 kB), CPU seconds (wall time on a busy machine is more,
 * CPU time is what a quiet one would take), the child's peak RSS, and what was found; exits 1 when
 * t(1 MB)/t(100 kB) > 12 or a 1 MB text takes more than 10 s of wall time (issue 7).
 * Usage: npm run bench:extract-scaling [-- --kinds news,quotes,…] [-- --timeout SECONDS]
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { extract, warmUp } from "../server/extract/index.ts";
import { generateText, TEXT_KINDS, type TextKind } from "./generate-text.ts";

const SIZES = [100_000, 300_000, 1_000_000];
const TARGETS = { ratio: 12, secondsAt1MB: 10 };
/** Runs per size; the median counts, so that one run slowed by a busy machine does not. */
const REPEATS = 3;
const WARM_UP_TEXT = "„Wir stehen fest an der Seite der Ukraine“, sagte Olaf Scholz am Dienstag in Paris.";

type Run = {
  bytes: number;
  seconds: number;
  cpuSeconds: number;
  peakMB: number;
  actors: number;
  quotes: number;
  events: number;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

/** In the child: warm up, generate, time REPEATS extractions, print the median run as JSON. */
function measure(kind: TextKind, bytes: number): void {
  warmUp();
  extract(WARM_UP_TEXT, { language: "de" });
  const text = generateText(kind, bytes);
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let document = extract(WARM_UP_TEXT, { language: "de" });
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    document = extract(text);
    seconds.push((performance.now() - started) / 1000);
    const cpu = process.cpuUsage(cpuStarted);
    cpuSeconds.push((cpu.user + cpu.system) / 1e6);
  }
  const run: Run = {
    bytes: Buffer.byteLength(text, "utf8"),
    seconds: median(seconds),
    cpuSeconds: median(cpuSeconds),
    peakMB: process.resourceUsage().maxRSS / 1024,
    actors: document.actors.length,
    quotes: document.quotes.length,
    events: document.events.length,
  };
  process.stdout.write(JSON.stringify(run));
}

function runChild(kind: TextKind, bytes: number, timeoutSeconds: number): Run | string {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ["--import", "tsx", self, "--child", kind, String(bytes)], {
    encoding: "utf8",
    timeout: timeoutSeconds * 1000,
    maxBuffer: 1 << 20,
  });
  if (child.error) return `no result (${child.error.message})`;
  if (child.status !== 0)
    return `failed (exit ${child.status ?? child.signal}): ${child.stderr.trim().slice(-300)}`;
  return JSON.parse(child.stdout) as Run;
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function main(args: string[]): void {
  const kinds = (option(args, "--kinds") ?? TEXT_KINDS.join(",")).split(",") as TextKind[];
  const unknown = kinds.filter((kind) => !(TEXT_KINDS as readonly string[]).includes(kind));
  if (unknown.length > 0)
    throw new Error(`Unknown kinds ${unknown.join(", ")}; known: ${TEXT_KINDS.join(", ")}`);
  const timeoutSeconds = Number(option(args, "--timeout") ?? 120);
  let met = true;
  console.log("kind                 bytes    seconds   ratio   cpu s   peak RSS   actors   quotes   events");
  for (const kind of kinds) {
    let base: number | null = null;
    for (const bytes of SIZES) {
      const run = runChild(kind, bytes, timeoutSeconds);
      if (typeof run === "string") {
        met = false;
        console.log(`${kind.padEnd(16)}  ${String(bytes).padStart(9)}  ${run}`);
        continue;
      }
      base ??= bytes === SIZES[0] ? run.seconds : null;
      const ratio = base ? run.seconds / base : Number.NaN;
      if (bytes === SIZES.at(-1) && (!(ratio <= TARGETS.ratio) || run.seconds > TARGETS.secondsAt1MB))
        met = false;
      console.log(
        [
          kind.padEnd(16),
          String(run.bytes).padStart(9),
          run.seconds.toFixed(2).padStart(10),
          ratio.toFixed(1).padStart(6),
          run.cpuSeconds.toFixed(2).padStart(6),
          `${run.peakMB.toFixed(0)} MB`.padStart(9),
          String(run.actors).padStart(7),
          String(run.quotes).padStart(7),
          String(run.events).padStart(7),
        ].join("  "),
      );
    }
  }
  console.log(
    met
      ? `all targets met (t(1 MB)/t(100 kB) ≤ ${TARGETS.ratio}, 1 MB ≤ ${TARGETS.secondsAt1MB} s)`
      : `TARGETS MISSED (t(1 MB)/t(100 kB) ≤ ${TARGETS.ratio}, 1 MB ≤ ${TARGETS.secondsAt1MB} s)`,
  );
  if (!met) process.exitCode = 1;
}

const args = process.argv.slice(2);
if (args[0] === "--child") measure(args[1] as TextKind, Number(args[2]));
else main(args);
