import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { toStoreError, type ErrorContext } from "../../server/store/neo4j-errors.ts";
import { RinglensError } from "../../server/errors.ts";

const ctx: ErrorContext = { uri: "bolt://db.example:7687", user: "analyst", database: "fraud", timeoutMs: 300 };
/** A driver error as the driver builds it from a server FAILURE (code + message). */
const serverError = (code: string, message: string) =>
  new Neo4jError(message, code as never, "50N42", "error: general processing exception");

describe("Neo4j errors mapped to the error typology", () => {
  it("a server that cannot be reached is unavailable, naming NEO4J_URI and the cause", () => {
    const e = toStoreError(
      serverError(
        "ServiceUnavailable",
        "Failed to connect to server. Please ensure that your database is listening. Caused by: connect ECONNREFUSED 127.0.0.1:7687",
      ),
      ctx,
    );
    expect(e.kind).toBe("unavailable");
    expect(e.message).toContain("NEO4J_URI");
    expect(e.message).toContain("ECONNREFUSED");
    expect(toStoreError(serverError("SessionExpired", "Session expired"), ctx).kind).toBe("unavailable");
  });

  it("an address the driver cannot parse is invalid input naming NEO4J_URI", () => {
    const e = toStoreError(new Error("Unknown scheme: http"), { ...ctx, uri: "http://db:7474" });
    expect(e.kind).toBe("invalid-input");
    expect(e.message).toMatch(/NEO4J_URI "http:\/\/db:7474"/);
  });

  it("refused credentials are invalid input naming NEO4J_USER and NEO4J_PASSWORD", () => {
    for (const code of [
      "Neo.ClientError.Security.Unauthorized",
      "Neo.ClientError.Security.AuthenticationRateLimit",
      "Neo.ClientError.Security.CredentialsExpired",
    ]) {
      const e = toStoreError(serverError(code, "The client is unauthorized due to authentication failure."), ctx);
      expect(e.kind).toBe("invalid-input");
      expect(e.message).toContain("NEO4J_USER and NEO4J_PASSWORD");
      expect(e.message).toContain('"analyst"');
    }
  });

  it("a missing database is invalid input naming NEO4J_DATABASE", () => {
    const e = toStoreError(
      serverError("Neo.ClientError.Database.DatabaseNotFound", "Database does not exist. Database name: 'fraud'."),
      ctx,
    );
    expect(e.kind).toBe("invalid-input");
    expect(e.message).toContain("NEO4J_DATABASE");
    expect(e.message).toContain('"fraud"');
  });

  it("a transaction stopped by its timeout is a timeout, with either code the server uses", () => {
    for (const code of [
      "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
      "Neo.ClientError.Transaction.TransactionTimedOut",
    ]) {
      const e = toStoreError(
        serverError(code, "The transaction has not completed within the timeout specified at its start by the client."),
        ctx,
      );
      expect(e.kind).toBe("timeout");
      expect(e.message).toContain("300 ms");
    }
    const terminated = serverError("Neo.ClientError.Transaction.Terminated", "The transaction has been terminated. Transaction timed out.");
    expect(toStoreError(terminated, ctx).kind).toBe("timeout");
    expect(toStoreError(serverError("Neo.ClientError.Transaction.Terminated", "Explicitly terminated by the user."), ctx).kind).toBe(
      "unavailable",
    );
  });

  it("a write in a read transaction or on a read-only database is forbidden", () => {
    for (const code of [
      "Neo.ClientError.Statement.AccessMode",
      "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase",
      "Neo.ClientError.Security.Forbidden",
    ]) {
      expect(
        toStoreError(serverError(code, "Writing in read access mode not allowed. Attempted write to internal graph 0 (neo4j)"), ctx).kind,
      ).toBe("forbidden");
    }
  });

  it("syntax, semantic, type and missing-parameter errors are invalid input with the code", () => {
    for (const code of [
      "Neo.ClientError.Statement.SyntaxError",
      "Neo.ClientError.Statement.SemanticError",
      "Neo.ClientError.Statement.ParameterMissing",
      "Neo.ClientError.Statement.TypeError",
    ]) {
      const e = toStoreError(
        serverError(
          code,
          "Invalid input 'RETURN': expected ')' (line 1, column 18 (offset: 17))\n\"MATCH (a:Account RETURN a\"\n                 ^",
        ),
        ctx,
      );
      expect(e.kind).toBe("invalid-input");
      expect(e.message).toContain(code);
      expect(e.message).not.toContain("\n");
    }
  });

  it("a broken uniqueness constraint is a conflict", () => {
    expect(
      toStoreError(
        serverError(
          "Neo.ClientError.Schema.ConstraintValidationFailed",
          "Node(12) already exists with label `Ring` and property `id` = 'R-1'",
        ),
        ctx,
      ).kind,
    ).toBe("conflict");
  });

  it("transient errors left after the driver's retries are unavailable", () => {
    expect(toStoreError(serverError("Neo.TransientError.Transaction.DeadlockDetected", "Deadlock."), ctx).kind).toBe("unavailable");
    expect(toStoreError(serverError("Neo.TransientError.General.DatabaseUnavailable", "Database unavailable."), ctx).message).toContain(
      "NEO4J_DATABASE",
    );
  });

  it("passes RinglensErrors through unchanged", () => {
    const own = new RinglensError("conflict", "x");
    expect(toStoreError(own, ctx)).toBe(own);
  });
});
