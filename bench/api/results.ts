// The figures of a run, as bench/api/index.ts measures them and report.ts prints them (and the
// JSON file holds them).
import type { StatementCounts } from "./statement-counter.ts";

export type ServerName = "newsgraph" | "reference";

export type Check = {
  /** Sample requests whose answers were equal, equal but for the order of tied items, different. */
  equal: number;
  reordered: number;
  different: number;
  diff: string[];
  /** Mean counts per request, by server: the first time a request is seen, and asked again. */
  statements: Record<ServerName, { first: StatementCounts; repeated: StatementCounts }>;
  /** What newsgraph executed for the first sample (the start of each statement). */
  firstSampleSql: string[];
};

/** Failed requests by what came back: "503", "200 with errors", "no answer". */
export type Failures = Record<string, number>;

export const failureCount = (failures: Failures) =>
  Object.values(failures).reduce((sum, count) => sum + count, 0);
export const describeFailures = (failures: Failures) =>
  Object.entries(failures)
    .map(([kind, count]) => `${count} × ${kind}`)
    .join(", ") || "none";

/** `connections` clients sending the kind's requests one after another for `seconds`. */

export type Throughput = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failures: Failures;
};

export type KindResult = {
  key: string;
  label: string;
  check: Check;
  newsgraph: Throughput;
  reference: Throughput;
  ratio: number;
};

export type SizeResult = {
  size: number;
  corpus: { origin: string; seconds: number; dumpFile: string };
  referenceSchemaFeatures: string;
  memoryMb: Record<
    ServerName,
    { idle: number; peakUnderLoad: number; idleAfter: number; highWaterMark: number }
  >;
  kinds: KindResult[];
};
