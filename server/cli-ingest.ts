import { createInterface } from "node:readline";
import { SingleBar } from "cli-progress";
import type { ArticleInput } from "./ingest/input.ts";
import { readTextFile } from "./text-file.ts";

type Outcome = { label: string; created: boolean; errors: string[] };

function parseFlags(args: string[]) {
  const files: string[] = [];
  const metadata: Omit<ArticleInput, "text"> = {};
  let jsonl = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === "--jsonl") jsonl = true;
    else if (arg === "--language") metadata.language = value();
    else if (arg === "--published-at") metadata.publishedAt = value();
    else if (arg === "--source") metadata.source = value();
    else if (arg === "--title") metadata.title = value();
    else if (arg.startsWith("--")) throw new Error(`Unknown option ${arg}`);
    else files.push(arg);
  }
  return { files, metadata, jsonl };
}

async function readJsonLines(): Promise<{ label: string; input: ArticleInput | null; error?: string }[]> {
  const items: { label: string; input: ArticleInput | null; error?: string }[] = [];
  let line = 0;
  for await (const raw of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    line += 1;
    if (!raw.trim()) continue;
    try {
      const parsed = JSON.parse(raw) as ArticleInput & { id?: string };
      const label = parsed.id ? String(parsed.id) : `line ${line}`;
      if (typeof parsed.text !== "string") items.push({ label, input: null, error: 'no "text" string' });
      else items.push({ label, input: parsed });
    } catch (error) {
      items.push({ label: `line ${line}`, input: null, error: `not JSON (${(error as Error).message})` });
    }
  }
  return items;
}

function readText(file: string): string {
  const { text, encoding } = readTextFile(file);
  if (encoding !== "utf-8") console.error(`${file} is not UTF-8: read it as ${encoding}.`);
  return text;
}

/**
 * npm run ingest -- FILE… [--language de] [--published-at YYYY-MM-DD] [--source S] [--title T]
 * npm run ingest -- --jsonl < articles.jsonl   (one {"text", "title"?, "publishedAt"?, …} a line)
 */
export async function runIngest(args: string[]): Promise<number> {
  const { files, metadata, jsonl } = parseFlags(args);
  if (!jsonl && files.length === 0) {
    console.error(
      "Usage: npm run ingest -- FILE… [--language de] [--published-at 2023-10-14] [--source S]\n   or: npm run ingest -- --jsonl < articles.jsonl",
    );
    return 1;
  }
  const items = jsonl
    ? await readJsonLines()
    : files.map((file) => {
        try {
          return {
            label: file,
            input: { ...metadata, text: readText(file) } as ArticleInput | null,
          };
        } catch (error) {
          return { label: file, input: null, error: (error as Error).message };
        }
      });

  // The database opens only now, so that usage errors answer at once.
  const { closeDatabase, connectionString, prisma } = await import("./db.ts");
  const { applyMigrations } = await import("../prisma/engine.ts");
  const { ingestArticle } = await import("./ingest/ingest.ts");
  await applyMigrations(connectionString);

  const bar = new SingleBar({
    format: "ingesting [{bar}] {value}/{total} {label}",
    stream: process.stderr,
    hideCursor: true,
  });
  bar.start(items.length, 0, { label: "" });
  const outcomes: Outcome[] = [];
  for (const item of items) {
    bar.update({ label: item.label });
    if (!item.input)
      outcomes.push({ label: item.label, created: false, errors: [item.error ?? "unreadable"] });
    else {
      const result = await ingestArticle(prisma, item.input);
      outcomes.push({
        label: item.label,
        created: result.created,
        errors: result.userErrors.map((e) => e.message),
      });
    }
    bar.increment();
  }
  bar.stop();
  await closeDatabase();

  const refused = outcomes.filter((outcome) => outcome.errors.length);
  const created = outcomes.filter((outcome) => outcome.created).length;
  for (const outcome of refused) console.error(`refused ${outcome.label}: ${outcome.errors.join("; ")}`);
  console.error(
    `${created} created, ${outcomes.length - created - refused.length} already stored, ${refused.length} refused`,
  );
  return refused.length ? 1 : 0;
}
