/**
 * `extract` command: one file → one pretty-printed AnnotationDocument, or `--jsonl` from standard
 * input → one compact document per line (or `{"id", "error"}` for a line that cannot be read).
 * Only results go to standard output; progress and warnings go to standard error.
 */

import { createInterface } from "node:readline";
import { ExtractionError, extract, warmUp } from "./extract/index.ts";
import type { ExtractOptions } from "./extract/types.ts";
import { readTextFile } from "./text-file.ts";

const USAGE = `Usage:
  extract FILE [--language de|en] [--published-at YYYY-MM-DD] [--title TITLE]
  extract --jsonl < articles.jsonl   (lines: {"id", "text", "language"?, "publishedAt"?, "title"?})`;

type Parsed = { file: string | null; jsonl: boolean; options: ExtractOptions };

function parseArgs(args: string[]): Parsed {
  const parsed: Parsed = { file: null, jsonl: false, options: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = () => {
      const next = inline ?? args[++i];
      if (next === undefined || (inline === undefined && next.startsWith("--")))
        throw new Error(`${flag} needs a value.\n${USAGE}`);
      return next;
    };
    switch (flag) {
      case "--jsonl":
        parsed.jsonl = true;
        break;
      case "--language":
        parsed.options.language = value();
        break;
      case "--published-at":
        parsed.options.publishedAt = value();
        break;
      case "--title":
        parsed.options.title = value();
        break;
      case "--help":
      case "-h":
        throw new Error(USAGE);
      default:
        if (flag.startsWith("-")) throw new Error(`Unknown option ${flag}.\n${USAGE}`);
        if (parsed.file)
          throw new Error(`Only one FILE can be given (got "${parsed.file}" and "${flag}").\n${USAGE}`);
        parsed.file = flag;
    }
  }
  if (!parsed.jsonl && !parsed.file)
    throw new Error(`Give a FILE to read, or --jsonl to read JSON lines from standard input.\n${USAGE}`);
  if (parsed.jsonl && parsed.file)
    throw new Error(`--jsonl reads standard input; do not also give a FILE.\n${USAGE}`);
  return parsed;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function optionalString(record: Record<string, unknown>, field: string): string | null | undefined {
  const value = record[field];
  if (value === undefined || value === null) return value;
  if (typeof value !== "string") throw new Error(`"${field}" must be a string or null.`);
  return value;
}

/** One JSON line → one output line. */
function processLine(line: string, lineNumber: number): string {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return JSON.stringify({
      line: lineNumber,
      error: `Line ${lineNumber} is not valid JSON: ${message(error)}`,
    });
  }
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    return JSON.stringify({
      line: lineNumber,
      error: `Line ${lineNumber} must be a JSON object with "id" and "text".`,
    });
  }
  const fields = record as Record<string, unknown>;
  const id =
    typeof fields.id === "string" ? fields.id : typeof fields.id === "number" ? String(fields.id) : undefined;
  const failure = (error: string) =>
    JSON.stringify(id === undefined ? { line: lineNumber, error } : { id, error });
  if (typeof fields.text !== "string")
    return failure(`"text" is missing or not a string (line ${lineNumber}).`);
  try {
    const document = extract(fields.text, {
      language: optionalString(fields, "language"),
      publishedAt: optionalString(fields, "publishedAt"),
      title: optionalString(fields, "title"),
      ...(id === undefined ? {} : { id }),
    });
    return JSON.stringify(document);
  } catch (error) {
    if (error instanceof ExtractionError) return failure(error.message);
    return failure(`Extraction failed: ${message(error)}`);
  }
}

async function runJsonl(): Promise<number> {
  const input = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let processed = 0;
  let failed = 0;
  const started = Date.now();
  for await (const line of input) {
    lineNumber++;
    if (line.trim().length === 0) continue;
    const output = processLine(line, lineNumber);
    if (output.startsWith('{"line"') || /^\{(?:"id":"(?:[^"\\]|\\.)*",)?"error"/u.test(output)) failed++;
    processed++;
    if (!process.stdout.write(`${output}\n`))
      await new Promise((resolve) => process.stdout.once("drain", resolve));
    if (processed % 100 === 0) process.stderr.write(`extract: ${processed} lines\n`);
  }
  process.stderr.write(
    `extract: ${processed} lines, ${failed} failed, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}

/** Runs the extract command; returns the process exit code. */
export async function runExtract(args: string[]): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArgs(args);
  } catch (error) {
    process.stderr.write(`${message(error)}\n`);
    return 1;
  }
  warmUp();
  if (parsed.jsonl) return runJsonl();
  const file = parsed.file ?? "";
  let text: string;
  try {
    const read = readTextFile(file);
    if (read.encoding !== "utf-8")
      process.stderr.write(`${file} is not UTF-8: read it as ${read.encoding}.\n`);
    text = read.text;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : message(error);
    process.stderr.write(`Cannot read "${file}": ${reason}.\n`);
    return 1;
  }
  try {
    process.stdout.write(`${JSON.stringify(extract(text, parsed.options), null, 2)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(
      `${error instanceof ExtractionError ? error.message : `Extraction failed: ${message(error)}`}\n`,
    );
    return 1;
  }
}
