/**
 * A behaviour snapshot of the extractor: runs extract() over the shared corpus (SpkAtt articles,
 * GermEval sentences, GUM documents) and the project's own sets (English fixtures, gold
 * articles, the seed article), writes one compact JSON line per document, and compares a later
 * run with it, printing the changed documents item by item. The rule fields (`rule`,
 * `speakerRule`, participant `rule`) are left out of the comparison: they only explain a decision.
 * The snapshot lives outside git (node_modules/.cache/newsgraph-snapshot/).
 * Usage: npm run snapshot:extract -- --write [name] | --compare [name] [--limit N] [--ignore field,…]
 * (--ignore leaves further fields out of the comparison, e.g. `confidence` after recalibrating)
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DATA_DIR, sharedData } from "../server/extract/eval/data.ts";
import { loadGermEval } from "../server/extract/eval/ner.ts";
import { ExtractionError, extract } from "../server/extract/index.ts";

type Input = { id: string; text: string; language?: string | null; publishedAt?: string | null };

const ROOT = new URL("../", import.meta.url);
const SNAPSHOT_DIR = fileURLToPath(new URL("node_modules/.cache/newsgraph-snapshot/", ROOT));
const RULE_FIELDS = new Set(["rule", "speakerRule"]);

function jsonLines(path: string): Input[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Input);
}

/** GUM documents rebuilt from their `# text =` lines, one paragraph a sentence. */
function gumDocuments(): Input[] {
  const folder = `${DATA_DIR}treebanks/en-gum/`;
  let files: string[];
  try {
    files = readdirSync(folder).filter((name) => name.endsWith(".conllu"));
  } catch {
    process.stderr.write(`Skipping GUM: ${folder} is absent.\n`);
    return [];
  }
  return files.sort().map((name) => {
    const lines = readFileSync(`${folder}${name}`, "utf8").split("\n");
    const sentences = lines.filter((line) => line.startsWith("# text = ")).map((line) => line.slice(9));
    return { id: `gum/${name}`, text: sentences.join("\n"), language: "en" };
  });
}

function inputs(): Input[] {
  const all: Input[] = [];
  const spkatt = sharedData("spkatt-train.jsonl");
  if (spkatt) all.push(...jsonLines(spkatt).map((doc) => ({ ...doc, id: `spkatt/${doc.id}` })));
  const germeval = loadGermEval("all") ?? [];
  for (const sentence of germeval)
    all.push({ id: `germeval/${sentence.index}`, text: sentence.text, language: "de" });
  all.push(...gumDocuments());
  for (const set of ["articles", "heldout"]) {
    const path = fileURLToPath(new URL(`test/fixtures/english/${set}.jsonl`, ROOT));
    all.push(...jsonLines(path).map((doc) => ({ ...doc, id: `english/${doc.id}` })));
  }
  const gold = JSON.parse(
    readFileSync(fileURLToPath(new URL("test/fixtures/articles/gold.json", ROOT)), "utf8"),
  ) as Input[];
  all.push(...gold.map((doc) => ({ ...doc, id: `gold/${doc.id}` })));
  const seeds = JSON.parse(
    readFileSync(fileURLToPath(new URL("prisma/seed/articles.json", ROOT)), "utf8"),
  ) as {
    file: string;
    language: string;
    publishedAt: string;
  }[];
  for (const seed of seeds) {
    const text = readFileSync(fileURLToPath(new URL(`prisma/seed/${seed.file}`, ROOT)), "utf8");
    all.push({ id: `seed/${seed.file}`, text, language: seed.language, publishedAt: seed.publishedAt });
  }
  return all;
}

/** The document without its rule fields (and any ignored ones), so that only behaviour is compared. */
function without(value: unknown, ignored: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => without(item, ignored));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (!ignored.has(key)) out[key] = without(item, ignored);
    return out;
  }
  return value;
}

function run(input: Input): unknown {
  try {
    const { extractor: _version, ...document } = extract(input.text, {
      language: input.language ?? null,
      publishedAt: input.publishedAt ?? null,
    });
    return document;
  } catch (error) {
    if (error instanceof ExtractionError) return { error: error.code };
    throw error;
  }
}

function write(name: string): void {
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  const started = performance.now();
  const lines = inputs().map((input) => JSON.stringify({ id: input.id, document: run(input) }));
  writeFileSync(`${SNAPSHOT_DIR}${name}.jsonl`, `${lines.join("\n")}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`wrote ${lines.length} documents to ${SNAPSHOT_DIR}${name}.jsonl in ${seconds} s`);
}

/** Item-level difference of two documents: per layer, the items only in one of them. */
function describeChange(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const left = before[key];
    const right = after[key];
    if (JSON.stringify(left) === JSON.stringify(right)) continue;
    if (Array.isArray(left) && Array.isArray(right)) {
      const leftItems = left.map((item) => JSON.stringify(item));
      const rightItems = right.map((item) => JSON.stringify(item));
      const rightSet = new Set(rightItems);
      const leftSet = new Set(leftItems);
      out.push(`  ${key}:`);
      for (const item of leftItems) if (!rightSet.has(item)) out.push(`    - ${item}`);
      for (const item of rightItems) if (!leftSet.has(item)) out.push(`    + ${item}`);
    } else out.push(`  ${key}: ${JSON.stringify(left)} → ${JSON.stringify(right)}`);
  }
  return out;
}

function compare(name: string, limit: number, ignored: ReadonlySet<string>): void {
  const path = `${SNAPSHOT_DIR}${name}.jsonl`;
  const before = new Map<string, string>();
  for (const line of readFileSync(path, "utf8").split("\n").filter(Boolean)) {
    const { id, document } = JSON.parse(line) as { id: string; document: unknown };
    before.set(id, JSON.stringify(without(document, ignored)));
  }
  let same = 0;
  let added = 0;
  const changed: string[] = [];
  const seen = new Set<string>();
  for (const input of inputs()) {
    seen.add(input.id);
    const old = before.get(input.id);
    const now = JSON.stringify(without(run(input), ignored));
    if (old === undefined) added++;
    else if (old === now) same++;
    else {
      changed.push(input.id);
      if (changed.length <= limit) {
        console.log(`changed: ${input.id}`);
        const lines = describeChange(JSON.parse(old), JSON.parse(now));
        console.log(lines.join("\n"));
      }
    }
  }
  const removed = [...before.keys()].filter((id) => !seen.has(id));
  console.log(
    `${same} unchanged, ${changed.length} changed, ${added} new, ${removed.length} gone (ignored: ${[...ignored].join(", ")}; snapshot ${path})`,
  );
  if (added > 0 || removed.length > 0)
    console.log("new or gone documents are inputs added or removed since the snapshot, not changes");
  if (changed.length > limit) console.log(`(${changed.length - limit} more changed documents not shown)`);
  if (changed.length > 0) process.exitCode = 1;
}

function main(): void {
  const args = process.argv.slice(2);
  const mode = args[0];
  const name = args[1] && !args[1].startsWith("--") ? args[1] : "baseline";
  const limitAt = args.indexOf("--limit");
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 20;
  const ignoreAt = args.indexOf("--ignore");
  const ignored = new Set([...RULE_FIELDS, ...(ignoreAt >= 0 ? (args[ignoreAt + 1] ?? "").split(",") : [])]);
  if (mode === "--write") write(name);
  else if (mode === "--compare") compare(name, limit, ignored);
  else {
    console.error(
      "Usage: npm run snapshot:extract -- --write [name] | --compare [name] [--limit N] [--ignore field,…]",
    );
    process.exitCode = 2;
  }
}

main();
