/**
 * Lineage: how the rings of a new analysis descend from the previous analysis's, by members.
 * The rule (README "Design choices"):
 *   - Every (previous, new) pair with Jaccard(members) ≥ 0.5 is a candidate; pairs are taken
 *     greedily, highest Jaccard first (then most shared members, then ids), each ring at most
 *     once: a one-to-one match, so a case follows exactly one ring.
 *   - A matched new ring is `same` (equal members), `grew` or `shrank` by the size difference,
 *     or `changed` (same size, different members); it names what was added and removed.
 *   - `merged`: besides its match (if any), previous rings left unmatched had at least half
 *     their members land in it; they are listed in `mergedFrom`.
 *   - `split`: unmatched, but at least half its members came from one previous ring.
 *   - `new`: none of the above.
 * Pure: no I/O.
 */

export type LineageState = "new" | "same" | "grew" | "shrank" | "changed" | "merged" | "split";

export interface RingLineage {
  state: LineageState;
  /** The previous ring this one continues (its case follows), or null. */
  previousId: string | null;
  /** Members now and not before (in the matched ring); sorted. */
  added: string[];
  /** Members before (in the matched ring) and not now; sorted. */
  removed: string[];
  /** Previous rings (other than previousId) whose majority is now in this ring. */
  mergedFrom: string[];
  /** The previous ring most of this one's members came from, when it was not matched to it. */
  splitFrom: string | null;
}

export interface RingMembers {
  id: string;
  accountIds: readonly string[];
}

/** The lowest Jaccard index for a new ring to continue a previous one. */
export const MATCH_JACCARD = 0.5;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The lineage of every new ring, keyed by its id.
 *
 * @example matchLineage([{ id: "R-A", accountIds: ["A", "B"] }], [{ id: "R-A", accountIds: ["A", "B", "C"] }])
 *   // Map { "R-A" => { state: "grew", previousId: "R-A", added: ["C"], … } }
 */
export function matchLineage(previous: readonly RingMembers[], next: readonly RingMembers[]): Map<string, RingLineage> {
  const ringOf = new Map<string, string>();
  for (const ring of previous) for (const a of ring.accountIds) ringOf.set(a, ring.id);
  const prevSize = new Map(previous.map((r) => [r.id, new Set(r.accountIds).size]));
  const prevMembers = new Map(previous.map((r) => [r.id, new Set(r.accountIds)]));
  // shared[new][prev] = members in both.
  const shared = new Map<string, Map<string, number>>();
  const pairs: { prev: string; next: string; shared: number; jaccard: number }[] = [];
  for (const ring of next) {
    const counts = new Map<string, number>();
    for (const a of new Set(ring.accountIds)) {
      const p = ringOf.get(a);
      if (p !== undefined) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    shared.set(ring.id, counts);
    const size = new Set(ring.accountIds).size;
    for (const [prev, n] of counts) {
      const jaccard = n / (size + prevSize.get(prev)! - n);
      if (jaccard >= MATCH_JACCARD) pairs.push({ prev, next: ring.id, shared: n, jaccard });
    }
  }
  pairs.sort((a, b) => b.jaccard - a.jaccard || b.shared - a.shared || byId(a.next, b.next) || byId(a.prev, b.prev));
  const matchOfNext = new Map<string, string>();
  const matchedPrev = new Set<string>();
  for (const pair of pairs) {
    if (matchOfNext.has(pair.next) || matchedPrev.has(pair.prev)) continue;
    matchOfNext.set(pair.next, pair.prev);
    matchedPrev.add(pair.prev);
  }
  const out = new Map<string, RingLineage>();
  for (const ring of next) {
    const members = new Set(ring.accountIds);
    const counts = shared.get(ring.id)!;
    const previousId = matchOfNext.get(ring.id) ?? null;
    const mergedFrom = [...counts]
      .filter(([prev, n]) => prev !== previousId && !matchedPrev.has(prev) && n * 2 >= prevSize.get(prev)!)
      .map(([prev]) => prev)
      .sort(byId);
    let added: string[] = [];
    let removed: string[] = [];
    let splitFrom: string | null = null;
    if (previousId !== null) {
      const before = prevMembers.get(previousId)!;
      added = [...members].filter((a) => !before.has(a)).sort(byId);
      removed = [...before].filter((a) => !members.has(a)).sort(byId);
    } else {
      const [top] = [...counts].sort((a, b) => b[1] - a[1] || byId(a[0], b[0]));
      if (top && top[1] * 2 >= members.size && !mergedFrom.includes(top[0])) splitFrom = top[0];
    }
    out.set(ring.id, {
      state: stateOf(previousId, added, removed, mergedFrom, splitFrom),
      previousId,
      added,
      removed,
      mergedFrom,
      splitFrom,
    });
  }
  return out;
}

function stateOf(
  previousId: string | null,
  added: string[],
  removed: string[],
  mergedFrom: string[],
  splitFrom: string | null,
): LineageState {
  if (mergedFrom.length > 0) return "merged";
  if (splitFrom !== null) return "split";
  if (previousId === null) return "new";
  if (added.length === 0 && removed.length === 0) return "same";
  if (added.length > removed.length) return "grew";
  if (added.length < removed.length) return "shrank";
  return "changed";
}

/** Previous ring id → the new ring that continues it (its case moves there). */
export function successors(lineage: ReadonlyMap<string, RingLineage>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, l] of lineage) if (l.previousId !== null) out.set(l.previousId, id);
  return out;
}
