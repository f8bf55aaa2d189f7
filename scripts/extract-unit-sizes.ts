/**
 * Unit sizes of the extractor, counted on the TypeScript syntax tree: every function, method,
 * constructor, accessor and arrow function with its line count (first to last line, leading
 * comments aside), and every code file's line count. The evaluation harness (eval/) is left out,
 * and so are data files: those whose lines are mostly literal data (word lists, tables) outside
 * any function. Targets: no function over 100 lines, at most 3 over 60, no code file
 * over 500 lines.
 * Usage: npm run sizes:extract [-- --top N] [-- --check]   (--check exits 1 when a target is missed)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const EXTRACT_DIR = join(ROOT, "server/extract");
const LIMITS = { functionLines: 100, longFunctionLines: 60, longFunctionsAllowed: 3, fileLines: 500 };
/** A file whose top-level literal data covers this share of its lines is a data file. */
const DATA_SHARE = 0.7;

type Unit = { file: string; name: string; lines: number };
type FileSize = { file: string; lines: number; data: boolean };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "eval" ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

function lineOf(source: ts.SourceFile, position: number): number {
  return source.getLineAndCharacterOfPosition(position).line;
}

function span(source: ts.SourceFile, node: ts.Node): number {
  return lineOf(source, node.getEnd()) - lineOf(source, node.getStart(source)) + 1;
}

const LITERALS = new Set([
  ts.SyntaxKind.ArrayLiteralExpression,
  ts.SyntaxKind.ObjectLiteralExpression,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateExpression,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.RegularExpressionLiteral,
]);

/** Lines covered by literal data outside functions (the biggest literals, not counted twice). */
function dataLines(source: ts.SourceFile): number {
  const covered = new Set<number>();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (LITERALS.has(node.kind)) {
      for (let line = lineOf(source, node.getStart(source)); line <= lineOf(source, node.getEnd()); line++)
        covered.add(line);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return covered.size;
}

function functionName(node: ts.Node): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) {
    const owner =
      node.parent && ts.isClassLike(node.parent) && node.parent.name ? `${node.parent.name.text}.` : "";
    return owner + named.name.text;
  }
  if (ts.isConstructorDeclaration(node))
    return `${(node.parent as ts.ClassLikeDeclaration).name?.text}.constructor`;
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return "(anonymous)";
}

function measure(path: string): { file: FileSize; units: Unit[] } {
  const text = readFileSync(path, "utf8");
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const file = relative(ROOT, path);
  const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  const units: Unit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body)
      units.push({ file, name: functionName(node), lines: span(source, node) });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { file: { file, lines, data: dataLines(source) >= DATA_SHARE * lines }, units };
}

function main(): void {
  const args = process.argv.slice(2);
  const topAt = args.indexOf("--top");
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 12;
  const measured = sourceFiles(EXTRACT_DIR).map(measure);
  const files = measured.map((m) => m.file).sort((a, b) => b.lines - a.lines);
  const code = new Set(files.filter((f) => !f.data).map((f) => f.file));
  const units = measured.flatMap((m) => m.units).filter((u) => code.has(u.file));
  units.sort((a, b) => b.lines - a.lines);

  const overLimit = units.filter((u) => u.lines > LIMITS.functionLines);
  const long = units.filter((u) => u.lines > LIMITS.longFunctionLines);
  const bigFiles = files.filter((f) => !f.data && f.lines > LIMITS.fileLines);
  console.log(
    `server/extract (eval/ aside): ${code.size} code files, ${files.length - code.size} data files`,
  );
  console.log(`\nlargest functions (lines)`);
  for (const unit of units.slice(0, top))
    console.log(`  ${String(unit.lines).padStart(5)}  ${unit.name}  (${unit.file})`);
  console.log(`\nlargest files (lines)`);
  for (const file of files.slice(0, top))
    console.log(`  ${String(file.lines).padStart(5)}  ${file.file}${file.data ? "  (data)" : ""}`);
  console.log(
    `\nfunctions over ${LIMITS.functionLines} lines: ${overLimit.length} (target 0); over ${LIMITS.longFunctionLines}: ${long.length} (target ≤ ${LIMITS.longFunctionsAllowed}); code files over ${LIMITS.fileLines} lines: ${bigFiles.length} (target 0)`,
  );
  const met = overLimit.length === 0 && long.length <= LIMITS.longFunctionsAllowed && bigFiles.length === 0;
  console.log(met ? "all unit-size targets met" : "UNIT-SIZE TARGETS MISSED");
  if (args.includes("--check") && !met) process.exitCode = 1;
}

main();
