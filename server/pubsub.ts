import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub, type PubSub } from "graphql-yoga";
import { Redis } from "ioredis";
import { env } from "./env.ts";

// Events between the processes of one deployment (API replicas and workers): through Redis when
// REDIS_URL is set, else within this process only (one `npm start` needs nothing more).

/** What a job's subscribers hear: enough to know they should read the job again. */
export type JobProgressEvent = { jobId: string };
/** A stored article (new, or completed with metadata), from whichever process stored it. */
export type ArticleStoredEvent = { articleId: string; created: boolean };

type Topics = {
  /** Any article was written or deleted: every replica drops its cached answers. */
  "articles-changed": [];
  "article-stored": [ArticleStoredEvent];
  "job-progress": [jobId: string, JobProgressEvent];
};

type Channels = { pubsub: PubSub<Topics>; close: () => Promise<void> };

function redisClient(url: string, role: string): Redis {
  const client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
  // ioredis reconnects by itself; one line per distinct failure instead of a stack per retry.
  let lastError = "";
  client.on("error", (error: Error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    console.error(`Redis (${role}): ${error.message}`);
  });
  client.on("ready", () => {
    lastError = "";
  });
  return client;
}

/** The Redis event target with every channel name prefixed, so deployments can share a Redis. */
function prefixedRedisTarget(url: string, prefix: string) {
  const publishClient = redisClient(url, "publish");
  const subscribeClient = redisClient(url, "subscribe");
  const target = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  return {
    eventTarget: {
      addEventListener: (type: string, listener: EventListenerOrEventListenerObject | null) =>
        target.addEventListener(prefix + type, listener as never),
      removeEventListener: (type: string, listener: EventListenerOrEventListenerObject | null) =>
        target.removeEventListener(prefix + type, listener as never),
      dispatchEvent: (event: CustomEvent) =>
        target.dispatchEvent(new CustomEvent(prefix + event.type, { detail: event.detail })),
    },
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}

function createChannels(): Channels {
  if (!env.redisUrl) return { pubsub: createPubSub<Topics>(), close: async () => {} };
  const redis = prefixedRedisTarget(env.redisUrl, env.redisPrefix);
  return { pubsub: createPubSub<Topics>({ eventTarget: redis.eventTarget as never }), close: redis.close };
}

let channels: Channels | undefined;

/** This process's channels, connected on first use. */
export function pubsub(): PubSub<Topics> {
  channels ??= createChannels();
  return channels.pubsub;
}

export async function closePubSub(): Promise<void> {
  const open = channels;
  channels = undefined;
  await open?.close();
}

/** Tells every process that an article was stored: subscribers hear of it, caches drop their answers. */
export function announceArticleStored(event: ArticleStoredEvent): void {
  pubsub().publish("article-stored", event);
  pubsub().publish("articles-changed");
}

/** Tells every process that articles were deleted (or otherwise changed). */
export function announceArticlesChanged(): void {
  pubsub().publish("articles-changed");
}

/** Calls `listener` on every "articles-changed" event from any process, until the returned stop is called. */
export function onArticlesChanged(listener: () => void): () => void {
  const events = pubsub().subscribe("articles-changed");
  void (async () => {
    for await (const _ of events) {
      try {
        listener();
      } catch (error) {
        console.error(
          `An articles-changed listener failed: ${error instanceof Error ? error.message : error}`,
        );
      }
    }
  })();
  return () => void events.return();
}
