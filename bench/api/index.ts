// `npm run bench:api`: the API against a hand-written raw-SQL server on the same database, at
// several corpus sizes. For each size: the corpus database (corpus-database.ts), the real server
// (`npm start`, production, no seed) and the reference (reference-server.ts), each reaching
// PostgreSQL through a proxy that counts the SQL statements they send (statement-counter.ts).
// Then, for every request kind (requests.ts):
//   1. check: both servers answer the same sample requests, one at a time; their `data` are
//      deep-compared (a difference is printed and the kind marked) and their statements counted;
//   2. load: interleaved rounds (newsgraph, reference, newsgraph, reference…) of --seconds each at
//      --connections, the same requests in the same order for both; req/s, p50, p99;
//   3. memory: VmRSS of the API's node process (not npm's or tsx's) idle and sampled under load.
// Prints a Markdown table per size and the growth from the smallest to the largest size; writes
// the figures as JSON. Loopback only; a database's name must contain "bench".
// Options: --sizes 1000,10000 --seconds 10 --rounds 3 --connections 10 --samples 5
//          --kinds article,front,… --database-prefix postgresql://postgres@127.0.0.1:5432/newsgraph_bench_
//          --cache-dir DIR --output FILE --rebuild (ignore the dumps) --skip-build (use the databases
//          as they are) --build-only (prepare the databases and stop)
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { isRunning, type ServerProcess, startServerProcess } from "../../test/server-process.ts";
import { compareAnswers, differences } from "./compare.ts";
import {
  articleCount,
  benchDatabaseName,
  DEFAULT_CACHE_DIR,
  prepareCorpusDatabase,
} from "./corpus-database.ts";
import { growthTable, sizeTable } from "./report.ts";
import {
  type Answer,
  createSender,
  type Fixtures,
  loadFixtures,
  type Operation,
  REQUEST_KINDS,
  type RequestKind,
  seededPick,
} from "./requests.ts";
import {
  type Check,
  describeFailures,
  type Failures,
  failureCount,
  type KindResult,
  type ServerName,
  type SizeResult,
  type Throughput,
} from "./results.ts";
import { type StatementCounter, type StatementCounts, startStatementCounter } from "./statement-counter.ts";

const root = new URL("../..", import.meta.url).pathname;
const STATEMENT_SETTLE_MS = 30;
const RSS_SAMPLE_MS = 250;

const { values: options } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000" },
    seconds: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "10" },
    samples: { type: "string", default: "5" },
    kinds: { type: "string" },
    "database-prefix": { type: "string", default: "postgresql://postgres@127.0.0.1:5432/newsgraph_bench_" },
    "cache-dir": { type: "string", default: DEFAULT_CACHE_DIR },
    output: { type: "string" },
    rebuild: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
    "build-only": { type: "boolean", default: false },
  },
});
const sizes = options.sizes.split(",").map((size) => Number(size.replace(/[_\s]/g, "")));
const seconds = Number(options.seconds);
const rounds = Number(options.rounds);
const connections = Number(options.connections);
const samples = Number(options.samples);
if (![...sizes, seconds, rounds, connections, samples].every((value) => Number.isInteger(value) && value > 0))
  throw new Error("--sizes, --seconds, --rounds, --connections and --samples take positive whole numbers");
const kinds = options.kinds
  ? options.kinds.split(",").map((key) => {
      const kind = REQUEST_KINDS.find((candidate) => candidate.key === key);
      if (!kind) throw new Error(`--kinds: no kind ${key} (${REQUEST_KINDS.map((k) => k.key).join(", ")})`);
      return kind;
    })
  : REQUEST_KINDS;
const databaseUrl = (size: number) => new URL(`${options["database-prefix"]}${size}`);
const outputFile =
  options.output ??
  join(options["cache-dir"], `results-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);

// --- measuring -------------------------------------------------------------------------------

type Memory = { rssMb: number; peakMb: number };

/** VmRSS and VmHWM (the peak since start) of a process, in MB. */
function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const answered = (answer: Answer) =>
  answer.status === 200 && answer.body.startsWith('{"data"') && !answer.body.includes('"errors":[');

type Target = {
  name: ServerName;
  base: string;
  pid: number;
  counter: StatementCounter;
  sender: ReturnType<typeof createSender>;
};

function subtract(after: StatementCounts, before: StatementCounts): StatementCounts {
  return {
    statements: after.statements - before.statements,
    transactionControl: after.transactionControl - before.transactionControl,
    settings: after.settings - before.settings,
    background: after.background - before.background,
    parses: after.parses - before.parses,
    connections: after.connections - before.connections,
  };
}

function meanCounts(list: StatementCounts[]): StatementCounts {
  const mean = (field: keyof StatementCounts) =>
    list.reduce((sum, counts) => sum + counts[field], 0) / list.length;
  return {
    statements: mean("statements"),
    transactionControl: mean("transactionControl"),
    settings: mean("settings"),
    background: mean("background"),
    parses: mean("parses"),
    connections: mean("connections"),
  };
}

/** One request, alone, with the statements it made the server send. */
async function countedRequest(
  target: Target,
  operation: Operation,
): Promise<[Answer, StatementCounts, string[]]> {
  const before = target.counter.counts();
  const stopRecording = target.counter.record();
  const answer = await target.sender.send(operation);
  await new Promise((resolve) => setTimeout(resolve, STATEMENT_SETTLE_MS));
  const sql = stopRecording().map((text) => text.replace(/\s+/g, " ").slice(0, 160));
  return [answer, subtract(target.counter.counts(), before), sql];
}

function dataOf(answer: Answer): unknown {
  try {
    const body = JSON.parse(answer.body) as { data?: unknown; errors?: unknown };
    return body.errors ? { status: answer.status, errors: body.errors } : body.data;
  } catch {
    return { status: answer.status, body: answer.body.slice(0, 300) };
  }
}

async function check(kind: RequestKind, fixtures: Fixtures, api: Target, reference: Target): Promise<Check> {
  const pick = seededPick(7);
  const result: Check = {
    equal: 0,
    reordered: 0,
    different: 0,
    diff: [],
    statements: {} as Check["statements"],
    firstSampleSql: [],
  };
  const counted: Record<Target["name"], { first: StatementCounts[]; repeated: StatementCounts[] }> = {
    newsgraph: { first: [], repeated: [] },
    reference: { first: [], repeated: [] },
  };
  const seen = new Set<string>();
  for (let sample = 0; sample < samples; sample++) {
    const operation = kind.make(fixtures, pick);
    // A request asked before (the front page has no variables) counts as asked again.
    const firstTime = !seen.has(JSON.stringify(operation.variables));
    seen.add(JSON.stringify(operation.variables));
    const answers: unknown[] = [];
    for (const target of [api, reference]) {
      const [answer, first, sql] = await countedRequest(target, operation);
      const [, repeated] = await countedRequest(target, operation);
      if (sample === 0 && target === api) result.firstSampleSql = sql;
      counted[target.name][firstTime ? "first" : "repeated"].push(first);
      counted[target.name].repeated.push(repeated);
      answers.push(dataOf(answer));
    }
    const comparison = compareAnswers(answers[0], answers[1]);
    result[comparison] += 1;
    if (comparison === "different" && !result.diff.length)
      result.diff = [
        `variables ${JSON.stringify(operation.variables)}:`,
        ...differences(answers[0], answers[1]),
      ];
  }
  for (const name of ["newsgraph", "reference"] as const)
    result.statements[name] = {
      first: meanCounts(counted[name].first),
      repeated: meanCounts(counted[name].repeated),
    };
  return result;
}

type Round = { requests: number; failures: Failures; seconds: number; latenciesMs: number[] };

function failureOf(answer: Answer | undefined): string {
  if (!answer) return "no answer";
  return answer.status === 200 ? "200 with errors" : String(answer.status);
}

async function loadRound(
  target: Target,
  kind: RequestKind,
  fixtures: Fixtures,
  seed: number,
): Promise<Round> {
  const latenciesMs: number[] = [];
  const failures: Failures = {};
  const startedAt = performance.now();
  const until = startedAt + seconds * 1000;
  const client = async (client: number) => {
    const pick = seededPick(seed * 1000 + client);
    while (performance.now() < until) {
      const sentAt = performance.now();
      const answer = await target.sender.send(kind.make(fixtures, pick)).catch(() => undefined);
      if (answer && answered(answer)) latenciesMs.push(performance.now() - sentAt);
      else failures[failureOf(answer)] = (failures[failureOf(answer)] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, index) => client(index)));
  return {
    requests: latenciesMs.length,
    failures,
    seconds: (performance.now() - startedAt) / 1000,
    latenciesMs,
  };
}

function summarise(roundsDone: Round[]): Throughput {
  const latencies = roundsDone.flatMap((round) => round.latenciesMs).sort((a, b) => a - b);
  const requests = latencies.length;
  const totalSeconds = roundsDone.reduce((sum, round) => sum + round.seconds, 0);
  return {
    requestsPerSecond: requests / totalSeconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    requests,
    failures: roundsDone.reduce<Failures>((all, round) => {
      for (const [kind, count] of Object.entries(round.failures)) all[kind] = (all[kind] ?? 0) + count;
      return all;
    }, {}),
  };
}

// --- the servers -----------------------------------------------------------------------------

function proxiedUrl(url: URL, counter: StatementCounter): string {
  const proxied = new URL(url);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(counter.port);
  return proxied.toString();
}

type ReferenceProcess = { base: string; pid: number; child: ChildProcess; features: string };

function startReference(databaseUrl: string): Promise<ReferenceProcess> {
  // node itself (not npx/tsx's launcher), so that its pid is the process that serves.
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "bench/api/reference-server.ts")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /reference listening on (http:\/\/\S+) \(schema features: ([^)]*)\)/.exec(output);
      if (ready)
        resolve({ base: ready[1] as string, pid: child.pid as number, child, features: ready[2] as string });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`the reference server exited with ${code}:\n${output}`)));
  });
}

async function stopReference(reference: ReferenceProcess | undefined): Promise<void> {
  if (!reference || reference.child.exitCode !== null) return;
  reference.child.removeAllListeners("exit");
  const exited = new Promise((resolve) => reference.child.once("exit", resolve));
  reference.child.kill("SIGTERM");
  await exited;
}

// --- one size --------------------------------------------------------------------------------

async function measureSize(
  size: number,
  corpus: SizeResult["corpus"],
  cleanUps: (() => Promise<void>)[],
): Promise<SizeResult> {
  const url = databaseUrl(size);
  const target = { host: url.hostname, port: Number(url.port || 5432) };
  const apiCounter = await startStatementCounter(target);
  const referenceCounter = await startStatementCounter(target);
  cleanUps.push(apiCounter.close, referenceCounter.close);

  console.log(`\n## ${size.toLocaleString("en")} articles: starting npm start and the reference…`);
  const server: ServerProcess = await startServerProcess({
    ...process.env,
    NODE_ENV: "production",
    NEWSGRAPH_SEED: "false",
    DATABASE_URL: proxiedUrl(url, apiCounter),
  });
  cleanUps.push(server.stop);
  const reference = await startReference(proxiedUrl(url, referenceCounter));
  cleanUps.push(() => stopReference(reference));
  console.log(
    `newsgraph ready in ${server.seconds} s (pid ${server.serverPid}); reference uses: ${reference.features || "the first migration's schema"}`,
  );

  const targets: Record<Target["name"], Target> = {
    newsgraph: {
      name: "newsgraph",
      base: server.base,
      pid: server.serverPid,
      counter: apiCounter,
      sender: createSender(server.base, connections),
    },
    reference: {
      name: "reference",
      base: reference.base,
      pid: reference.pid,
      counter: referenceCounter,
      sender: createSender(reference.base, connections),
    },
  };
  cleanUps.push(async () => {
    for (const each of Object.values(targets)) each.sender.close();
  });
  const idle = { newsgraph: memoryOf(server.serverPid), reference: memoryOf(reference.pid) };
  const fixtures = await loadFixtures(url);
  const peak = { newsgraph: 0, reference: 0 };
  const sampler = setInterval(() => {
    for (const name of ["newsgraph", "reference"] as const)
      if (isRunning(targets[name].pid)) peak[name] = Math.max(peak[name], memoryOf(targets[name].pid).rssMb);
  }, RSS_SAMPLE_MS);
  cleanUps.push(async () => clearInterval(sampler));

  const results: KindResult[] = [];
  for (const kind of kinds) {
    const checked = await check(kind, fixtures, targets.newsgraph, targets.reference);
    const mark = checked.different
      ? "DIFFERENT"
      : checked.reordered
        ? "equal but for the order of ties"
        : "equal";
    console.log(
      `${kind.label}: answers ${mark} (${checked.equal} equal, ${checked.reordered} reordered, ${checked.different} different of ${samples}); ` +
        `statements ${checked.statements.newsgraph.first.statements.toFixed(1)} vs ${checked.statements.reference.first.statements.toFixed(1)}`,
    );
    for (const line of checked.diff) console.log(`    ${line}`);
    const done: Record<Target["name"], Round[]> = { newsgraph: [], reference: [] };
    for (let round = 0; round < rounds; round++)
      for (const name of ["newsgraph", "reference"] as const)
        done[name].push(await loadRound(targets[name], kind, fixtures, round + 1));
    const newsgraph = summarise(done.newsgraph);
    const referenceFigures = summarise(done.reference);
    results.push({
      key: kind.key,
      label: kind.label,
      check: checked,
      newsgraph,
      reference: referenceFigures,
      ratio: newsgraph.requestsPerSecond / referenceFigures.requestsPerSecond,
    });
    console.log(
      `  newsgraph ${newsgraph.requestsPerSecond.toFixed(1)} req/s p50 ${newsgraph.p50Ms.toFixed(0)} ms; ` +
        `reference ${referenceFigures.requestsPerSecond.toFixed(1)} req/s p50 ${referenceFigures.p50Ms.toFixed(0)} ms` +
        `${failureCount(newsgraph.failures) + failureCount(referenceFigures.failures) ? `; failed: newsgraph ${describeFailures(newsgraph.failures)}, reference ${describeFailures(referenceFigures.failures)}` : ""}`,
    );
  }
  clearInterval(sampler);
  const memoryMb = {} as SizeResult["memoryMb"];
  for (const name of ["newsgraph", "reference"] as const) {
    const after = memoryOf(targets[name].pid);
    memoryMb[name] = {
      idle: idle[name].rssMb,
      peakUnderLoad: peak[name],
      idleAfter: after.rssMb,
      highWaterMark: after.peakMb,
    };
  }
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
  return { size, corpus, referenceSchemaFeatures: reference.features, memoryMb, kinds: results };
}

// --- the run ---------------------------------------------------------------------------------

const cleanUps: (() => Promise<void>)[] = [];
const cleanUpAll = async () => {
  for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp().catch(() => undefined);
};
process.once("SIGINT", () => void cleanUpAll().then(() => process.exit(130)));

try {
  const corpora = new Map<number, SizeResult["corpus"]>();
  for (const size of sizes) {
    const url = databaseUrl(size);
    benchDatabaseName(url);
    if (options["skip-build"]) {
      const count = await articleCount(url);
      if (count !== size)
        throw new Error(`--skip-build: ${url.pathname.slice(1)} holds ${count} articles, not ${size}`);
      corpora.set(size, { origin: "as found", seconds: 0, dumpFile: "" });
      continue;
    }
    const prepared = await prepareCorpusDatabase({
      url,
      size,
      cacheDir: options["cache-dir"],
      rebuild: options.rebuild,
    });
    console.log(
      `${size.toLocaleString("en")} articles: ${prepared.origin} in ${prepared.seconds.toFixed(1)} s`,
    );
    corpora.set(size, { origin: prepared.origin, seconds: prepared.seconds, dumpFile: prepared.dumpFile });
  }
  if (!options["build-only"]) {
    const results: SizeResult[] = [];
    for (const size of sizes)
      results.push(await measureSize(size, corpora.get(size) as SizeResult["corpus"], cleanUps));
    const report = [
      `\nnpm run bench:api -- --sizes ${sizes.join(",")} --seconds ${seconds} --rounds ${rounds} --connections ${connections}: ` +
        `${connections} connections, ${rounds} interleaved rounds of ${seconds} s per server and request; ` +
        "SQL statements counted at the wire, one request at a time, the first time a request is sent " +
        "(again: the same request repeated; the job queue's polling apart); ratio = newsgraph req/s ÷ raw SQL req/s.\n",
      ...results.map((result) => sizeTable(result, samples)),
    ];
    const [smallest, largest] = [results[0], results.at(-1)];
    if (smallest && largest && largest !== smallest) report.push(growthTable(smallest, largest));
    console.log(report.join("\n\n"));
    mkdirSync(dirname(outputFile), { recursive: true });
    writeFileSync(
      outputFile,
      JSON.stringify(
        { at: new Date().toISOString(), options: { sizes, seconds, rounds, connections, samples }, results },
        null,
        2,
      ),
    );
    console.log(`\nFigures written to ${outputFile}`);
    if (results.some((result) => result.kinds.some((kind) => kind.check.different))) process.exitCode = 1;
  }
} finally {
  await cleanUpAll();
}
