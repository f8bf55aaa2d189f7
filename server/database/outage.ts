// Tells a lost or unreachable database apart from a bug, so that clients get "try again" (503)
// instead of a bare "Unexpected error", and operators get the reason in words.

type Fault = {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  address?: unknown;
  port?: unknown;
  host?: unknown;
};

const at = (fault: Fault, host = fault.address ?? fault.host) =>
  typeof host === "string" && fault.port !== undefined ? ` to ${host}:${fault.port}` : "";

/** Node's socket errors, as `pg` raises them. */
const SOCKET_ERRORS: Record<string, (fault: Fault) => string> = {
  ECONNREFUSED: (fault) => `connection refused${at(fault)}`,
  ECONNRESET: () => "connection reset",
  EPIPE: () => "connection broken",
  ETIMEDOUT: (fault) => `connection timed out${at(fault)}`,
  ENOTFOUND: (fault) => `host not found${typeof fault.host === "string" ? `: ${fault.host}` : ""}`,
  EAI_AGAIN: () => "host name lookup failed",
  EHOSTUNREACH: (fault) => `host unreachable${at(fault)}`,
  ENETUNREACH: (fault) => `network unreachable${at(fault)}`,
};

/** PostgreSQL's SQLSTATEs for a lost connection or a server that is going away. */
const SQLSTATES: Record<string, string> = {
  "57P01": "terminated by administrator",
  "57P02": "the server crashed",
  "57P03": "the server is starting up or shutting down",
  "53300": "too many connections",
  "08000": "connection failure",
  "08001": "cannot establish a connection",
  "08003": "connection does not exist",
  "08004": "the server refused the connection",
  "08006": "connection failure",
};

/** What @prisma/adapter-pg makes of the errors above (DriverAdapterError's `cause.kind`). */
const ADAPTER_KINDS: Record<string, (fault: Fault) => string> = {
  DatabaseNotReachable: (fault) =>
    typeof fault.host === "string" ? `cannot reach ${fault.host}:${fault.port}` : "cannot reach the server",
  ConnectionClosed: () => "connection closed",
  SocketTimeout: () => "connection timed out",
  TooManyConnections: () => "too many connections",
};

/** Prisma's own codes for the same (when no cause says more). */
const PRISMA_CODES: Record<string, string> = {
  P1001: "cannot reach the server",
  P1002: "the server timed out",
  P1008: "operation timed out",
  P1017: "the server closed the connection",
};

/** Errors that `pg`, pg-pool and Prisma's schema engine raise with a message only. */
const MESSAGES =
  /Connection terminated(?: unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect|Can't reach database server at `[^`]+`|the database system is (?:shutting down|starting up)/i;

/** A database fault met in another process (an extraction worker), passed on by its reason. */
export class DatabaseUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`The database is unavailable: ${reason}`);
    this.name = "DatabaseUnavailableError";
  }
}

function describeOne(fault: Fault): string | null {
  if (fault instanceof DatabaseUnavailableError) return fault.reason;
  const { code, kind, message } = fault;
  if (typeof kind === "string" && ADAPTER_KINDS[kind]) return ADAPTER_KINDS[kind](fault);
  if (typeof code === "string") {
    if (SOCKET_ERRORS[code]) return SOCKET_ERRORS[code](fault);
    if (SQLSTATES[code]) return SQLSTATES[code];
    if (PRISMA_CODES[code]) return PRISMA_CODES[code];
  }
  const said = typeof message === "string" ? MESSAGES.exec(message)?.[0] : undefined;
  return said ? said.charAt(0).toLowerCase() + said.slice(1) : null;
}

/** The errors an error wraps: `cause`, GraphQL's `originalError`, Prisma's `meta.driverAdapterError`. */
function wrapped(error: object): unknown[] {
  const { cause, originalError, meta } = error as {
    cause?: unknown;
    originalError?: unknown;
    meta?: unknown;
  };
  const adapterError = (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  return [cause, originalError, adapterError];
}

/**
 * Why the database cannot be used ("connection refused to 127.0.0.1:5432", "terminated by
 * administrator"), or null when the error is not about reaching the database. The innermost
 * reason wins: it says the most.
 */
export function databaseFault(error: unknown, depth = 0): string | null {
  if (!error || typeof error !== "object" || depth > 6) return null;
  for (const inner of wrapped(error)) {
    const reason = databaseFault(inner, depth + 1);
    if (reason) return reason;
  }
  return describeOne(error as Fault);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseFault(error) !== null;
}

/** Any error as one readable line (a database fault by its cause), for logs, the CLI and /readyz. */
export function describeError(error: unknown): string {
  const fault = databaseFault(error);
  if (fault) return fault;
  if (!(error instanceof Error)) return String(error);
  const lines = error.message
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  // Prisma's messages carry a code frame before their last line, the cause.
  const line = (error.name.startsWith("PrismaClient") ? lines.at(-1) : lines[0]) ?? error.name;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && !line.includes(code) ? `${line} (${code})` : line;
}

export type WaitOptions = {
  /** How many times to try again after the first failure. */
  retries: number;
  log: (line: string) => void;
  /** First delay; each next one doubles, up to maxDelayMs. */
  firstDelayMs?: number;
  maxDelayMs?: number;
};

/**
 * Runs `connect` until it succeeds, retrying with exponential backoff while the database is
 * unreachable (a server still starting, a network not yet up). Any other error, or the last
 * retry's, is thrown.
 */
export async function waitForDatabase<T>(
  connect: () => Promise<T>,
  { retries, log, firstDelayMs = 500, maxDelayMs = 5_000 }: WaitOptions,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await connect();
    } catch (error) {
      const reason = databaseFault(error);
      if (!reason || attempt >= retries) throw error;
      const delay = Math.min(firstDelayMs * 2 ** attempt, maxDelayMs);
      log(`Waiting for the database (${reason}): retry ${attempt + 1} of ${retries} in ${delay / 1000} s.`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
