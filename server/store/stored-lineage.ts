/**
 * A ring's lineage as both stores keep it (Ring.lineage, JSON text): only the fields that say
 * something, since most rings are `same` with nothing added, removed, merged or split (104 bytes
 * a ring written in full, 44 so). Reading restores the rest, and takes the full form a store
 * written before holds. Pure.
 */
import type { RingLineage } from "../domain/investigation/ring-lineage.ts";

/** @example storedLineage({ state: "same", previousId: "R-1", added: [], removed: [], mergedFrom: [], splitFrom: null }) // '{"state":"same","previousId":"R-1"}' */
export function storedLineage(lineage: RingLineage | undefined): string {
  if (!lineage) return "null";
  const { state, previousId, added, removed, mergedFrom, splitFrom } = lineage;
  return JSON.stringify({
    state,
    ...(previousId !== null && { previousId }),
    ...(added.length > 0 && { added }),
    ...(removed.length > 0 && { removed }),
    ...(mergedFrom.length > 0 && { mergedFrom }),
    ...(splitFrom !== null && { splitFrom }),
  });
}

/** The lineage of a stored ring, every field present (in RingLineage's order), or null when it has none. */
export function readStoredLineage(text: string): RingLineage | null {
  const stored = JSON.parse(text) as Partial<RingLineage> | null;
  if (!stored) return null;
  return {
    state: stored.state!,
    previousId: stored.previousId ?? null,
    added: stored.added ?? [],
    removed: stored.removed ?? [],
    mergedFrom: stored.mergedFrom ?? [],
    splitFrom: stored.splitFrom ?? null,
  };
}
