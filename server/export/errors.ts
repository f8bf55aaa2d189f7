/** Why an export was refused before its first byte: the code a client can act on, and an HTTP status. */
export type ExportErrorCode = "BAD_EXPORT_FILTER" | "UNKNOWN_EXPORT" | "NOT_FOUND" | "METHOD_NOT_ALLOWED";

export class ExportError extends Error {
  constructor(
    readonly code: ExportErrorCode,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "ExportError";
  }
}
