// Fetches a web page for ingest, within bounds: http(s) only, at most MAX_REDIRECTS redirects, a
// time limit for the whole fetch, a size limit checked while the body streams in, and never an
// address on a private, loopback, link-local or otherwise non-public network: every hop's host
// is resolved and checked, and the connection goes to the address that was checked (no second
// lookup that DNS rebinding could answer differently).
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import iconv from "iconv-lite";
import ipaddr from "ipaddr.js";
import { MAX_PAGE_BYTES } from "./html-page.ts";

export const MAX_REDIRECTS = 5;
export const FETCH_TIMEOUT_MS = 15_000;

export type FetchErrorCode =
  | "INVALID_URL"
  | "BLOCKED_ADDRESS"
  | "DNS_FAILED"
  | "FETCH_TIMEOUT"
  | "TOO_MANY_REDIRECTS"
  | "PAGE_TOO_LARGE"
  | "HTTP_ERROR"
  | "NOT_HTML"
  | "FETCH_FAILED";

export class FetchPageError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "FetchPageError";
  }
}

export type FetchedPage = { html: string; url: string; contentType: string };

export type FetchOptions = {
  /** Tests only: allow loopback and private addresses (FETCH_ALLOW_PRIVATE). */
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
};

/** True for addresses on the public internet (ipaddr.js's "unicast" range, IPv4-mapped unfolded). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === "unicast";
}

/** dns.lookup that refuses hosts resolving to any non-public address (all are checked). */
function checkedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(
          new FetchPageError("DNS_FAILED", `The host ${hostname} could not be resolved (${error.code}).`),
          "",
          4,
        );
        return;
      }
      const blocked = addresses.find((entry) => !allowPrivate && !isPublicAddress(entry.address));
      if (blocked || addresses.length === 0) {
        callback(
          new FetchPageError(
            "BLOCKED_ADDRESS",
            `${hostname} resolves to ${blocked?.address ?? "nothing"}, which is not a public address: pages are fetched from the public internet only.`,
          ),
          "",
          4,
        );
        return;
      }
      if ((options as { all?: boolean }).all) callback(null, addresses);
      else callback(null, addresses[0]?.address ?? "", addresses[0]?.family ?? 4);
    });
  };
}

function parseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FetchPageError("INVALID_URL", `${JSON.stringify(value.slice(0, 200))} is not a URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchPageError("INVALID_URL", `Only http and https pages are fetched, not ${url.protocol}.`);
  }
  if (url.username || url.password)
    throw new FetchPageError("INVALID_URL", "URLs with credentials are not fetched.");
  return url;
}

/** A literal IP in the URL goes through the same check as a resolved name. */
function checkLiteralHost(url: URL, allowPrivate: boolean): void {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host) && !allowPrivate && !isPublicAddress(host)) {
    throw new FetchPageError(
      "BLOCKED_ADDRESS",
      `${host} is not a public address: pages are fetched from the public internet only.`,
    );
  }
}

function get(url: URL, options: Required<FetchOptions>, signal: AbortSignal): Promise<IncomingMessage> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, {
      method: "GET",
      lookup: checkedLookup(options.allowPrivate),
      signal,
      headers: {
        accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        "accept-encoding": "identity",
        "user-agent": "newsgraph (article ingest)",
      },
    });
    request.on("response", resolve);
    request.on("error", reject);
    request.end();
  });
}

/**
 * The charset the response names, else the page's <meta charset>, else UTF-8. Decoded by
 * iconv-lite: Node's TextDecoder reads windows-1252 as Latin-1 (0x80–0x9F become controls).
 */
function decode(contentType: string, body: Buffer): string {
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(body.subarray(0, 2048).toString("latin1"))?.[1];
  return iconv.decode(body, declared && iconv.encodingExists(declared) ? declared : "utf-8");
}

async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers["content-length"]);
  const tooLarge = () =>
    new FetchPageError(
      "PAGE_TOO_LARGE",
      `The page is over ${maxBytes.toLocaleString("en")} bytes (5 MB): not fetched.`,
    );
  if (declared > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      response.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function failure(error: unknown, signal: AbortSignal, timeoutMs: number): FetchPageError {
  if (error instanceof FetchPageError) return error;
  if (signal.aborted)
    return new FetchPageError("FETCH_TIMEOUT", `The page did not arrive within ${timeoutMs / 1000} s.`);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof FetchPageError) return cause;
  const code = (error as { code?: string }).code;
  return new FetchPageError(
    "FETCH_FAILED",
    `The page could not be fetched (${code ?? (error as Error).message}).`,
  );
}

/** Fetches an HTML page by its URL, following up to MAX_REDIRECTS redirects, each hop checked. */
export async function fetchPage(address: string, given: FetchOptions = {}): Promise<FetchedPage> {
  const options: Required<FetchOptions> = {
    allowPrivate: given.allowPrivate ?? false,
    timeoutMs: given.timeoutMs ?? FETCH_TIMEOUT_MS,
    maxBytes: given.maxBytes ?? MAX_PAGE_BYTES,
  };
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = parseUrl(address);
  try {
    for (let hop = 0; ; hop++) {
      checkLiteralHost(url, options.allowPrivate);
      const response = await get(url, options, signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.resume();
        if (hop >= MAX_REDIRECTS) {
          throw new FetchPageError(
            "TOO_MANY_REDIRECTS",
            `The page redirects more than ${MAX_REDIRECTS} times.`,
          );
        }
        url = parseUrl(new URL(location, url).toString());
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new FetchPageError("HTTP_ERROR", `The server answered ${status} for ${url.toString()}.`);
      }
      const contentType = String(response.headers["content-type"] ?? "");
      if (contentType && !/^(text\/html|application\/xhtml\+xml)\b/i.test(contentType)) {
        response.destroy();
        throw new FetchPageError(
          "NOT_HTML",
          `The address gives ${contentType.split(";")[0]}, not an HTML page.`,
        );
      }
      const body = await readBody(response, options.maxBytes);
      return { html: decode(contentType, body), url: url.toString(), contentType };
    }
  } catch (error) {
    throw failure(error, signal, options.timeoutMs);
  }
}
