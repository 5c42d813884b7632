/**
 * Moves cases along their rings' lineage after an analysis: a case follows the new ring that
 * continues its ring (ring-lineage.ts); a case whose ring was merged into another, unmatched,
 * follows it there unless that ring already has a case; a case whose ring is gone stays on
 * its old id (the ring may come back) and says so once. Pure.
 */
import type { RingLineage } from "./ring-lineage.ts";
import { successors } from "./ring-lineage.ts";

export interface CaseMove {
  caseId: string;
  from: string;
  /** The ring it is on now (`from` when the ring is gone). */
  to: string;
  how: "followed" | "merged" | "gone";
}

/**
 * @example followCases([{ id: "C1", ringId: "R-B" }], lineage, new Set(["R-A"]), new Set(["R-B"]))
 *   // [{ caseId: "C1", from: "R-B", to: "R-A", how: "followed" }] when R-A continues R-B
 */
export function followCases(
  cases: readonly { id: string; ringId: string }[],
  lineage: ReadonlyMap<string, RingLineage>,
  previousRingIds: ReadonlySet<string>,
): CaseMove[] {
  const next = successors(lineage);
  const mergedInto = new Map<string, string>();
  for (const [id, l] of lineage) for (const from of l.mergedFrom) mergedInto.set(from, id);
  const taken = new Set<string>();
  const moves: CaseMove[] = [];
  const later: { id: string; ringId: string }[] = [];
  for (const c of cases) {
    const to = next.get(c.ringId);
    if (to !== undefined) {
      taken.add(to);
      if (to !== c.ringId) moves.push({ caseId: c.id, from: c.ringId, to, how: "followed" });
      // A ring kept with its id but no longer continued by itself is handled below.
    } else later.push(c);
  }
  for (const c of later) {
    const to = mergedInto.get(c.ringId);
    if (to !== undefined && !taken.has(to)) {
      taken.add(to);
      moves.push({ caseId: c.id, from: c.ringId, to, how: "merged" });
    } else if (previousRingIds.has(c.ringId)) {
      moves.push({ caseId: c.id, from: c.ringId, to: c.ringId, how: "gone" });
    }
  }
  return moves;
}
