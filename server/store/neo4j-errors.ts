/**
 * Maps what neo4j-driver throws to RinglensError kinds, by the server's status code, with
 * messages naming the setting to fix (NEO4J_URI, NEO4J_USER/NEO4J_PASSWORD, NEO4J_DATABASE).
 * Pure: reads error objects, never talks to a server.
 */
import { Neo4jError } from "neo4j-driver";
import { RinglensError, messageOf } from "../errors.ts";

export interface ErrorContext {
  uri: string;
  user: string;
  database: string | undefined;
  /** The timeout the failing transaction ran with, for the timeout message. */
  timeoutMs?: number;
}

const CREDENTIALS = new Set([
  "Neo.ClientError.Security.Unauthorized",
  "Neo.ClientError.Security.AuthenticationRateLimit",
  "Neo.ClientError.Security.CredentialsExpired",
  "Neo.ClientError.Security.TokenExpired",
]);
const FORBIDDEN = new Set([
  "Neo.ClientError.Statement.AccessMode",
  "Neo.ClientError.Fabric.AccessMode",
  "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase",
  "Neo.ClientError.General.WriteOnReadOnlyAccessDatabase",
  "Neo.ClientError.Security.Forbidden",
]);
const TIMEOUT = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
  "Neo.TransientError.Transaction.TransactionTimedOut",
]);
/** Terminated transactions are timeouts when the server says so (older servers use these codes). */
const TERMINATED = new Set([
  "Neo.ClientError.Transaction.Terminated",
  "Neo.TransientError.Transaction.Terminated",
  "Neo.ClientError.Transaction.LockClientStopped",
  "Neo.TransientError.Transaction.LockClientStopped",
]);
const CONFLICT = new Set(["Neo.ClientError.Schema.ConstraintValidationFailed", "Neo.ClientError.Schema.ConstraintViolation"]);

/**
 * The RinglensError for anything thrown while talking to Neo4j.
 * @example toStoreError(unauthorizedError, ctx).kind // "invalid-input", message names NEO4J_USER
 */
export function toStoreError(error: unknown, ctx: ErrorContext): RinglensError {
  if (error instanceof RinglensError) return error;
  const where = `Neo4j at ${ctx.uri}`;
  if (!(error instanceof Neo4jError)) {
    const message = messageOf(error);
    if (/unknown scheme|illegal host|invalid (url|uri)|cannot parse/i.test(message)) {
      return new RinglensError(
        "invalid-input",
        `neo4j store: NEO4J_URI "${ctx.uri}" is not a Neo4j address (${message}); use bolt://host:7687 or neo4j://host:7687 (neo4j+s:// with TLS)`,
      );
    }
    return new RinglensError("unavailable", `neo4j store: ${message}`);
  }
  const code = error.code;
  const detail = firstSentence(error.message);
  if (code === "ServiceUnavailable" || code === "SessionExpired") {
    return new RinglensError(
      "unavailable",
      `neo4j store: cannot reach ${where} (${detail}); check NEO4J_URI and that the server is running`,
    );
  }
  if (CREDENTIALS.has(code)) {
    return new RinglensError(
      "invalid-input",
      `neo4j store: ${where} refused the credentials of user "${ctx.user}" (${detail}); check NEO4J_USER and NEO4J_PASSWORD`,
    );
  }
  if (code === "Neo.ClientError.Database.DatabaseNotFound") {
    return new RinglensError(
      "invalid-input",
      `neo4j store: database "${ctx.database ?? "(default)"}" does not exist at ${where}; set NEO4J_DATABASE to an existing database, or unset it for the server's default`,
    );
  }
  if (code === "Neo.TransientError.General.DatabaseUnavailable") {
    return new RinglensError(
      "unavailable",
      `neo4j store: database "${ctx.database ?? "(default)"}" at ${where} is not available (${detail}); check the server, or NEO4J_DATABASE`,
    );
  }
  if (TIMEOUT.has(code) || (TERMINATED.has(code) && /time(d)? ?out/i.test(error.message))) {
    return new RinglensError("timeout", `neo4j store: query stopped after the ${ctx.timeoutMs ?? "configured"} ms timeout`);
  }
  if (/too large to index|exceeded limit of \d+ bytes/i.test(error.message)) {
    return new RinglensError(
      "invalid-input",
      `neo4j store: a value is longer than Neo4j can index (${detail}); shorten it in the source data`,
    );
  }
  if (FORBIDDEN.has(code)) return new RinglensError("forbidden", `neo4j store: writes are not allowed here (${detail})`);
  if (CONFLICT.has(code)) return new RinglensError("conflict", `neo4j store: ${detail}`);
  if (/^Neo\.ClientError\.(Statement|Request|Procedure|Schema)\./.test(code))
    return new RinglensError("invalid-input", `neo4j store: ${detail} (${code})`);
  return new RinglensError("unavailable", `neo4j store: ${detail}${code && code !== "N/A" ? ` (${code})` : ""}`);
}

/** The first sentence of a driver message, plus its "Caused by" (the rest repeats generic advice). */
function firstSentence(message: string): string {
  const line = message.split("\n")[0]!.trim();
  const m = /^(.+?\.)(\s|$)/.exec(line);
  const first = (m ? m[1]! : line).replace(/\.$/, "");
  const cause = /Caused by: (.+)$/m.exec(message)?.[1]?.trim();
  return cause && !first.includes(cause) ? `${first}: ${cause}` : first;
}
