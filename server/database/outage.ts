// Tells a lost or unreachable database apart from a bug, so that clients get "try again"
// instead of a bare "Unexpected error".
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "57P01",
  "57P03",
]);
const UNREACHABLE_PRISMA = new Set(["P1001", "P1002", "P1008", "P1017"]);
const UNREACHABLE_TEXT =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database|server closed the connection|the database system is (shutting down|starting up)/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, message, cause, originalError } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    originalError?: unknown;
  };
  if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || UNREACHABLE_PRISMA.has(code))) return true;
  if (typeof message === "string" && UNREACHABLE_TEXT.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1) || isDatabaseUnavailable(originalError, depth + 1);
}
