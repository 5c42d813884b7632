/**
 * Candidate rings: connected groups of accounts through identifiers that are not hubs,
 * found with union-find in O(links · α). Pure; imports only sibling modules.
 */
import type { LinkIndex } from "./link-index.ts";
import { groupsOf, UnionFind } from "./union-find.ts";

/** Groups as one flat buffer: `members.subarray(start[g], start[g + 1])` are account indices. */
export interface Groups {
  start: Int32Array;
  members: Int32Array;
}

/**
 * Unions the accounts of every identifier that is not a hub (of every identifier when `isHub`
 * is null) and returns the groups of at least `minSize` accounts.
 *
 * @example
 *   const { start } = findComponents(index, hubs.isHub, 2); // start.length - 1 groups
 */
export function findComponents(index: LinkIndex, isHub: Uint8Array | null, minSize: number): Groups {
  const uf = new UnionFind(index.accountIds.length);
  const { identStart, identAccounts } = index;
  const identifiers = identStart.length - 1;
  for (let i = 0; i < identifiers; i++) {
    if (isHub !== null && isHub[i] === 1) continue;
    const first = identAccounts[identStart[i]];
    for (let k = identStart[i] + 1; k < identStart[i + 1]; k++) uf.union(first, identAccounts[k]);
  }
  return groupsOf(uf, minSize);
}

/** The groups as arrays of account indices (convenient off the hot path). */
export function groupList(groups: Groups): Int32Array[] {
  const list: Int32Array[] = [];
  for (let g = 0; g + 1 < groups.start.length; g++) list.push(groups.members.subarray(groups.start[g], groups.start[g + 1]));
  return list;
}
