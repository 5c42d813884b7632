/**
 * What ring detection reads and what it produces: plain data exchanged with the stores.
 * Pure types; no I/O.
 */
import type { LinkLabel, Millis } from "./model.ts";
import type { RingLineage } from "./investigation/ring-lineage.ts";

export interface AccountFact {
  id: string;
  createdAt: Millis | null;
  country: string | null;
}

export interface RefundFact {
  id: string;
  accountId: string;
  employeeId: string | null;
  amount: number;
  category: string | null;
  returned: boolean | null;
  requestedAt: Millis | null;
  status: string;
}

/** One account–identifier use, e.g. account A ships to address X. */
export interface LinkFact {
  accountId: string;
  kind: LinkLabel;
  identifierId: string;
}

/**
 * One identifier kind's links in columns, as a store can export them without an object per
 * link: link l ties account `accounts[l]` (a position in AnalysisInput.accounts) to identifier
 * `identifierIds[identifiers[l]]`. Repeated pairs are allowed (they count once).
 */
export interface LinkBlock {
  kind: LinkLabel;
  identifierIds: string[];
  accounts: Int32Array;
  identifiers: Int32Array;
}

/** Links as blocks; every account they name is in AnalysisInput.accounts. */
export interface LinkColumns {
  blocks: LinkBlock[];
}

export interface AnalysisInput {
  accounts: AccountFact[];
  /** One fact per link (tests, small stores), or the same links in columns (bulk reads). */
  links: LinkFact[] | LinkColumns;
  refunds: RefundFact[];
}

export type RingLevel = "high" | "medium" | "low";

/** One reason behind a ring's score; contributions of a ring add up to its score. */
export interface Reason {
  code: string;
  label: string;
  /** The measured value the reason is about (a share, an amount, a count). */
  value: number;
  contribution: number;
}

export interface InsiderFinding {
  employeeId: string;
  /** Share of the ring's approved refunds this employee approved. */
  share: number;
  /** This employee's share of all approvals in the data. */
  baseline: number;
  /** share / baseline. */
  lift: number;
  approvals: number;
  noReturnApprovals: number;
  score: number;
  reason: string;
}

export interface HubUse {
  kind: LinkLabel;
  identifierId: string;
  /** Accounts in the whole data that use this hub. */
  accounts: number;
  /** Ring members that use it. */
  members: number;
}

/** Another ring whose members share identifiers with this one's (the bridge of a split). */
export interface RingLink {
  ringId: string;
  via: { kind: LinkLabel; identifierId: string }[];
}

/** An account tied to the ring through one member only, without the ring's behaviour: shown, not a member. */
export interface AttachedAccount {
  accountId: string;
  /** The one member it is tied to, and the one identifier tying them. */
  memberId: string;
  kind: LinkLabel;
  identifierId: string;
  reason: string;
}

export interface RingResult {
  id: string;
  accountIds: string[];
  size: number;
  score: number;
  level: RingLevel;
  reasons: Reason[];
  insiders: InsiderFinding[];
  hubs: HubUse[];
  countries: string[];
  refundCount: number;
  refundValue: number;
  noReturnShare: number;
  /** Rings sharing identifiers with this one, by ring id. */
  links: RingLink[];
  /** Accounts listed beside the members, not counted in the score. */
  attached: AttachedAccount[];
  /** How it descends from the previous analysis's rings; set after detection (run-analysis.ts). */
  lineage?: RingLineage;
}

export interface HubInfo {
  kind: LinkLabel;
  identifierId: string;
  accounts: number;
}

export interface PhaseTiming {
  phase: string;
  ms: number;
}

export interface AnalysisResult {
  rings: RingResult[];
  hubs: HubInfo[];
  hubThreshold: number;
  phases: PhaseTiming[];
  analysedAt: Millis;
}

/** What the last analysis left behind, as recorded in the store and shown by /api/stats. */
export interface AnalysisSummary {
  at: string;
  rings: number;
  flagged: number;
  high: number;
  hubs: number;
  hubThreshold: number;
  phases: PhaseTiming[];
}
