/**
 * Relatives' devices: a ring member who also uses a relative's tablet ties the honest household
 * to the ring. Accounts that do not behave like the ring (behavesLikeRing) and reach the rest of
 * the group through one identifier used by one member only are taken out of the members and
 * listed as attached to that member, so they neither count in the ring's score nor get
 * investigated as members. A whole household goes together: the accounts peeled are a connected
 * set of such accounts. Deterministic (positions in id order). Pure.
 */
import type { AccountTable } from "./account-table.ts";
import { groupGraph } from "./group-graph.ts";
import type { LinkIndex } from "./link-index.ts";
import { NO_RING_BEHAVIOUR, behavesLikeRing } from "./ring-behaviour.ts";
import type { AttachedAccount } from "../analysis-types.ts";
import { UnionFind } from "./union-find.ts";

/** A household on a shared device is small; a larger set is left to the other rules. */
export const MAX_ATTACHED_SET = 6;

export interface Attachment {
  /** Account indices of the index. */
  account: number;
  member: number;
  /** Identifier index of the one identifier tying the account to the member. */
  identifier: number;
}

/**
 * @example const { members, attached } = attachRelatives(index, table, hubs.isHub, group);
 */
export function attachRelatives(
  index: LinkIndex,
  table: AccountTable,
  isHub: Uint8Array,
  group: Int32Array,
): { members: Int32Array; attached: Attachment[] } {
  // Most groups are honest households (nobody behaves) or whole crews (everybody does): nothing to peel.
  let behaving = 0;
  for (const a of group) if (behavesLikeRing(table, a)) behaving++;
  if (behaving === 0 || behaving === group.length) return { members: group, attached: [] };
  const graph = groupGraph(index, isHub, group);
  const n = graph.members.length;
  const quiet = graph.members.map((a) => !behavesLikeRing(table, a));
  const uf = new UnionFind(n);
  for (const users of graph.identUsers) {
    const inQuiet = users.filter((m) => quiet[m]);
    for (const m of inQuiet.slice(1)) uf.union(inQuiet[0], m);
  }
  const sets = new Map<number, number[]>();
  for (let m = 0; m < n; m++) {
    if (!quiet[m]) continue;
    const root = uf.find(m);
    sets.set(root, [...(sets.get(root) ?? []), m]);
  }
  const attached: Attachment[] = [];
  const peeled = new Uint8Array(n);
  for (const set of sets.values()) {
    // The rest holds every account that behaves like the ring; it must still be a group.
    if (set.length > MAX_ATTACHED_SET || n - set.length < 2) continue;
    const inSet = new Set(set);
    const crossing = new Set<number>();
    for (const m of set) for (const i of graph.memberIdents[m]) if (graph.identUsers[i].some((u) => !inSet.has(u))) crossing.add(i);
    if (crossing.size !== 1) continue;
    const [i] = crossing;
    const outside = graph.identUsers[i!].filter((u) => !inSet.has(u));
    if (outside.length !== 1) continue;
    for (const m of set) {
      peeled[m] = 1;
      attached.push({ account: graph.members[m], member: graph.members[outside[0]], identifier: graph.idents[i!] });
    }
  }
  if (attached.length === 0) return { members: group, attached };
  attached.sort((x, y) => graph.members.indexOf(x.account) - graph.members.indexOf(y.account));
  return { members: Int32Array.from(graph.members.filter((_, m) => peeled[m] === 0)).sort(), attached };
}

/** An attachment as the analyst reads it: who, through what, and why it is not a member. */
export function describeAttachment(index: LinkIndex, { account, member, identifier }: Attachment): AttachedAccount {
  const kind = index.identifierKinds[identifier];
  const identifierId = index.identifierIds[identifier];
  const memberId = index.accountIds[member];
  return {
    accountId: index.accountIds[account],
    memberId,
    kind,
    identifierId,
    reason: `shares only ${kind.toLowerCase()} ${identifierId} with member ${memberId}; ${NO_RING_BEHAVIOUR}`,
  };
}
