import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

const megabytes = (bytes: number) => `${Number((bytes / 1_000_000).toFixed(1))} MB`;

/**
 * A request body over `maxBodyBytes` gets 413 with a message that says what the limit is for.
 * yoga enforces the limit (its `maxRequestBodySize`, set to the same value): up front from
 * Content-Length, and while it reads a chunked body. This plugin only words the refusal, and
 * closes the connection, which drops the rest of a body nobody is going to read.
 */
export function bodyLimitPlugin(maxBodyBytes: number): Plugin {
  const tooLarge = () =>
    new GraphQLError(
      `The request body is over ${megabytes(maxBodyBytes)}: an article may have at most 1 MB of text.`,
      { extensions: { code: "PAYLOAD_TOO_LARGE", http: { status: 413, headers: { connection: "close" } } } },
    );
  const isYogasRefusal = (error: unknown) =>
    error instanceof GraphQLError && error.extensions.code === "REQUEST_ENTITY_TOO_LARGE";
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (Number(request.headers.get("content-length")) > maxBodyBytes) throw tooLarge();
      if (!requestParser) return;
      // yoga's limit wraps this parser, so a chunked body over the limit fails in here.
      setRequestParser(async (limitedRequest) => {
        try {
          return await requestParser(limitedRequest);
        } catch (error) {
          throw isYogasRefusal(error) ? tooLarge() : error;
        }
      });
    },
  };
}
