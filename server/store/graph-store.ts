/**
 * The one interface every graph store implements (embedded engine, Neo4j). Plain data in and
 * out: no driver or engine objects cross it. Adapters map their own errors to RinglensError.
 */
import type {
  Account,
  Address,
  Contact,
  ContactUse,
  Device,
  Employee,
  IdentifierNode,
  IdentifierUse,
  Payment,
  PaysWith,
  Refund,
  ShipsTo,
  Uses,
} from "../domain/model.ts";
import type { AnalysisInput, AnalysisResult } from "../domain/analysis-types.ts";
import type { CypherText, Dialect } from "../cypher/cypher-files.ts";
import type { RowFields } from "../schema/graph-schema.ts";

/** Rows of one bulk upsert, by what they create. Nodes are merged on id, relationships on their ends. */
export interface UpsertBatch {
  Account: Account[];
  Address: Address[];
  Device: Device[];
  Email: IdentifierNode[];
  Phone: IdentifierNode[];
  Payment: Payment[];
  IP: IdentifierNode[];
  Employee: Employee[];
  Refund: Refund[];
  Handle: IdentifierNode[];
  Contact: Contact[];
  SHIPS_TO: ShipsTo[];
  USES: Uses[];
  HAS_EMAIL: IdentifierUse[];
  HAS_PHONE: IdentifierUse[];
  PAYS_WITH: PaysWith[];
  USES_IP: IdentifierUse[];
  FROM_DEVICE: ContactUse[];
  FROM_PHONE: ContactUse[];
  FROM_EMAIL: ContactUse[];
  FROM_IP: ContactUse[];
  FROM_HANDLE: ContactUse[];
}
export type UpsertKind = keyof UpsertBatch;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AllTrue<T extends Record<UpsertKind, true>> = T;
/**
 * Compile-time check: each kind's rows carry exactly the fields the graph description loads
 * (server/schema/graph-schema.ts). A kind reading `false` here names the row type to change.
 */
export type RowsMatchDescription = AllTrue<{ [K in UpsertKind]: Same<keyof UpsertBatch[K][number], RowFields<K>> }>;

/** Order in which kinds must be written so relationship ends exist. */
export const UPSERT_ORDER: readonly UpsertKind[] = [
  "Account",
  "Employee",
  "Address",
  "Device",
  "Email",
  "Phone",
  "Payment",
  "IP",
  "Refund",
  "Handle",
  "Contact",
  "SHIPS_TO",
  "USES",
  "HAS_EMAIL",
  "HAS_PHONE",
  "PAYS_WITH",
  "USES_IP",
  "FROM_DEVICE",
  "FROM_PHONE",
  "FROM_EMAIL",
  "FROM_IP",
  "FROM_HANDLE",
];

export interface QueryOptions {
  timeoutMs: number;
}

export interface QueryRows {
  columns: string[];
  rows: Record<string, unknown>[];
}

export interface StoreInfo {
  engine: "embedded" | "neo4j";
  engineVersion: string;
  location: string;
}

export interface GraphStore {
  readonly info: StoreInfo;
  /** The Cypher dialect it runs: the store, never its caller, picks a text's version. */
  readonly dialect: Dialect;
  /** Creates tables/constraints if missing; safe to call on every start. */
  ensureSchema(): Promise<void>;
  /** Merges rows of one kind. Refund rows also create REQUESTED and APPROVED; Contact rows HAS_CONTACT, DISCUSSED_IN and HANDLED. */
  upsert<K extends UpsertKind>(kind: K, rows: UpsertBatch[K]): Promise<void>;
  /** Everything ring detection reads, in bulk. */
  readAnalysisInput(): Promise<AnalysisInput>;
  /** Replaces the previous analysis (rings, memberships, suspicions) as one unit. */
  writeAnalysis(result: AnalysisResult): Promise<void>;
  /** Runs one statement from `cypher/` read-only, in the store's dialect, with parameters and a timeout. */
  query(cypher: CypherText, params: Record<string, unknown>, options: QueryOptions): Promise<QueryRows>;
  /**
   * Runs one statement from `cypher/` that writes (the investigation's cases, audit, alerts,
   * watches), in its own write transaction, and returns its rows.
   */
  write(cypher: CypherText, params: Record<string, unknown>): Promise<QueryRows>;
  /** Node count per label and relationship count per type. */
  counts(): Promise<Record<string, number>>;
  /** A small key/value record of facts about the store (last import, last analysis). */
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /** True when the store answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
