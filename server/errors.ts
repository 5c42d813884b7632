/**
 * The error typology shared by every layer. Layers throw RinglensError with a kind; the API
 * maps kinds to HTTP statuses in one place and the CLI to exit codes. Messages say who speaks
 * and what was expected.
 */
export const ERROR_KINDS = ["not-found", "invalid-input", "conflict", "unavailable", "timeout", "forbidden"] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export class RinglensError extends Error {
  readonly kind: ErrorKind;
  readonly details: Record<string, unknown> | undefined;

  constructor(kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "RinglensError";
    this.kind = kind;
    this.details = details;
  }
}

export function isRinglensError(error: unknown): error is RinglensError {
  return error instanceof RinglensError;
}

/** The message of anything thrown, for places that must print it. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
