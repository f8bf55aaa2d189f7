// The Markdown tables of bench/api/index.ts.
import { type Check, describeFailures, failureCount, type KindResult, type SizeResult } from "./results.ts";

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const rate = (value: number) => fixed(value, value < 10 ? 1 : 0);

function statementCell(check: Check): string {
  const { first, repeated } = check.statements.newsgraph;
  const extras = [
    first.transactionControl ? `+${fixed(first.transactionControl, 1)} tx` : "",
    first.settings ? `+${fixed(first.settings, 1)} set` : "",
  ].filter(Boolean);
  const again = repeated.statements !== first.statements ? `, again ${fixed(repeated.statements, 1)}` : "";
  const reference = check.statements.reference.first.statements;
  return `${fixed(first.statements, 1)}${extras.length ? ` (${extras.join(", ")})` : ""}${again} / ${fixed(reference, 1)}`;
}

function answerCell({ check, newsgraph, reference }: KindResult, samples: number): string {
  const answers = check.different
    ? `**differ** (${check.different}/${samples})`
    : check.reordered
      ? "same (ties reordered)"
      : "same";
  const failed = [
    failureCount(newsgraph.failures) ? `newsgraph failed ${describeFailures(newsgraph.failures)}` : "",
    failureCount(reference.failures) ? `raw failed ${describeFailures(reference.failures)}` : "",
  ].filter(Boolean);
  return [answers, ...failed].join("; ");
}

export function sizeTable(result: SizeResult, samples: number): string {
  const lines = [
    `### ${result.size.toLocaleString("en")} articles`,
    "",
    "| request | newsgraph req/s | p50 ms | p99 ms | raw SQL req/s | p50 ms | p99 ms | ratio | SQL statements / request (newsgraph / raw) | answers |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
  ];
  for (const kind of result.kinds) {
    const { newsgraph: n, reference: r } = kind;
    lines.push(
      `| ${kind.label} | ${rate(n.requestsPerSecond)} | ${fixed(n.p50Ms)} | ${fixed(n.p99Ms)} | ${rate(r.requestsPerSecond)} | ${fixed(r.p50Ms)} | ${fixed(r.p99Ms)} | ${fixed(kind.ratio, 2)} | ${statementCell(kind.check)} | ${answerCell(kind, samples)} |`,
    );
  }
  const memory = result.memoryMb;
  lines.push(
    "",
    `API process RSS: ${fixed(memory.newsgraph.idle)} MB idle after start-up, ${fixed(memory.newsgraph.peakUnderLoad)} MB peak under load ` +
      `(VmHWM ${fixed(memory.newsgraph.highWaterMark)} MB), ${fixed(memory.newsgraph.idleAfter)} MB after. ` +
      `Raw SQL server: ${fixed(memory.reference.idle)} MB idle, ${fixed(memory.reference.peakUnderLoad)} MB peak.`,
  );
  return lines.join("\n");
}

export function growthTable(small: SizeResult, large: SizeResult): string {
  const lines = [
    `### Growth: ${large.size.toLocaleString("en")} vs ${small.size.toLocaleString("en")} articles (how many times slower)`,
    "",
    "| request | newsgraph req/s | newsgraph p50 | raw SQL req/s | raw SQL p50 |",
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  for (const kind of large.kinds) {
    const before = small.kinds.find((candidate) => candidate.key === kind.key);
    if (!before) continue;
    lines.push(
      `| ${kind.label} | ${fixed(before.newsgraph.requestsPerSecond / kind.newsgraph.requestsPerSecond, 2)}× | ` +
        `${fixed(kind.newsgraph.p50Ms / before.newsgraph.p50Ms, 2)}× | ` +
        `${fixed(before.reference.requestsPerSecond / kind.reference.requestsPerSecond, 2)}× | ` +
        `${fixed(kind.reference.p50Ms / before.reference.p50Ms, 2)}× |`,
    );
  }
  return lines.join("\n");
}
