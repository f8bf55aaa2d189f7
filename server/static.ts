import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

/**
 * Serves the reader's files from `root`; any other path that looks like a page gets index.html,
 * so that the reader's own routes (/articles/…) survive a reload.
 */
export function createStaticHandler(folder: string) {
  // Without a trailing separator, so that the containment check below holds for any spelling.
  const root = resolve(folder);
  const index = join(root, "index.html");
  return async (pathname: string): Promise<Response | null> => {
    if (!existsSync(index)) return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return new Response("Bad request", { status: 400 });
    }
    const wanted = normalize(join(root, decoded));
    if (wanted !== root && !wanted.startsWith(root + sep)) return new Response("Not found", { status: 404 });
    const file = (await stat(wanted).catch(() => null))?.isFile() ? wanted : extname(pathname) ? null : index;
    if (!file) return new Response("Not found", { status: 404 });
    const hashed = file.includes(`${sep}assets${sep}`);
    return new Response(await readFile(file), {
      headers: {
        "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
      },
    });
  };
}
