/**
 * Tables derived from packages (name lists, towns, German noun forms): building them takes seconds
 * (a 14 MB JSON, a protobuf), so `npm run build:lexicons` writes them once (postinstall runs it)
 * as plain TSV under node_modules/.cache/newsgraph/, named by the package version. Extraction
 * only reads them; without the files it builds the table in memory and writes nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export type DerivedTable = {
  /** File name stem ("german-nouns"). */
  name: string;
  /** The package it comes from: its version names the file, so an upgrade rebuilds it. */
  source: string;
  build: () => string[];
};

/** A package's folder, found from its entry point (not every package exports its package.json). */
export function packageFolder(name: string): string {
  const entry = fileURLToPath(import.meta.resolve(name));
  const marker = join("node_modules", name);
  return entry.slice(0, entry.lastIndexOf(marker) + marker.length);
}

function tableFile(table: DerivedTable): string {
  const folder = packageFolder(table.source);
  const { version } = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as { version: string };
  const modules = folder.slice(0, folder.lastIndexOf("node_modules") + "node_modules".length);
  return join(modules, ".cache", "newsgraph", `${table.name}-${version}.tsv`);
}

/** The table's lines: the prebuilt file when there is one, else built now (nothing written). */
export function derivedLines(table: DerivedTable): string[] {
  try {
    const lines = readFileSync(tableFile(table), "utf8").split("\n");
    lines.pop();
    if (lines.length > 0) return lines;
  } catch {
    // Not built yet (e.g. installed with --ignore-scripts): build in memory below.
  }
  return table.build();
}

/** Writes every table's file (the explicit build step); returns the files written. */
export function writeDerivedTables(tables: readonly DerivedTable[]): string[] {
  return tables.map((table) => {
    const file = tableFile(table);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, `${table.build().join("\n")}\n`);
    return file;
  });
}
