import { connect, createServer, type Server, type Socket } from "node:net";

export type TcpProxy = {
  /** The loopback port that forwards to the target. */
  port: number;
  /** Cuts every open connection (both ends) and refuses new ones until `restore()`. */
  cut: () => Promise<void>;
  /** Accepts connections again, on the same port. */
  restore: () => Promise<void>;
  /** Connections forwarded so far. */
  forwarded: () => number;
  close: () => Promise<void>;
};

/**
 * A TCP forwarder on 127.0.0.1 that a benchmark controls, to take a database away from a server
 * and give it back without touching the database itself: while cut, its port is closed, so the
 * server sees its connections reset and new ones refused, as when PostgreSQL goes down.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let forwarded = 0;
  const server: Server = createServer((client) => {
    forwarded += 1;
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
      // Either end failing ends both: errors are how an outage looks, not faults of the proxy.
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await listen(server, 0);
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the proxy has no TCP address");
  const { port } = address;

  const cut = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of open) socket.resetAndDestroy();
    await closed;
  };
  return {
    port,
    cut,
    restore: () => listen(server, port),
    forwarded: () => forwarded,
    close: async () => {
      if (server.listening) await cut();
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}
