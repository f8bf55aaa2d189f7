import { readFileSync } from "node:fs";

export type TextFile = { text: string; encoding: "utf-8" | "windows-1252" };

/**
 * Reads an article file. UTF-8 (a byte-order mark is dropped) is expected; a file that is not
 * valid UTF-8 is read as Windows-1252, the usual encoding of older German and English text files,
 * and the caller says so rather than storing replacement characters.
 */
export function readTextFile(path: string): TextFile {
  const bytes = readFileSync(path);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}
