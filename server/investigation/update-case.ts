/**
 * An analyst's change to the case on a ring: opens it on first use, sets status and assignee,
 * keeps the note, and records the change in the audit trail (before → after). Also what the
 * API shows of a case: its state, its notes and its history (the audit entries about it).
 */
import { randomUUID } from "node:crypto";
import type { CaseRecord, CaseStatus } from "../domain/investigation/case-types.ts";
import type { CaseView } from "../../wire/wire-types.ts";
import type { GraphStore } from "../store/graph-store.ts";
import { addAudit, caseOfRing, listAudit, saveCase } from "./investigation-records.ts";

export interface CaseChange {
  status: CaseStatus;
  /** Omitted: kept; null: cleared. */
  assignee?: string | null;
  note?: string;
}

export async function updateCase(store: GraphStore, ringId: string, change: CaseChange, actor: string): Promise<CaseView> {
  const at = new Date().toISOString();
  const before = await caseOfRing(store, ringId);
  const after: CaseRecord = {
    id: before?.id ?? `C-${randomUUID().slice(0, 8)}`,
    ringId,
    status: change.status,
    assignee: change.assignee === undefined ? (before?.assignee ?? null) : change.assignee,
    openedAt: before?.openedAt ?? at,
    updatedAt: at,
  };
  await saveCase(store, after);
  await addAudit(store, {
    at,
    actor,
    action: before ? "case.update" : "case.open",
    caseId: after.id,
    ringId,
    before: before ? { status: before.status, assignee: before.assignee } : null,
    after: { status: after.status, assignee: after.assignee },
    note: change.note ?? null,
  });
  return (await caseView(store, ringId))!;
}

/** The case on a ring with its notes and history (oldest first), or null when it has none. */
export async function caseView(store: GraphStore, ringId: string): Promise<CaseView | null> {
  const record = await caseOfRing(store, ringId);
  if (!record) return null;
  const history = (await listAudit(store, { caseId: record.id, limit: 10_000 })).reverse();
  const notes = history.filter((h) => h.note !== null).map((h) => ({ at: h.at, actor: h.actor, text: h.note! }));
  return { ...record, notes, history };
}
