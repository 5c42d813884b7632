/**
 * Which hubs each ring uses: a hub (reshipper, kiosk) shared by at least two members does not
 * link them, but it is recorded on the ring and scored as a signal. Pure.
 */
import type { HubUse } from "../analysis-types.ts";
import type { HubSelection } from "./hub-policy.ts";
import { identifierDegree, type LinkIndex } from "./link-index.ts";

/**
 * `ringOf[a]` is account a's ring (−1 when none). Returns, per ring, the hubs used by at least
 * two of its members, most members first. O(accounts of all hubs).
 */
export function ringHubUses(index: LinkIndex, hubs: HubSelection, ringOf: Int32Array, ringCount: number): HubUse[][] {
  const uses: HubUse[][] = Array.from({ length: ringCount }, () => []);
  for (const i of hubs.hubIndices) {
    const members = new Map<number, number>();
    for (let k = index.identStart[i]; k < index.identStart[i + 1]; k++) {
      const ring = ringOf[index.identAccounts[k]];
      if (ring >= 0) members.set(ring, (members.get(ring) ?? 0) + 1);
    }
    for (const [ring, count] of members) {
      if (count < 2) continue;
      uses[ring].push({
        kind: index.identifierKinds[i],
        identifierId: index.identifierIds[i],
        accounts: identifierDegree(index, i),
        members: count,
      });
    }
  }
  for (const list of uses) list.sort((a, b) => b.members - a.members);
  return uses;
}
