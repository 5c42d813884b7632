/**
 * What an investigation keeps: cases on rings, their audit trail, alerts and saved-query
 * watches, as plain data. Times are ISO 8601 text. Pure types and closed sets.
 */

export const CASE_STATUSES = ["new", "investigating", "confirmed", "dismissed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const ALERT_KINDS = ["linked-to-confirmed", "ring-grew", "dismissed-changed", "watch"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_STATUSES = ["open", "acknowledged"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ROLES = ["analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface CaseRecord {
  id: string;
  /** The ring it is about now: moved by each analysis along the ring's lineage. */
  ringId: string;
  status: CaseStatus;
  assignee: string | null;
  openedAt: string;
  updatedAt: string;
}

/** One recorded write: who, when, what, on which case and ring, and the state before and after. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  caseId: string | null;
  ringId: string | null;
  before: unknown;
  after: unknown;
  note: string | null;
}

export interface AlertRecord {
  id: string;
  kind: AlertKind;
  status: AlertStatus;
  raisedAt: string;
  caseId: string | null;
  ringId: string | null;
  accountId: string | null;
  identifier: { kind: string; id: string } | null;
  watchId: string | null;
  /** One line an analyst reads: what happened and why it matters. */
  message: string;
  /** Kind-specific facts (added members, new query rows). */
  detail: Record<string, unknown>;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
}

/** An alert as an analysis drafts it; the store adds status and time. Its id is stable, so it is raised once. */
export type AlertDraft = Pick<
  AlertRecord,
  "id" | "kind" | "caseId" | "ringId" | "accountId" | "identifier" | "watchId" | "message" | "detail"
>;

export interface WatchRecord {
  id: string;
  name: string;
  query: string;
  params: Record<string, unknown>;
  /** Digests of the rows the query returned so far: a row not among them raises an alert. */
  seen: string[];
  addedBy: string;
  addedAt: string;
}
