/**
 * Ring ids derived from the members, so the same ring gets the same id on every run and in
 * every store: "R-" + base36 of a 53-bit hash of its smallest member id. Pure.
 */
import { compareStrings } from "./compare-strings.ts";

/**
 * 53-bit string hash after bryc's public-domain cyrb53: two 32-bit multiply–xorshift lanes.
 * Not cryptographic; it only spreads ids.
 */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** @example ringIdOf("acc-17") // "R-" + 11 base36 characters */
export function ringIdOf(smallestMemberId: string): string {
  return "R-" + hash53(smallestMemberId).toString(36).padStart(11, "0");
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
    rings.forEach((r, n) => (ids[r] = n === 0 ? base : `${base}-${n + 1}`));
  }
  return ids;
}
