/**
 * Bridged crews: two crews joined through one or two identifier links (a mule account used by
 * both, a phone one crew borrowed from the other) form one connected group at any size. This
 * splits such a group in two when one node (the mule, or the borrowed device) is a cut vertex
 * of the account–identifier graph whose removal leaves two sides that each
 *  - hold at least `minSide` accounts, cut from each other by at most MAX_CUT_LINKS links,
 *  - behave like a ring on their own (most accounts pass behavesLikeRing), and
 *  - are separate crews: their refunds run in separate weeks, or different agents dominate
 *    their approvals.
 * The last test is what keeps one ring whole: a planted ring is a tree of shared devices and
 * drops, so it has cut vertices too, but both halves share its weeks and its insiders.
 * Deterministic: nodes are tried in id order and ties go to the first. Pure.
 */
import type { AccountTable } from "./account-table.ts";
import { groupGraph, type GroupGraph } from "./group-graph.ts";
import type { LinkIndex } from "./link-index.ts";
import { isApproved } from "./refund-kinds.ts";
import { behavesLikeRing } from "./ring-behaviour.ts";

export interface BridgeOptions {
  /** Fewest accounts on each side of a split. */
  minSide: number;
  /** How many times a side is searched again for a further bridge. */
  maxDepth: number;
}

export const DEFAULT_BRIDGE_OPTIONS: BridgeOptions = { minSide: 3, maxDepth: 3 };
/** At most this many account–identifier links may cross between two crews. */
export const MAX_CUT_LINKS = 2;
/** Groups larger than this are not searched (each try is a walk of the whole group). */
const MAX_SEARCHED = 400;
/** An agent dominates a side's approvals with this share and at least MIN_DOMINANT approvals. */
const DOMINANT_SHARE = 0.5;
const MIN_DOMINANT = 3;
/** …and approves at most this share of the other side's. */
const FOREIGN_SHARE = 0.1;

/**
 * @example splitBridges(index, table, hubs.isHub, group) // → [group] or [crewA, crewB, …]
 */
export function splitBridges(
  index: LinkIndex,
  table: AccountTable,
  isHub: Uint8Array,
  group: Int32Array,
  options: BridgeOptions = DEFAULT_BRIDGE_OPTIONS,
): Int32Array[] {
  if (group.length < 2 * options.minSide || group.length > MAX_SEARCHED) return [group];
  // Two crews need at least two accounts behaving like a ring each; honest groups stop here.
  let behaving = 0;
  for (const a of group) if (behavesLikeRing(table, a)) behaving++;
  if (behaving < 4) return [group];
  const graph = groupGraph(index, isHub, group);
  const cut = bestCut(graph, table, options.minSide);
  if (cut === null) return [group];
  const sides = [cut, graph.members.filter((a) => !cut.includes(a))].map((side) => Int32Array.from(side).sort());
  if (options.maxDepth <= 1) return sides;
  const deeper = { ...options, maxDepth: options.maxDepth - 1 };
  return sides.flatMap((side) => splitBridges(index, table, isHub, side, deeper));
}

/** One side (account indices) of the best qualifying cut, or null. */
function bestCut(graph: GroupGraph, table: AccountTable, minSide: number): number[] | null {
  const n = graph.members.length;
  const total = n + graph.idents.length;
  const neighbours = (v: number): number[] => (v < n ? graph.memberIdents[v].map((i) => n + i) : graph.identUsers[v - n]);
  let best: { side: number[]; links: number; smaller: number } | null = null;
  for (let v = 0; v < total; v++) {
    for (const component of componentsWithout(total, neighbours, v)) {
      const touching = neighbours(v).filter((u) => component.has(u)).length;
      const away = neighbours(v).length - touching;
      // The cut vertex stays with the side it has more links to; the links to the other side are cut.
      const links = Math.min(touching, away);
      if (links > MAX_CUT_LINKS) continue;
      const side = [...component].filter((u) => u < n);
      if (v < n && (touching > away || (touching === away && joinsComponent(graph, table, v, side)))) side.push(v);
      const smaller = Math.min(side.length, n - side.length);
      if (smaller < minSide) continue;
      if (best !== null && (links > best.links || (links === best.links && smaller <= best.smaller))) continue;
      const accounts = side.map((p) => graph.members[p]);
      const rest = graph.members.filter((_, p) => !side.includes(p));
      if (!crew(table, accounts) || !crew(table, rest) || !separateCrews(table, accounts, rest)) continue;
      best = { side: accounts, links, smaller };
    }
  }
  return best?.side ?? null;
}

/** A cut account with as many links to each side joins the side whose refunds its own are closest to in time. */
function joinsComponent(graph: GroupGraph, table: AccountTable, v: number, side: number[]): boolean {
  const own = medianTime(table, [graph.members[v]]);
  if (own === null) return false;
  const inSide = new Set(side);
  const there = medianTime(
    table,
    side.map((p) => graph.members[p]),
  );
  const here = medianTime(
    table,
    graph.members.filter((_, p) => p !== v && !inSide.has(p)),
  );
  return there !== null && (here === null || Math.abs(own - there) < Math.abs(own - here));
}

function medianTime(table: AccountTable, accounts: number[]): number | null {
  const span = requestTimes(table, accounts);
  return span.length === 0 ? null : span[Math.floor(span.length / 2)];
}

/** Connected components (as node sets) of the graph without node v; only when there are two or more. */
function componentsWithout(total: number, neighbours: (v: number) => number[], v: number): Set<number>[] {
  const seen = new Uint8Array(total);
  seen[v] = 1;
  const components: Set<number>[] = [];
  for (const start of neighbours(v)) {
    if (seen[start] === 1) continue;
    const component = new Set<number>([start]);
    seen[start] = 1;
    const stack = [start];
    while (stack.length > 0) {
      for (const u of neighbours(stack.pop()!)) {
        if (seen[u] === 1) continue;
        seen[u] = 1;
        component.add(u);
        stack.push(u);
      }
    }
    components.push(component);
  }
  return components.length >= 2 ? components : [];
}

/** Most accounts of the side behave like ring members (and at least two do). */
function crew(table: AccountTable, accounts: number[]): boolean {
  const behaving = accounts.filter((a) => behavesLikeRing(table, a)).length;
  return behaving >= 2 && behaving * 2 >= accounts.length;
}

/** Separate weeks (the 10th–90th percentile of request times do not overlap) or separate dominant agents. */
export function separateCrews(table: AccountTable, a: number[], b: number[]): boolean {
  // The crews' own weeks: an honest household still hanging on a side (attached only later)
  // refunds all year round and would blur them.
  const crewOnly = (side: number[]) => {
    const behaving = side.filter((m) => behavesLikeRing(table, m));
    return behaving.length > 0 ? behaving : side;
  };
  const x = activeSpan(table, crewOnly(a));
  const y = activeSpan(table, crewOnly(b));
  if (x !== null && y !== null && (x[1] < y[0] || y[1] < x[0])) return true;
  // One crew with two bribed agents has both on each half; two crews each keep their own.
  const sharesA = approvalShares(table, a);
  const sharesB = approvalShares(table, b);
  const own = (mine: Map<string, number>, theirs: Map<string, number>) =>
    [...mine.entries()].some(([e, share]) => share >= DOMINANT_SHARE && (theirs.get(e) ?? 0) <= FOREIGN_SHARE);
  return own(sharesA, sharesB) && own(sharesB, sharesA);
}

/** Request times of the accounts' refunds, ascending. */
function requestTimes(table: AccountTable, accounts: number[]): number[] {
  const times: number[] = [];
  for (const a of accounts) {
    for (let k = table.refundStart[a]; k < table.refundStart[a + 1]; k++) {
      const at = table.refunds[table.refundOrder[k]].requestedAt;
      if (at !== null) times.push(at);
    }
  }
  return times.sort((p, q) => p - q);
}

function activeSpan(table: AccountTable, accounts: number[]): [number, number] | null {
  const times = requestTimes(table, accounts);
  if (times.length === 0) return null;
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return [at(0.1), at(0.9)];
}

/** Each agent's share of the accounts' approved refunds, for agents with at least MIN_DOMINANT approvals. */
function approvalShares(table: AccountTable, accounts: number[]): Map<string, number> {
  const approvals = new Map<string, number>();
  let total = 0;
  for (const a of accounts) {
    for (let k = table.refundStart[a]; k < table.refundStart[a + 1]; k++) {
      const refund = table.refunds[table.refundOrder[k]];
      if (!isApproved(refund)) continue;
      total++;
      if (refund.employeeId !== null) approvals.set(refund.employeeId, (approvals.get(refund.employeeId) ?? 0) + 1);
    }
  }
  return new Map([...approvals.entries()].filter(([, n]) => n >= MIN_DOMINANT).map(([e, n]) => [e, n / total]));
}
