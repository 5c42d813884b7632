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
import type { AnalysisInput, AnalysisResult, LinkFact } from "../domain/analysis-types.ts";
import type { LinkLabel } from "../domain/model.ts";
import type { ApprovalBaseline, ApprovalTally } from "../domain/rings/insiders.ts";
import type { RingTallies } from "../domain/rings/ring-facts.ts";
import type { CypherText, Dialect } from "../cypher/cypher-files.ts";
import type { RowFields } from "../schema/graph-schema.ts";
import type { BuiltIndex, PrefixIndex } from "../read-model/search-fields.ts";

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

/** One linked group found in the store: its members' ids and how many behave like ring members (ring-behaviour.ts). */
export interface InStoreComponent {
  members: string[];
  behaving: number;
}

/** One ring's counts, aggregated in the store: its tallies, its approvals per employee, the hubs ≥ 2 members use. */
export interface InStoreRingCounts {
  tallies: RingTallies;
  approvals: ApprovalTally;
  hubs: { kind: LinkLabel; identifierId: string; members: number }[];
}

/**
 * What `analyze --in-store` asks of a store that runs graph algorithms where the data is
 * (Neo4j with Graph Data Science): degrees, hubs, linked groups and per-ring counts, plain data
 * both ways; never the whole link table. server/tasks/detect-in-store.ts drives it.
 */
export interface InStoreGraph {
  /** The graph library and its version, e.g. "Graph Data Science 2.13.9". */
  readonly library: string;
  /** histogram[d]: identifiers of this kind used by d distinct accounts (d ≥ 2; lower entries 0). */
  degreeHistogram(kind: LinkLabel): Promise<number[]>;
  /** Identifiers of this kind used by more distinct accounts than `threshold`, most used first, then by id. */
  hubs(kind: LinkLabel, threshold: number): Promise<{ identifierId: string; accounts: number }[]>;
  /** Linked groups of ≥ minSize accounts through identifiers of 2 to thresholds[kind] accounts (kinds absent do not link). */
  components(thresholds: ReadonlyMap<LinkLabel, number>, minSize: number): Promise<InStoreComponent[]>;
  /** The accounts' facts, their links of `kinds` (hubs left out) and their refunds: a few groups' own graph. */
  groupInput(
    accountIds: readonly string[],
    kinds: readonly LinkLabel[],
    hubs: ReadonlyMap<LinkLabel, readonly string[]>,
  ): Promise<AnalysisInput>;
  /** Louvain communities of positions 0…nodeCount − 1 tied by weighted pairs [a, b, weight]; deterministic. */
  louvain(nodeCount: number, pairs: readonly (readonly [number, number, number])[]): Promise<Int32Array>;
  /** Per ring (members' ids), its counts; sharing for the `weighted` kinds, hub uses for the hubs listed. */
  ringTallies(
    rings: readonly (readonly string[])[],
    weighted: readonly LinkLabel[],
    hubs: ReadonlyMap<LinkLabel, readonly string[]>,
  ): Promise<InStoreRingCounts[]>;
  /** Approvals per employee over the whole data. */
  approvalBaseline(): Promise<ApprovalBaseline>;
  /** Every link of `kinds` through an identifier one of these accounts uses. */
  linksAround(accountIds: readonly string[], kinds: readonly LinkLabel[]): Promise<LinkFact[]>;
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
  /**
   * The store's graph algorithms for an analysis done where the data is. Throws
   * RinglensError("invalid-input") saying why there are none and what to install.
   */
  inStoreGraph(): Promise<InStoreGraph>;
  /** Runs one statement from `cypher/` read-only, in the store's dialect, with parameters and a timeout. */
  query(cypher: CypherText, params: Record<string, unknown>, options: QueryOptions): Promise<QueryRows>;
  /**
   * Runs one statement from `cypher/` that writes (the investigation's cases, audit, alerts,
   * watches), in its own write transaction, and returns its rows.
   */
  write(cypher: CypherText, params: Record<string, unknown>): Promise<QueryRows>;
  /** Node count per label and relationship count per type. */
  counts(): Promise<Record<string, number>>;
  /**
   * The store's prefix index for search, when it keeps one built for the data as it is now;
   * null otherwise (none kept, or not built since the last import), and search scans.
   */
  prefixIndex(): Promise<PrefixIndex | null>;
  /** Builds the prefix index for the data as it is now; null where the store keeps none (its scans are indexed already, or it has no data). */
  buildPrefixIndex(): Promise<BuiltIndex | null>;
  /** A small key/value record of facts about the store (last import, last analysis). */
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /** True when the store answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
