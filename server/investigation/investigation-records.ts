/**
 * Reads and writes of the investigation (cases, audit trail, alerts, watches) in the graph
 * store, through the statements in cypher/investigation/. Values are mapped to the domain's
 * records here: JSON text parsed, absent values null. Imports no engine.
 */
import { randomUUID } from "node:crypto";
import { cypher } from "../cypher/cypher-files.ts";
import type { GraphStore } from "../store/graph-store.ts";
import type {
  AlertDraft,
  AlertRecord,
  AlertStatus,
  AuditEntry,
  CaseRecord,
  CaseStatus,
  WatchRecord,
} from "../domain/investigation/case-types.ts";

const file = (name: string) => cypher(`investigation/${name}`);
/** Reads of these small records are bounded by their own limits, not by a query timeout. */
const READ = { timeoutMs: 30_000 };
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** JSON text the store keeps, parsed; the writers here made it from the type the caller names. */
const json = <T>(v: unknown, empty: T): T => (v === null || v === undefined || v === "" ? empty : (JSON.parse(String(v)) as T));

const toCase = (r: Record<string, unknown>): CaseRecord => ({
  id: String(r.id),
  ringId: String(r.ringId),
  status: String(r.status) as CaseStatus,
  assignee: text(r.assignee),
  openedAt: String(r.openedAt),
  updatedAt: String(r.updatedAt),
});

export async function caseOfRing(store: GraphStore, ringId: string): Promise<CaseRecord | null> {
  const { rows } = await store.query(file("case-by-ring"), { ringId }, READ);
  return rows[0] ? toCase(rows[0]) : null;
}

export async function listCases(
  store: GraphStore,
  filter: { status?: CaseStatus; assignee?: string; limit?: number } = {},
): Promise<CaseRecord[]> {
  const params = { status: filter.status ?? null, assignee: filter.assignee ?? null, limit: filter.limit ?? 10_000 };
  return (await store.query(file("cases-list"), params, READ)).rows.map(toCase);
}

export async function saveCase(store: GraphStore, c: CaseRecord): Promise<void> {
  await store.write(file("case-save"), { ...c });
}

export async function moveCase(store: GraphStore, id: string, ringId: string): Promise<void> {
  await store.write(file("case-move"), { id, ringId });
}

let sequence = 0;
/** Audit ids sort as written (time, then this process's sequence), so entries of one millisecond keep their order. */
const auditId = () =>
  `AU-${Date.now().toString(36).padStart(9, "0")}-${(sequence++ % 36 ** 4).toString(36).padStart(4, "0")}-${randomUUID().slice(0, 8)}`;

/** Records one write; the id is made here. */
export async function addAudit(store: GraphStore, entry: Omit<AuditEntry, "id">): Promise<AuditEntry> {
  const full = { id: auditId(), ...entry };
  await store.write(file("audit-add"), {
    ...full,
    before: JSON.stringify(entry.before ?? null),
    after: JSON.stringify(entry.after ?? null),
  });
  return full;
}

export async function listAudit(
  store: GraphStore,
  filter: { caseId?: string; actor?: string; limit?: number } = {},
): Promise<AuditEntry[]> {
  const params = { caseId: filter.caseId ?? null, actor: filter.actor ?? null, limit: filter.limit ?? 500 };
  return (await store.query(file("audit-list"), params, READ)).rows.map((r) => ({
    id: String(r.id),
    at: String(r.at),
    actor: String(r.actor),
    action: String(r.action),
    caseId: text(r.caseId),
    ringId: text(r.ringId),
    before: json<unknown>(r.before, null),
    after: json<unknown>(r.after, null),
    note: text(r.note),
  }));
}

const toAlert = (r: Record<string, unknown>): AlertRecord => ({
  id: String(r.id),
  kind: String(r.kind) as AlertRecord["kind"],
  status: String(r.status) as AlertStatus,
  raisedAt: String(r.raisedAt),
  caseId: text(r.caseId),
  ringId: text(r.ringId),
  accountId: text(r.accountId),
  identifier: r.identifierKind ? { kind: String(r.identifierKind), id: String(r.identifierId) } : null,
  watchId: text(r.watchId),
  message: String(r.message),
  detail: json<Record<string, unknown>>(r.detail, {}),
  acknowledgedBy: text(r.acknowledgedBy),
  acknowledgedAt: text(r.acknowledgedAt),
});

/** Stores the drafts not stored before (an alert is raised once) and returns those, as stored. */
export async function raiseAlerts(store: GraphStore, drafts: readonly AlertDraft[], raisedAt: string): Promise<AlertRecord[]> {
  if (drafts.length === 0) return [];
  const unique = [...new Map(drafts.map((d) => [d.id, d])).values()];
  const { rows } = await store.query(file("alert-ids"), { ids: unique.map((d) => d.id) }, READ);
  const known = new Set(rows.map((r) => String(r.id)));
  const raised: AlertRecord[] = [];
  for (const d of unique) {
    if (known.has(d.id)) continue;
    const record: AlertRecord = { ...d, status: "open", raisedAt, acknowledgedBy: null, acknowledgedAt: null };
    await store.write(file("alert-add"), {
      id: d.id,
      kind: d.kind,
      raisedAt,
      caseId: d.caseId,
      ringId: d.ringId,
      accountId: d.accountId,
      identifierKind: d.identifier?.kind ?? null,
      identifierId: d.identifier?.id ?? null,
      watchId: d.watchId,
      message: d.message,
      detail: JSON.stringify(d.detail),
    });
    raised.push(record);
  }
  return raised;
}

export async function listAlerts(store: GraphStore, filter: { status?: AlertStatus; limit?: number } = {}): Promise<AlertRecord[]> {
  const { rows } = await store.query(file("alerts-list"), { status: filter.status ?? null, limit: filter.limit ?? 1000 }, READ);
  return rows.map(toAlert);
}

export async function getAlert(store: GraphStore, id: string): Promise<AlertRecord | null> {
  const { rows } = await store.query(file("alert-by-id"), { id }, READ);
  return rows[0] ? toAlert(rows[0]) : null;
}

export async function setAlertStatus(
  store: GraphStore,
  id: string,
  status: AlertStatus,
  by: string | null,
  at: string | null,
): Promise<void> {
  await store.write(file("alert-set-status"), { id, status, by, at });
}

export async function addWatch(store: GraphStore, watch: WatchRecord): Promise<void> {
  await store.write(file("watch-add"), { ...watch, params: JSON.stringify(watch.params), seen: JSON.stringify(watch.seen) });
}

export async function listWatches(store: GraphStore): Promise<WatchRecord[]> {
  return (await store.query(file("watches-list"), {}, READ)).rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    query: String(r.query),
    params: json<Record<string, unknown>>(r.params, {}),
    seen: json<string[]>(r.seen, []),
    addedBy: String(r.addedBy),
    addedAt: String(r.addedAt),
  }));
}

export async function setWatchSeen(store: GraphStore, id: string, seen: readonly string[]): Promise<void> {
  await store.write(file("watch-set-seen"), { id, seen: JSON.stringify(seen) });
}

/** Members of every current ring: read before an analysis replaces them. */
export async function currentRingMembers(store: GraphStore): Promise<Map<string, string[]>> {
  const { rows } = await store.query(cypher("reads/ring-memberships"), {}, { timeoutMs: 600_000 });
  return new Map(rows.map((r) => [String(r.ringId), (r.accountIds as unknown[]).map(String)]));
}
