/**
 * The JSON shapes the HTTP API sends, shared (type-only) with the client. Plain data; the
 * server builds them from store results, the viewer reads them.
 */
import type {
  AnalysisSummary,
  AttachedAccount,
  HubUse,
  InsiderFinding,
  Reason,
  RingLevel,
  RingLink,
} from "../server/domain/analysis-types.ts";
import type { GraphNodeKind, RelKind } from "../server/schema/graph-schema.ts";
import type { AlertKind, AlertRecord, AlertStatus, AuditEntry, CaseRecord, CaseStatus } from "../server/domain/investigation/case-types.ts";
import type { LineageState, RingLineage } from "../server/domain/investigation/ring-lineage.ts";

export type { AnalysisSummary, HubUse, InsiderFinding, Reason, RingLevel };

/** Node types the API serves and the viewer draws: the graph description's node kinds. */
export type WireNodeType = GraphNodeKind;
/** A relationship type of the stored graph, as edges name it. */
export type WireEdgeType = RelKind;

/** graphology's serialized format, as sent by every graph-shaped endpoint. */
export interface WireNodeAttributes {
  type: WireNodeType | string;
  label: string;
  /** The entity's id within its type (the node key is `${type}:${id}`). */
  id: string;
  x?: number;
  y?: number;
  /** Refunded value behind this node (accounts, refunds, employees), for sizing. */
  value?: number;
  insider?: boolean;
  hub?: boolean;
  ringMember?: boolean;
  properties: Record<string, unknown>;
}

export interface WireEdgeAttributes {
  type: string;
  properties?: Record<string, unknown>;
}

export interface WireGraph {
  nodes: { key: string; attributes: WireNodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: WireEdgeAttributes }[];
  truncated: boolean;
}

export interface RingSummary {
  id: string;
  size: number;
  score: number;
  level: RingLevel;
  countries: string[];
  refundCount: number;
  refundValue: number;
  noReturnShare: number;
  insiderCount: number;
}

export interface RingPage {
  total: number;
  offset: number;
  limit: number;
  rings: RingSummary[];
}

export interface RingMember {
  id: string;
  country: string | null;
  createdAt: string | null;
  name: string | null;
  email: string | null;
  refundCount: number;
  refundValue: number;
}

export interface RingDetail extends RingSummary {
  reasons: Reason[];
  members: RingMember[];
  insiders: (InsiderFinding & { name: string | null })[];
  /** `nodeType`: the node kind of the hub on the graph (a ContactDevice hub is a Device node). */
  hubs: (HubUse & { nodeType: WireNodeType })[];
  /** Rings sharing identifiers with this one ("linked to R-… via device …"). */
  links: RingLink[];
  /** Accounts tied through one member only, without the ring's behaviour: listed, not members. */
  attached: AttachedAccount[];
  /** How the ring descends from the previous analysis's rings; null before lineage was recorded. */
  lineage: RingLineage | null;
  /** The analyst's case on this ring, or null when none was opened. */
  case: CaseView | null;
}

export type { AlertKind, AlertRecord, AlertStatus, AuditEntry, CaseRecord, CaseStatus, LineageState, RingLineage };

/** A case as the API shows it: its state, the notes left on it and its history (oldest first). */
export interface CaseView extends CaseRecord {
  notes: { at: string; actor: string; text: string }[];
  history: AuditEntry[];
}

export interface CaseList {
  cases: CaseRecord[];
}

export interface AlertList {
  alerts: AlertRecord[];
}

export interface AuditList {
  entries: AuditEntry[];
}

/** A saved-query watch: the query, its parameters and how many rows it has seen (not the rows). */
export interface WatchView {
  id: string;
  name: string;
  query: string;
  params: Record<string, unknown>;
  seenRows: number;
  addedBy: string;
  addedAt: string;
}

export interface SearchHit {
  type: WireNodeType | string;
  id: string;
  label: string;
  /** Ring of the account, when it is in one. */
  ringId: string | null;
}

export type ParamType = "string" | "int" | "float" | "boolean" | "date" | "string[]";

export interface QueryParamInfo {
  name: string;
  type: ParamType;
  /** Inclusive bounds of an int or float parameter, when declared (`int(1..1000)`). */
  min?: number;
  max?: number;
  default: unknown;
  required: boolean;
  help: string;
}

export interface QueryInfo {
  name: string;
  title: string;
  description: string;
  returns: "table" | "graph";
  params: QueryParamInfo[];
}

export interface QueryRunResult {
  columns: string[];
  rows: Record<string, unknown>[];
  graph: WireGraph;
  /** `cached`: the answer was kept from an identical run at the same data version, and `ms` is that run's. */
  stats: { ms: number; rows: number; cached: boolean };
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export interface ImportSummary {
  at: string;
  folder: string;
  read: number;
  loaded: number;
  rejected: number;
}

export interface StatsResponse {
  counts: Record<string, number>;
  lastImport: ImportSummary | null;
  lastAnalysis: AnalysisSummary | null;
}
