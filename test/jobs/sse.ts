// Reads a GraphQL subscription answered as Server-Sent Events (yoga's "distinct connections" mode).

export type SubscriptionResult<T> = {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

/** Sends `query` with Accept: text/event-stream and returns the response (its body is the stream). */
export function subscribe(
  fetcher: (url: string, init: RequestInit) => Promise<Response>,
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<Response> {
  return fetcher(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ query, variables }),
    signal,
  });
}

/** Each `next` event's result, until the server sends `complete` or closes the stream. */
export async function* nextEvents<T>(response: Response): AsyncGenerator<SubscriptionResult<T>> {
  if (!response.body) throw new Error(`No stream: ${response.status}`);
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    for (let end = buffered.indexOf("\n\n"); end !== -1; end = buffered.indexOf("\n\n")) {
      const message = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const lines = message.split("\n");
      const event = lines
        .find((line) => line.startsWith("event:"))
        ?.slice(6)
        .trim();
      const data = lines
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).trim())
        .join("\n");
      if (event === "complete") return;
      if (event === "next" && data) yield JSON.parse(data) as SubscriptionResult<T>;
    }
  }
}
