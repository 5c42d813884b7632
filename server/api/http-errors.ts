/**
 * The one place where error kinds become HTTP statuses, and every error becomes
 * `{"error":{"code","message","details"}}` — never a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import { isRinglensError, RinglensError, type ErrorKind } from "../errors.ts";

const STATUS: Record<ErrorKind, number> = {
  "not-found": 404,
  "invalid-input": 400,
  conflict: 409,
  unavailable: 503,
  timeout: 504,
  forbidden: 403,
};

export function errorBody(code: string, message: string, details?: Record<string, unknown>) {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

export const notFoundApi: RequestHandler = (req, res) => {
  res.status(404).json(errorBody("not-found", `no API endpoint ${req.method} ${req.path}; see /api/docs`));
};

export function createErrorHandler(log: (error: unknown, status: number) => void): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const { status, body } = toHttp(error);
    log(error, status);
    if (res.headersSent) return;
    res.status(status).json(body);
  };
}

function toHttp(error: unknown): { status: number; body: ReturnType<typeof errorBody> } {
  if (isRinglensError(error)) return { status: STATUS[error.kind], body: errorBody(error.kind, error.message, error.details) };
  const e = error as { type?: string; status?: number; limit?: number };
  // body-parser's errors carry a type; their messages are safe but we phrase our own.
  if (e?.type === "entity.too.large")
    return { status: 413, body: errorBody("too-large", `request body is larger than the ${e.limit} byte limit`) };
  if (e?.type === "entity.parse.failed") return { status: 400, body: errorBody("invalid-input", "request body is not valid JSON") };
  if (e?.type === "encoding.unsupported" || e?.type === "charset.unsupported")
    return { status: 415, body: errorBody("unsupported", "request body encoding is not supported; send UTF-8 JSON") };
  if (typeof e?.status === "number" && e.status >= 400 && e.status < 500)
    return { status: e.status, body: errorBody("invalid-input", "the request could not be read") };
  return { status: 500, body: errorBody("internal", "internal error; the server log has the details") };
}

export function invalid(message: string, details?: Record<string, unknown>): RinglensError {
  return new RinglensError("invalid-input", message, details);
}
