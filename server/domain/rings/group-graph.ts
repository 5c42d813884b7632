/**
 * One candidate ring as a small bipartite graph of local positions: its members (by account
 * id) and the non-hub identifiers that at least two of them use (by key; one per node, whatever
 * link kinds reached it), with the links
 * between them. The bridge and attachment rules walk it; it is rebuilt per group, so its
 * size follows the group, not the data. Pure.
 */
import { compareStrings } from "./compare-strings.ts";
import type { LinkIndex } from "./link-index.ts";
import { identifierKey } from "./link-index.ts";
import { nodeLabelOf } from "../model.ts";

export interface GroupGraph {
  /** Account indices, ordered by account id. */
  members: number[];
  /** Identifier indices, ordered by key. */
  idents: number[];
  /** Per identifier position: the member positions using it (ascending). */
  identUsers: number[][];
  /** Per member position: the identifier positions it uses (ascending). */
  memberIdents: number[][];
}

/** @example groupGraph(index, hubs.isHub, group).idents.length */
export function groupGraph(index: LinkIndex, isHub: Uint8Array, group: ArrayLike<number>): GroupGraph {
  const members = Array.from(group).sort((a, b) => compareStrings(index.accountIds[a], index.accountIds[b]));
  const local = new Map<number, number>();
  members.forEach((a, position) => {
    local.set(a, position);
  });
  // One vertex per node: a device seen on accounts (Device) and in support contacts
  // (ContactDevice) is one device, named by its lowest identifier index (the account kind's).
  const users = new Map<string, { i: number; list: number[] }>();
  members.forEach((a, position) => {
    for (let k = index.accountStart[a]; k < index.accountStart[a + 1]; k++) {
      const i = index.accountIdents[k];
      if (isHub[i] === 1) continue;
      const node = `${nodeLabelOf(index.identifierKinds[i]!)}:${index.identifierIds[i]}`;
      const entry = users.get(node);
      if (!entry) users.set(node, { i, list: [position] });
      else {
        if (i < entry.i) entry.i = i;
        if (entry.list[entry.list.length - 1] !== position) entry.list.push(position);
      }
    }
  });
  const shared = [...users.values()].filter(({ list }) => list.length >= 2);
  const keyed = shared.map(({ i, list }) => ({ i, list, key: identifierKey(index, i) }));
  keyed.sort((x, y) => compareStrings(x.key, y.key));
  const memberIdents: number[][] = members.map(() => []);
  keyed.forEach(({ list }, position) => {
    for (const m of list) memberIdents[m].push(position);
  });
  return {
    members,
    idents: keyed.map(({ i }) => i),
    identUsers: keyed.map(({ list }) => [...list].sort((x, y) => x - y)),
    memberIdents,
  };
}
