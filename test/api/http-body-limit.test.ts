import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";

// A body sent in chunks has no Content-Length to check up front: the limit must hold while
// the body is read. Over a real socket, as `npm start` serves it.
const MAX_BODY_BYTES = 100_000;
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer(createApp({ apiToken: undefined, production: true, maxBodyBytes: MAX_BODY_BYTES }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** POSTs `body` in 16 kB chunks (Transfer-Encoding: chunked, no Content-Length). */
function postChunked(body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        port,
        host: "127.0.0.1",
        path: "/graphql",
        method: "POST",
        headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    // The server may answer and close before the whole body is written.
    sent.on("error", (error) => (error.message.match(/EPIPE|ECONNRESET/) ? undefined : reject(error)));
    for (let start = 0; start < body.length; start += 16_384) sent.write(body.slice(start, start + 16_384));
    sent.end();
  });
}

const bodyOf = (padding: number) =>
  JSON.stringify({ query: "{ __typename }", extensions: { padding: "x".repeat(padding) } });

describe("the request body limit", () => {
  it("refuses a chunked body over the limit with 413 and a clear message", async () => {
    const response = await postChunked(bodyOf(MAX_BODY_BYTES * 3));
    expect(response.status).toBe(413);
    const body = JSON.parse(response.text) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("PAYLOAD_TOO_LARGE");
    expect(body.errors[0]?.message).toMatch(/over 0\.1 MB/);
  });

  it("reads a chunked body under the limit", async () => {
    const response = await postChunked(bodyOf(MAX_BODY_BYTES / 2));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ data: { __typename: "Query" } });
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const app = createApp({ apiToken: undefined, production: true, maxBodyBytes: MAX_BODY_BYTES });
    const response = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) },
      body: bodyOf(MAX_BODY_BYTES),
    });
    expect(response.status).toBe(413);
  });
});
