/**
 * The Neo4j GraphStore over the official driver (Bolt). One driver per store (one store per
 * process); a session per unit of work, closed in `finally`; managed transactions
 * (`executeRead`/`executeWrite`) so the driver retries transient errors. Saved queries run in
 * READ transactions with a server-side timeout. Only server/store/neo4j* imports neo4j-driver.
 */
import neo4j, { type Driver, type ManagedTransaction, type Session } from "neo4j-driver";
import type { AnalysisInput, AnalysisResult } from "../domain/analysis-types.ts";
import { RinglensError, isRinglensError } from "../errors.ts";
import type { GraphStore, InStoreGraph, QueryOptions, QueryRows, StoreInfo, UpsertBatch, UpsertKind } from "./graph-store.ts";
import { GdsGraph } from "./neo4j-gds-graph.ts";
import { readAnalysisPages, writeAnalysisStaged, type Records } from "./neo4j-analysis-io.ts";
import { toStoreError, type ErrorContext } from "./neo4j-errors.ts";
import { STORE_STATEMENTS, schemaStatements } from "./neo4j-statements.ts";
import { countStatements } from "./store-statements.ts";
import { UPSERT_STATEMENTS, checkIndexedIds, chunk, toUpsertRow } from "./neo4j-upserts.ts";
import { toJsNumber, toNeo4jParams, toQueryRows } from "./neo4j-values.ts";
import { cypher, textFor, type CypherText } from "../cypher/cypher-files.ts";

export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  /** Without a password the driver connects without authentication. */
  password?: string;
  /** Without a database, the user's home (default) database. */
  database?: string;
  readOnly?: boolean;
  /** Rows per write transaction of an upsert or an analysis write (default 5,000). */
  batchSize?: number;
  /** Keys per read transaction when reading the analysis input (default 20,000). */
  pageSize?: number;
  /** How long connecting may take (default 10 s). */
  connectionTimeoutMs?: number;
  /** How long the driver retries a transient failure of a managed transaction (default 15 s). */
  maxRetryTimeMs?: number;
  /** How long one statement of an in-store analysis may run (default 30 min: a projection of a big graph takes minutes). */
  analysisTimeoutMs?: number;
}

const DEFAULTS = { batchSize: 5_000, pageSize: 20_000, connectionTimeoutMs: 10_000, maxRetryTimeMs: 15_000, analysisTimeoutMs: 1_800_000 };
const GDS_VERSION = cypher("store/neo4j-gds-version");

/** Opens the driver and checks that the server answers, the credentials work and the database exists. */
export async function openNeo4jStore(options: Neo4jStoreOptions): Promise<Neo4jStore> {
  const ctx: ErrorContext = { uri: options.uri, user: options.user, database: options.database };
  let driver: Driver;
  try {
    // `auth.none` exists at runtime but is missing from the driver's typings.
    const none = (neo4j.auth as unknown as { none(): ReturnType<typeof neo4j.auth.basic> }).none;
    const auth = options.password ? neo4j.auth.basic(options.user, options.password) : none();
    driver = neo4j.driver(options.uri, auth, {
      connectionTimeout: options.connectionTimeoutMs ?? DEFAULTS.connectionTimeoutMs,
      maxTransactionRetryTime: options.maxRetryTimeMs ?? DEFAULTS.maxRetryTimeMs,
      userAgent: "ringlens",
    });
  } catch (error) {
    throw toStoreError(error, ctx);
  }
  try {
    const server = await driver.getServerInfo({ database: options.database });
    const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.READ, disableAutoCommitRetries: true });
    try {
      await session.run(STORE_STATEMENTS.ping);
    } finally {
      await session.close().catch(() => undefined);
    }
    return new Neo4jStore(driver, options, server.agent ?? "Neo4j");
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw toStoreError(error, ctx);
  }
}

export class Neo4jStore implements GraphStore {
  readonly info: StoreInfo;
  readonly dialect = "neo4j" as const;
  private readonly ctx: ErrorContext;
  private readonly batchSize: number;
  private readonly pageSize: number;
  private schemaReady = false;
  private closed = false;

  constructor(
    private readonly driver: Driver,
    private readonly options: Neo4jStoreOptions,
    agent: string,
  ) {
    this.ctx = { uri: options.uri, user: options.user, database: options.database };
    this.batchSize = options.batchSize ?? DEFAULTS.batchSize;
    this.pageSize = options.pageSize ?? DEFAULTS.pageSize;
    for (const [name, n] of [
      ["batchSize", this.batchSize],
      ["pageSize", this.pageSize],
    ] as const) {
      if (!Number.isInteger(n) || n < 1)
        throw new RinglensError("invalid-input", `neo4j store: ${name} must be a whole number ≥ 1, not ${n}`);
    }
    this.info = { engine: "neo4j", engineVersion: agent, location: describeLocation(options.uri, options.database) };
  }

  async ensureSchema(): Promise<void> {
    if (this.options.readOnly || this.schemaReady) return;
    for (const statement of schemaStatements()) {
      await this.withSession("WRITE", (s) => s.executeWrite((tx) => tx.run(statement)));
    }
    this.schemaReady = true;
  }

  async upsert<K extends UpsertKind>(kind: K, rows: UpsertBatch[K]): Promise<void> {
    this.refuseWhenReadOnly(`upsert ${kind}`);
    if (rows.length === 0) return;
    checkIndexedIds(kind, rows);
    for (const batch of chunk<UpsertBatch[UpsertKind][number]>(rows, this.batchSize)) {
      const params = { rows: batch.map((r) => toUpsertRow(kind, r)) };
      await this.withSession("WRITE", (s) =>
        s.executeWrite(async (tx) => {
          for (const statement of UPSERT_STATEMENTS[kind]) await tx.run(statement, params);
        }),
      );
    }
  }

  async readAnalysisInput(): Promise<AnalysisInput> {
    return readAnalysisPages(
      (statement, params) =>
        this.withSession("READ", (s) => s.executeRead(async (tx) => (await tx.run(statement, toNeo4jParams(params))).records)),
      this.pageSize,
    );
  }

  async writeAnalysis(result: AnalysisResult): Promise<void> {
    this.refuseWhenReadOnly("write analysis");
    await writeAnalysisStaged(
      (work) =>
        this.withSession("WRITE", (s) =>
          s.executeWrite((tx) => work(async (statement, params) => (await tx.run(statement, params)).records)),
        ),
      result,
      this.batchSize,
    );
  }

  async inStoreGraph(): Promise<InStoreGraph> {
    let version: string;
    try {
      const { rows } = await this.query(GDS_VERSION, {}, { timeoutMs: 10_000 });
      version = String(rows[0]?.version);
    } catch (error) {
      if (!isRinglensError(error) || error.kind !== "invalid-input") throw error;
      throw new RinglensError(
        "invalid-input",
        `neo4j store at ${this.info.location}: Graph Data Science is not installed (gds.version() is unknown), so the analysis cannot run in the store. ` +
          "Install the GDS plugin that matches this Neo4j (neo4j.com/docs/graph-data-science/current/installation/), allow it with " +
          "dbms.security.procedures.unrestricted=gds.* and restart Neo4j; or analyse without --in-store, which reads the links into ringlens.",
      );
    }
    const timeoutMs = this.options.analysisTimeoutMs ?? DEFAULTS.analysisTimeoutMs;
    return new GdsGraph((text, params) => this.query(text, params, { timeoutMs }), `Graph Data Science ${version}`, 2 * timeoutMs);
  }

  async query(cypher: CypherText, params: Record<string, unknown>, options: QueryOptions): Promise<QueryRows> {
    const text = textFor(cypher, this.dialect);
    const { keys, records } = await this.withSession(
      "READ",
      (s) =>
        s.executeRead(
          async (tx) => {
            const result = tx.run(text, toNeo4jParams(params));
            const keys = await result.keys();
            return { keys: [...keys] as string[], records: (await result).records };
          },
          { timeout: options.timeoutMs },
        ),
      options.timeoutMs,
    );
    return toQueryRows(keys, records);
  }

  async write(cypher: CypherText, params: Record<string, unknown>): Promise<QueryRows> {
    this.refuseWhenReadOnly(`run ${cypher.name}`);
    const text = textFor(cypher, this.dialect);
    const { keys, records } = await this.withSession("WRITE", (s) =>
      s.executeWrite(async (tx) => {
        const result = tx.run(text, toNeo4jParams(params));
        const keys = await result.keys();
        return { keys: [...keys] as string[], records: (await result).records };
      }),
    );
    return toQueryRows(keys, records);
  }

  async counts(): Promise<Record<string, number>> {
    return this.withSession("READ", (s) =>
      s.executeRead(async (tx) => {
        const out: Record<string, number> = {};
        for (const { name, text } of countStatements()) out[name] = await count(tx, text);
        return out;
      }),
    );
  }

  /** Neo4j keeps no prefix index of ringlens' own: search's scans run on its server, which a text index can serve. */
  async prefixIndex(): Promise<null> {
    return null;
  }
  async buildPrefixIndex(): Promise<null> {
    return null;
  }

  async getMeta(key: string): Promise<string | null> {
    const records = await this.withSession("READ", (s) =>
      s.executeRead(async (tx) => (await tx.run(STORE_STATEMENTS.getMeta, { key })).records),
    );
    const value = records[0]?.get("value");
    return value === undefined || value === null ? null : String(value);
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.refuseWhenReadOnly("set meta");
    await this.withSession("WRITE", (s) => s.executeWrite((tx) => tx.run(STORE_STATEMENTS.setMeta, { key, value })));
  }

  /** One auto-commit `RETURN 1` without retries, so a dead server answers false quickly. */
  async ping(): Promise<boolean> {
    if (this.closed) return false;
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.READ,
      disableAutoCommitRetries: true,
    });
    try {
      await session.run(STORE_STATEMENTS.ping, {}, { timeout: 5_000 });
      return true;
    } catch {
      return false;
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  private async withSession<T>(mode: "READ" | "WRITE", work: (session: Session) => Promise<T>, timeoutMs?: number): Promise<T> {
    if (this.closed) throw new RinglensError("unavailable", "neo4j store: the store is closed");
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return await work(session);
    } catch (error) {
      throw toStoreError(error, { ...this.ctx, timeoutMs });
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  private refuseWhenReadOnly(what: string): void {
    if (this.options.readOnly) throw new RinglensError("forbidden", `neo4j store: opened read-only; cannot ${what}`);
  }
}

async function count(tx: ManagedTransaction, statement: string): Promise<number> {
  const records: Records = (await tx.run(statement)).records;
  return toJsNumber(records[0]?.get("c") ?? 0);
}

/** Where the store is, for messages: the URI without any user info, and the database. */
export function describeLocation(uri: string, database: string | undefined): string {
  const safe = uri.replace(/\/\/[^@/]*@/, "//");
  return `${safe} (database ${database ?? "default"})`;
}
