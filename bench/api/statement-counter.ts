// A TCP proxy between a server and PostgreSQL that reads the frontend protocol going through it and
// counts what the server asks the database to run: each simple Query ('Q') and each Execute ('E')
// of the extended protocol (its statement known from the Parse 'P' and Bind 'B' before it).
// Executions are sorted into statements proper, transaction control (BEGIN, COMMIT…),
// per-connection settings (SET, SET LOCAL, set_config) and the job queue's polling, which are
// not statements of a request.
// https://www.postgresql.org/docs/15/protocol-message-formats.html
import { connect, createServer, type Server, type Socket } from "node:net";

export type StatementCounts = {
  /** Statements that read or write data. */
  statements: number;
  /** BEGIN, COMMIT, ROLLBACK, SAVEPOINT… */
  transactionControl: number;
  /** SET, RESET, SHOW, set_config: settings of the connection or the transaction. */
  settings: number;
  /** The job queue's own statements (its workers poll it), which no request sends. */
  background: number;
  /** Parse messages: statements planned anew rather than reused by name. */
  parses: number;
  /** Connections opened to PostgreSQL. */
  connections: number;
};

export type StatementCounter = {
  port: number;
  counts: () => StatementCounts;
  /** The texts of the statements executed from now on, until the returned function is called. */
  record: () => () => string[];
  close: () => Promise<void>;
};

const TRANSACTION_CONTROL = /^\s*(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT|SAVEPOINT|RELEASE)\b/i;
const SETTING = /^\s*(SET|RESET|SHOW)\b|^\s*SELECT\s+set_config\s*\(/i;
// pg-boss and graphile-worker keep their tables in their own schema.
const JOB_QUEUE = /\b(pgboss|graphile_worker)\./i;
// The first message of a connection has no type byte: a startup message, or a request for TLS or
// GSS encryption (answered with one byte, after which a startup message follows).
const ENCRYPTION_REQUESTS = new Set([80877103, 80877104]);

function zeroTerminated(buffer: Buffer, offset: number): [text: string, next: number] {
  const end = buffer.indexOf(0, offset);
  return [buffer.toString("utf8", offset, end), end + 1];
}

/** Reads one connection's frontend messages as they arrive, in any chunking. */
function frontendReader(onExecute: (sql: string) => void, onParse: () => void) {
  let pending: Buffer = Buffer.alloc(0);
  let started = false;
  const statements = new Map<string, string>();
  const portals = new Map<string, string>();
  const message = (type: string, body: Buffer) => {
    if (type === "Q") onExecute(zeroTerminated(body, 0)[0]);
    else if (type === "P") {
      const [name, next] = zeroTerminated(body, 0);
      statements.set(name, zeroTerminated(body, next)[0]);
      onParse();
    } else if (type === "B") {
      const [portal, next] = zeroTerminated(body, 0);
      portals.set(portal, statements.get(zeroTerminated(body, next)[0]) ?? "");
    } else if (type === "E") onExecute(portals.get(zeroTerminated(body, 0)[0]) ?? "");
  };
  return (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (!started) {
        if (pending.length < 8) return;
        const length = pending.readInt32BE(0);
        if (pending.length < length) return;
        if (!ENCRYPTION_REQUESTS.has(pending.readInt32BE(4))) started = true;
        pending = pending.subarray(length);
        continue;
      }
      if (pending.length < 5) return;
      const length = pending.readInt32BE(1);
      if (pending.length < 1 + length) return;
      message(String.fromCharCode(pending[0] as number), pending.subarray(5, 1 + length));
      pending = pending.subarray(1 + length);
    }
  };
}

/** Starts the counting proxy on a free loopback port, forwarding to `target`. */
export async function startStatementCounter(target: {
  host: string;
  port: number;
}): Promise<StatementCounter> {
  const counts: StatementCounts = {
    statements: 0,
    transactionControl: 0,
    settings: 0,
    background: 0,
    parses: 0,
    connections: 0,
  };
  const open = new Set<Socket>();
  const recorders = new Set<string[]>();
  const onExecute = (sql: string) => {
    for (const recorded of recorders) recorded.push(sql);
    if (TRANSACTION_CONTROL.test(sql)) counts.transactionControl += 1;
    else if (SETTING.test(sql)) counts.settings += 1;
    else if (JOB_QUEUE.test(sql)) counts.background += 1;
    else counts.statements += 1;
  };
  const server: Server = createServer((client) => {
    counts.connections += 1;
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    const read = frontendReader(onExecute, () => {
      counts.parses += 1;
    });
    client.on("data", read);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the statement counter has no TCP address");
  return {
    port: address.port,
    counts: () => ({ ...counts }),
    record: () => {
      const recorded: string[] = [];
      recorders.add(recorded);
      return () => {
        recorders.delete(recorded);
        return recorded;
      };
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of open) socket.destroy();
      await closed;
    },
  };
}
