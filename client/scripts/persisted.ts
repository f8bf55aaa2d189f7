// Writes client/persisted-operations.json: every `graphql.persisted(id, document)` of the reader,
// id → document, as `gql.tada generate persisted` prints it. The API loads it (server/app.ts) and
// runs what the reader sends by id only. An id is "sha256:" and the SHA-256 of its document as the
// manifest holds it (what gql.tada's editor plugin computes too); an id that no longer matches its
// document is corrected in the sources first, so `npm run generate:client` is all a change needs.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const clientDir = fileURLToPath(new URL("..", import.meta.url));
export const manifestPath = join(clientDir, "persisted-operations.json");

export type Manifest = Record<string, string>;

/** The id a document should have. */
export function persistedId(document: string): string {
  return `sha256:${createHash("sha256").update(document).digest("hex")}`;
}

/** Runs gql.tada's generator over the client's sources; returns the manifest it writes. */
export function generateManifest(): Manifest {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-persisted-"));
  try {
    const output = join(dir, "persisted-operations.json");
    execFileSync(
      "npx",
      [
        "gql.tada",
        "generate",
        "persisted",
        "--tsconfig",
        join(clientDir, "tsconfig.json"),
        "--output",
        output,
        "--fail-on-warn",
      ],
      { cwd: join(clientDir, ".."), stdio: ["ignore", "ignore", "inherit"] },
    );
    return JSON.parse(readFileSync(output, "utf8")) as Manifest;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The manifest as it is committed (and as the API reads it). */
export function formatManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Replaces each id that is not its document's hash in the sources; says how many it replaced. */
function correctIds(manifest: Manifest): number {
  const wrong = Object.entries(manifest).filter(([id, document]) => id !== persistedId(document));
  if (wrong.length === 0) return 0;
  for (const file of sourceFiles(join(clientDir, "src"))) {
    const before = readFileSync(file, "utf8");
    let after = before;
    for (const [id, document] of wrong) after = after.replaceAll(`"${id}"`, `"${persistedId(document)}"`);
    if (after !== before) writeFileSync(file, after);
  }
  for (const [id, document] of wrong) console.log(`Persisted id ${id} → ${persistedId(document)}`);
  return wrong.length;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let manifest = generateManifest();
  if (correctIds(manifest) > 0) manifest = generateManifest();
  const stale = Object.keys(manifest).filter((id) => id !== persistedId(manifest[id] as string));
  if (stale.length) throw new Error(`Could not correct the persisted ids ${stale.join(", ")}`);
  writeFileSync(manifestPath, formatManifest(manifest));
  console.log(`Wrote ${Object.keys(manifest).length} persisted operations to ${manifestPath}`);
}
