import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// pglite-socket (0.2.17) queues every connection's protocol messages onto PGlite's one session,
// but switches connections between any two messages outside a transaction. node-postgres sends a
// query as Parse, Bind, Describe, Execute, Sync: interleaved with another connection's, a client
// gets "portal does not exist" or, worse, another query's rows (electric-sql/pglite#1046). Its
// queue also stays stuck after a failed message. This replaces the queue's loop so that a
// connection keeps the session from its first message to its Sync (or a simple Query), and a
// failure ends only that message.

type QueueItem = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
};

type QueryQueue = {
  queue: QueueItem[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
};

const SYNC = 0x53; // 'S'
const SIMPLE_QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
const PROTOCOL_3 = 196608;

/** True when the message leaves the connection with no half-sent extended-protocol batch. */
function endsBatch(message: Uint8Array): boolean {
  const type = message[0];
  if (type === SYNC || type === SIMPLE_QUERY || type === TERMINATE) return true;
  // A startup message has no type byte: its length, then the protocol version.
  const isStartup =
    message.length >= 8 && new DataView(message.buffer, message.byteOffset).getInt32(4) === PROTOCOL_3;
  return isStartup;
}

function queueOf(server: PGLiteSocketServer): QueryQueue {
  const queue = (server as unknown as { queryQueue?: QueryQueue }).queryQueue;
  if (!queue || typeof queue.processQueue !== "function" || !Array.isArray(queue.queue)) {
    throw new Error(
      "@electric-sql/pglite-socket changed its query queue: review server/database/pglite-queue.ts before upgrading it.",
    );
  }
  return queue;
}

export function keepBatchesWhole(server: PGLiteSocketServer): void {
  const queue = queueOf(server);
  let midBatch = false;

  const clearForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    // A connection that went away mid-batch must not hold the session.
    if (queue.lastHandlerId === handlerId) midBatch = false;
    clearForHandler(handlerId);
  };

  const next = (): QueueItem | undefined => {
    const holder = queue.lastHandlerId;
    if ((midBatch || queue.db.isInTransaction()) && holder !== null) {
      const index = queue.queue.findIndex((item) => item.handlerId === holder);
      return index === -1 ? undefined : queue.queue.splice(index, 1)[0];
    }
    return queue.queue.shift();
  };

  queue.processQueue = async () => {
    if (queue.processing) return;
    queue.processing = true;
    try {
      for (let item = next(); item; item = next()) {
        const current = item;
        let bytes = 0;
        try {
          await queue.db.runExclusive(() =>
            queue.db.execProtocolRawStream(current.message, {
              onRawData: (data) => {
                bytes += data.length;
                current.onData(data);
              },
            }),
          );
        } catch (error) {
          current.reject(error);
          continue;
        }
        midBatch = !endsBatch(current.message);
        queue.lastHandlerId = current.handlerId;
        current.resolve(bytes);
      }
    } finally {
      queue.processing = false;
    }
  };
}
