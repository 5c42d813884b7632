/**
 * Ring ids derived from the members, so the same ring gets the same id on every run and in
 * every store: "R-" + base36 of a 53-bit hash of its smallest member id. Pure.
 */
import { compareStrings } from "./compare-strings.ts";
import { hash53 } from "../hash.ts";

/** @example ringIdOf("acc-17") // "R-" + 11 base36 characters */
export function ringIdOf(smallestMemberId: string): string {
  return `R-${hash53(smallestMemberId).toString(36).padStart(11, "0")}`;
}

/**
 * Ids for rings given each ring's smallest member id (distinct, since rings are disjoint).
 * A hash collision (2^-53 a pair: with a million rings, about once in 18,000 data sets) gets a
 * "-2", "-3" suffix in member-id order, so ids stay unique and deterministic.
 */
export function assignRingIds(smallestMemberIds: readonly string[]): string[] {
  const ids = smallestMemberIds.map(ringIdOf);
  const holders = new Map<string, number[]>();
  ids.forEach((id, r) => {
    const list = holders.get(id);
    if (list === undefined) holders.set(id, [r]);
    else list.push(r);
  });
  for (const [base, rings] of holders) {
    if (rings.length < 2) continue;
    rings.sort((a, b) => compareStrings(smallestMemberIds[a], smallestMemberIds[b]));
    rings.forEach((r, n) => {
      ids[r] = n === 0 ? base : `${base}-${n + 1}`;
    });
  }
  return ids;
}
