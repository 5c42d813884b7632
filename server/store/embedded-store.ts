/**
 * The embedded GraphStore on kuzu: an on-disk store in a folder, zero set-up. One writer
 * connection plus a small pool of readers; saved queries run in READ ONLY transactions so the
 * engine itself refuses writes. Only server/store/embedded* imports kuzu.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import kuzu, { Database } from "kuzu";
import { RinglensError, messageOf } from "../errors.ts";
import { kuzuDdl } from "../schema/kuzu-ddl.ts";
import { STORE_TEXTS, countStatements } from "./store-statements.ts";
import type { AnalysisInput, AnalysisResult } from "../domain/analysis-types.ts";
import type { GraphStore, InStoreGraph, QueryOptions, QueryRows, StoreInfo, UpsertBatch, UpsertKind } from "./graph-store.ts";
import { ReadWriteGate } from "./read-write-gate.ts";
import { EmbeddedConnection } from "./embedded-connection.ts";
import { bulkUpsert, writtenKeysOf, type WrittenKeys } from "./embedded-bulk-upsert.ts";
import { readInput } from "./embedded-analysis-read.ts";
import { writeResult } from "./embedded-analysis-write.ts";
import { resolveRelEnds, toPlain } from "./to-plain.ts";
import type { PlainNode, PlainRel } from "./plain-graph.ts";
import { clearWriter, describeHolder, recordWriter } from "./writer-lock.ts";
import { textFor, type CypherText } from "../cypher/cypher-files.ts";
import type { BuiltIndex, PrefixIndex } from "../read-model/search-fields.ts";
import type { MetaKey } from "./meta.ts";
import { type OpenSearchIndex, buildSearchIndex, dropSearchIndex, openSearchIndex } from "./embedded-search-index.ts";

const READERS = 3;
/** The meta record a prefix index is built for: each import writes a new one. */
const INDEXED_FOR: MetaKey = "lastImport";

export interface EmbeddedStoreOptions {
  /** Folder holding the store (created when missing). */
  folder: string;
  readOnly?: boolean;
  /** Open only a store that exists (reopening after a fault must not create an empty one in its place). */
  mustExist?: boolean;
  /** What this process is, recorded so a refused process can name the holder. */
  command?: string;
  /** The engine's buffer pool; its own default takes 80% of the machine's memory. */
  memoryMb?: number;
}

export async function openEmbeddedStore(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  const folder = path.resolve(options.folder);
  const file = path.join(folder, "graph.kuzu");
  if (options.readOnly && !fs.existsSync(file)) {
    throw new RinglensError(
      "not-found",
      `embedded store: no store at ${folder}; load data first (ringlens load DIR --db ${options.folder})`,
    );
  }
  if (options.mustExist && !fs.existsSync(file)) {
    throw new RinglensError("unavailable", `embedded store: ${file} is gone (moved, deleted or its volume unmounted?)`);
  }
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new RinglensError("unavailable", `embedded store: cannot create ${folder}: ${messageOf(error)}`);
  }
  const db = new Database(file, (options.memoryMb ?? 2048) * 1024 * 1024, true, options.readOnly ?? false);
  try {
    await db.init();
  } catch (error) {
    const message = messageOf(error);
    if (/lock/i.test(message)) throw new RinglensError("conflict", `embedded store: ${describeHolder(folder)}`);
    throw new RinglensError("unavailable", `embedded store: cannot open ${folder}: ${message}`);
  }
  if (!options.readOnly) {
    recordWriter(folder, { pid: process.pid, command: options.command ?? "ringlens", since: new Date().toISOString() });
  }
  const store = new EmbeddedStore(db, folder, options.readOnly ?? false);
  return store;
}

export class EmbeddedStore implements GraphStore {
  readonly info: StoreInfo;
  readonly dialect = "kuzu" as const;
  private readonly writer: EmbeddedConnection;
  private readonly readers: EmbeddedConnection[];
  private closed = false;

  constructor(
    private readonly db: Database,
    readonly folder: string,
    private readonly readOnly: boolean,
  ) {
    this.info = { engine: "embedded", engineVersion: `kuzu ${kuzu.VERSION}`, location: folder };
    this.writer = new EmbeddedConnection(db);
    this.readers = Array.from({ length: READERS }, () => new EmbeddedConnection(db));
  }

  async ensureSchema(): Promise<void> {
    if (this.readOnly) return;
    for (const statement of kuzuDdl()) await this.writer.run(statement);
  }

  async upsert<K extends UpsertKind>(kind: K, rows: UpsertBatch[K]): Promise<void> {
    if (rows.length === 0) return;
    this.dropPrefixIndex();
    await this.withTemp((tmp) =>
      this.writer.exclusive(async (exec) => {
        let written = this.written.get(kind);
        if (written === undefined) {
          written = await writtenKeysOf(exec, kind);
          this.written.set(kind, written);
        }
        await bulkUpsert(exec, tmp, kind, rows, written);
      }),
    );
  }

  async readAnalysisInput(): Promise<AnalysisInput> {
    return this.withTemp((tmp) => this.readOn((reader) => reader.exclusive((exec) => readInput(exec, tmp))));
  }

  async writeAnalysis(result: AnalysisResult): Promise<void> {
    await this.withTemp((tmp) => this.writer.exclusive((exec) => writeResult(exec, tmp, result, (swap) => this.gate.exclusive(swap))));
  }

  async query(cypher: CypherText, params: Record<string, unknown>, options: QueryOptions): Promise<QueryRows> {
    const text = textFor(cypher, this.dialect);
    const { rows, columns } = await this.readOn((reader) =>
      reader.exclusive(async (exec) => {
        await exec("BEGIN TRANSACTION READ ONLY");
        try {
          const result = await exec(text, params, options.timeoutMs);
          await exec("COMMIT");
          return result;
        } catch (error) {
          await exec("ROLLBACK").catch(() => undefined);
          throw error;
        }
      }),
    );
    return plainRows(rows, columns);
  }

  async write(cypher: CypherText, params: Record<string, unknown>): Promise<QueryRows> {
    if (this.readOnly) throw new RinglensError("forbidden", `embedded store: opened read-only; cannot run ${cypher.name}`);
    const { rows, columns } = await this.writer.exclusive((exec) => exec(textFor(cypher, this.dialect), params));
    return plainRows(rows, columns);
  }

  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const { name, text } of countStatements()) out[name] = await this.count(text);
    return out;
  }

  async prefixIndex(): Promise<PrefixIndex | null> {
    const version = await this.getMeta(INDEXED_FOR);
    if (version === null) return null;
    if (this.searchIndex?.version === version) return this.searchIndex;
    this.searchIndex?.close();
    this.searchIndex = openSearchIndex(this.folder, version);
    return this.searchIndex;
  }

  async buildPrefixIndex(): Promise<BuiltIndex | null> {
    const version = await this.getMeta(INDEXED_FOR);
    if (version === null) return null;
    const built = await this.withTemp((tmp) =>
      this.readOn((reader) => reader.exclusive((exec) => buildSearchIndex(exec, tmp, this.folder, version))),
    );
    this.indexDropped = false;
    return built;
  }

  /** The first write after an index was built makes it stale: it goes before the data changes. */
  private dropPrefixIndex(): void {
    if (this.indexDropped) return;
    this.searchIndex?.close();
    this.searchIndex = null;
    dropSearchIndex(this.folder);
    this.indexDropped = true;
  }
  private searchIndex: OpenSearchIndex | null = null;
  private indexDropped = false;

  async getMeta(key: string): Promise<string | null> {
    const { rows } = await this.readOn((reader) => reader.run(STORE_TEXTS.getMeta.kuzu, { key }));
    return (rows[0]?.value as string | undefined) ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.writer.run(STORE_TEXTS.setMeta.kuzu, { key, value });
  }

  async inStoreGraph(): Promise<InStoreGraph> {
    throw new RinglensError(
      "invalid-input",
      `embedded store at ${this.info.location}: it has no graph algorithms library, so the analysis cannot run in the store; ` +
        "analyse without --in-store (the embedded store is read into ringlens, which is what it is for), or load the data into Neo4j with Graph Data Science and use --store neo4j.",
    );
  }

  async ping(): Promise<boolean> {
    if (this.closed) return false;
    try {
      await this.readOn((reader) => reader.run(STORE_TEXTS.ping.kuzu, undefined, 5_000));
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.searchIndex?.close();
    await Promise.all([this.writer.close(), ...this.readers.map((r) => r.close())]);
    await this.db.close();
    if (!this.readOnly) clearWriter(this.folder);
  }

  private async count(statement: string): Promise<number> {
    const { rows } = await this.readOn((reader) => reader.run(statement));
    return Number(rows[0]?.c ?? 0);
  }

  private readonly gate = new ReadWriteGate();
  /** Per kind, the keys this store has written to a table it found empty (embedded-bulk-upsert.ts). */
  private readonly written = new Map<UpsertKind, WrittenKeys>();

  /** Runs a read on the least busy reader, outside any analysis swap. */
  private readOn<T>(fn: (reader: EmbeddedConnection) => Promise<T>): Promise<T> {
    if (this.closed) throw new RinglensError("unavailable", "embedded store: the store is closed");
    return this.gate.read(() => fn(this.readers.reduce((best, r) => (r.pending < best.pending ? r : best))));
  }

  private async withTemp<T>(fn: (tmp: string) => Promise<T>): Promise<T> {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ringlens-analysis-"));
    try {
      return await fn(tmp);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
}

/** Engine rows as plain data: nodes and relationships mapped, relationship ends resolved. */
function plainRows(rows: Record<string, unknown>[], columns: string[]): QueryRows {
  const nodes = new Map<string, PlainNode>();
  const rels: PlainRel[] = [];
  const out = rows.map((row) => {
    const plain: Record<string, unknown> = {};
    for (const column of columns) plain[column] = toPlain(row[column], nodes, rels);
    return plain;
  });
  resolveRelEnds(rels, nodes);
  return { columns, rows: out };
}
