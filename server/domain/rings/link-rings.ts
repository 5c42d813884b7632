/**
 * Ring-to-ring links: the non-hub identifiers that members of two different rings both use —
 * the bridge left when bridged crews (split-bridges.ts) or an oversized group (Louvain) were
 * split, kept so the analyst still sees "linked to R-… via Device …". Pure.
 */
import type { DraftLink } from "./assemble-rings.ts";
import { compareStrings } from "./compare-strings.ts";
import type { LinkIndex } from "./link-index.ts";

/**
 * For each ring (by position in `groups`), the other rings (by position) it shares identifiers
 * with, each with those identifiers in id order.
 *
 * @example linkRings(index, hubs.isHub, groups)[0] // → [{ ring: 3, via: [{ kind: "Device", identifierId: "D-9" }] }]
 */
export function linkRings(index: LinkIndex, isHub: Uint8Array, groups: readonly Int32Array[]): DraftLink[][] {
  // The first ring seen per identifier (−1: none yet), a typed array: at 5M accounts the rings'
  // identifiers outnumber the entries a Map can hold (2^24); a set only where a second ring uses it (rare).
  const firstRing = new Int32Array(index.identifierIds.length).fill(-1);
  const ringsOf = new Map<number, Set<number>>();
  groups.forEach((group, r) => {
    for (const a of group) {
      for (let k = index.accountStart[a]; k < index.accountStart[a + 1]; k++) {
        const i = index.accountIdents[k];
        if (isHub[i] === 1) continue;
        const first = firstRing[i];
        if (first === -1) firstRing[i] = r;
        else if (first !== r) {
          const rings = ringsOf.get(i);
          if (rings) rings.add(r);
          else ringsOf.set(i, new Set([first, r]));
        }
      }
    }
  });
  const via = groups.map(() => new Map<number, number[]>());
  for (const [i, rings] of ringsOf) {
    for (const r of rings) for (const other of rings) if (other !== r) via[r].set(other, [...(via[r].get(other) ?? []), i]);
  }
  return via.map((links) =>
    [...links.entries()]
      .map(([other, idents]) => ({
        ring: other,
        via: idents
          .map((i) => ({ kind: index.identifierKinds[i], identifierId: index.identifierIds[i] }))
          .sort((x, y) => compareStrings(x.kind, y.kind) || compareStrings(x.identifierId, y.identifierId)),
      }))
      .sort((x, y) => x.ring - y.ring),
  );
}
