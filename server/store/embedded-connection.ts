/**
 * A serial wrapper over one kuzu connection. The engine crashes on concurrent queries on a
 * connection and on results left open at close, so every statement goes through `run`, which
 * queues, always closes results, and maps engine errors to RinglensError.
 * Only server/store/embedded* may import kuzu.
 */
import { Connection, type Database, type KuzuValue, type PreparedStatement, type QueryResult } from "kuzu";
import { RinglensError, messageOf } from "../errors.ts";
import { readAllRows } from "./embedded-rows.ts";

export type KuzuRow = Record<string, unknown>;
export type Exec = (
  statement: string,
  params?: Record<string, unknown>,
  timeoutMs?: number,
) => Promise<{ rows: KuzuRow[]; columns: string[] }>;

export class EmbeddedConnection {
  private readonly conn: Connection;
  private tail: Promise<unknown> = Promise.resolve();
  private initialised: Promise<void>;

  constructor(db: Database) {
    this.conn = new Connection(db);
    this.initialised = this.conn.init();
  }

  /** Runs statements in order on this connection; resolves with the rows of the last one. */
  run(statement: string, params?: Record<string, unknown>, timeoutMs?: number): Promise<{ rows: KuzuRow[]; columns: string[] }> {
    return this.exclusive((exec) => exec(statement, params, timeoutMs));
  }

  /** Runs a function with exclusive use of the connection (for multi-statement transactions). */
  exclusive<T>(fn: (exec: Exec) => Promise<T>): Promise<T> {
    this.pending++;
    const job = this.tail.then(() => fn((s, p, t) => this.execute(s, p, t)));
    this.tail = job
      .catch(() => undefined)
      .finally(() => {
        this.pending--;
      });
    return job;
  }

  /** Pending statements, for picking the least busy connection of a pool. */
  pending = 0;

  async close(): Promise<void> {
    await this.tail;
    await this.conn.close();
  }

  // Preparing costs more than running a small read; the API sends the same texts again and again.
  private readonly statements = new Map<string, PreparedStatement>();

  private async prepared(statement: string): Promise<PreparedStatement> {
    const cached = this.statements.get(statement);
    if (cached) return cached;
    const prepared = await this.conn.prepare(statement);
    if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
    if (this.statements.size >= 500) this.statements.clear();
    this.statements.set(statement, prepared);
    return prepared;
  }

  private async execute(statement: string, params?: Record<string, unknown>, timeoutMs?: number) {
    await this.initialised;
    // The engine refuses 0 as "no timeout"; a day stands in for none.
    this.conn.setQueryTimeout(timeoutMs ?? 86_400_000);
    let results: QueryResult[] = [];
    try {
      // kuzu refuses parameters the statement does not use; send only those it names.
      const used = params ? Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(statement))) : {};
      if (Object.keys(used).length > 0) {
        const prepared = await this.prepared(statement);
        const r = await this.conn.execute(prepared, used as Record<string, KuzuValue>);
        results = Array.isArray(r) ? r : [r];
      } else {
        const r = await this.conn.query(statement);
        results = Array.isArray(r) ? r : [r];
      }
      const last = results[results.length - 1];
      const rows = last ? await readAllRows<KuzuRow>(last) : [];
      const columns = last ? await last.getColumnNames() : [];
      return { rows, columns };
    } catch (error) {
      throw toStoreError(error, timeoutMs);
    } finally {
      for (const r of results) r.close();
    }
  }
}

function toStoreError(error: unknown, timeoutMs?: number): RinglensError {
  const message = messageOf(error);
  if (/Interrupted/i.test(message)) {
    return new RinglensError("timeout", `embedded store: query stopped after the ${timeoutMs} ms timeout`);
  }
  if (/read-only transaction|read only/i.test(message)) {
    return new RinglensError("forbidden", `embedded store: writes are not allowed here (${message})`);
  }
  if (/Parameter .* not found|Parser exception|Binder exception|Catalog exception|Runtime exception|Conversion exception/i.test(message)) {
    return new RinglensError("invalid-input", `embedded store: ${message}`);
  }
  return new RinglensError("unavailable", `embedded store: ${message}`);
}
