/**
 * Measures one ring: the figures its risk score and the analyst read. Paid-out figures
 * (count, value, no-return, high-value categories) use approved refunds; behaviour figures
 * (account age at first refund, velocity) use every request, approved or not. Pure.
 */
import type { AccountTable } from "./account-table.ts";
import type { LinkLabel } from "../model.ts";
import { toCents } from "../money.ts";
import type { LinkIndex } from "./link-index.ts";
import { isApproved, isHighValue } from "./refund-kinds.ts";
import { LINK_KINDS } from "../model.ts";

export interface RingFacts {
  size: number;
  refundCount: number;
  refundValue: number;
  /** Approved refunds known not returned (unknown counts as not proven missing). */
  noReturnCount: number;
  noReturnShare: number;
  /** Approved refunds in HIGH_VALUE_CATEGORIES. */
  highValueCount: number;
  highValueShare: number;
  /** Share of members (with a dated refund and a known creation date) whose first refund came within YOUNG_ACCOUNT_DAYS. */
  youngAccountShare: number;
  /** Most refund requests of the ring inside any VELOCITY_WINDOW_DAYS window. */
  maxRefundsInWindow: number;
  countries: string[];
  /**
   * Identifier sharing, weighted by kind: for each kind with a weight, members using an
   * identifier of that kind per distinct such identifier they use, times the kind's weight; the
   * largest. 3 members on one device (weight 1) give 3; 0 when members use no weighted kind.
   */
  sharing: number;
  /** The kind behind `sharing` (null when 0). */
  sharingKind: LinkLabel | null;
  /** Members on the one identifier of `sharingKind` most of them use (0 when none): "9 accounts served from the same support-contact device". */
  sharingTop: number;
}

export const YOUNG_ACCOUNT_DAYS = 30;
const KIND_ORDER = new Map(LINK_KINDS.map((k, position) => [k.label, position]));
export const VELOCITY_WINDOW_DAYS = 7;
const DAY = 86_400_000;

/** One identifier kind's sharing inside a ring, as identifierSharing in RingFacts reads it. */
export interface KindSharing {
  kind: LinkLabel;
  /** Members using at least one identifier of this kind. */
  users: number;
  /** Distinct identifiers of this kind the members use. */
  identifiers: number;
  /** Members on the one identifier of this kind most of them use. */
  top: number;
}

/**
 * What a ring's facts are made from: counts a store can aggregate per ring (ringlens' in-store
 * analysis does, in Cypher) as well as measureRing over the link index. factsFromTallies turns
 * either into the same RingFacts.
 */
export interface RingTallies {
  size: number;
  /** Approved refunds, their summed amount, those known not returned, those in HIGH_VALUE_CATEGORIES. */
  refundCount: number;
  refundValue: number;
  noReturnCount: number;
  highValueCount: number;
  /** Members with a dated refund and a known creation date; of them, those whose first refund came within YOUNG_ACCOUNT_DAYS. */
  datedMembers: number;
  youngMembers: number;
  /** Request times of every refund of the ring, approved or not (epoch ms; in any order). */
  requestTimes: number[];
  /** Members' countries as stored (case and repeats as they come). */
  countries: (string | null)[];
  /** Per weighted kind the members use. */
  sharing: KindSharing[];
}

/** @example measureRing(index, table, members, { Device: 1 }).noReturnShare */
export function measureRing(
  index: LinkIndex,
  table: AccountTable,
  members: Int32Array,
  weights: Partial<Record<LinkLabel, number>> = { Device: 1 },
): RingFacts {
  return factsFromTallies(tallyRing(index, table, members, weights), weights);
}

/** The tallies of one ring over the link index and the account table. */
export function tallyRing(
  index: LinkIndex,
  table: AccountTable,
  members: Int32Array,
  weights: Partial<Record<LinkLabel, number>>,
): RingTallies {
  let refundCount = 0;
  let refundValue = 0;
  let noReturn = 0;
  let highValue = 0;
  const requestTimes: number[] = [];
  for (const a of members) {
    for (let k = table.refundStart[a]; k < table.refundStart[a + 1]; k++) {
      const refund = table.refunds[table.refundOrder[k]];
      if (refund.requestedAt !== null) requestTimes.push(refund.requestedAt);
      if (!isApproved(refund)) continue;
      refundCount++;
      refundValue += refund.amount;
      if (refund.returned === false) noReturn++;
      if (isHighValue(refund)) highValue++;
    }
  }
  return {
    size: members.length,
    refundCount,
    refundValue,
    noReturnCount: noReturn,
    highValueCount: highValue,
    ...youngMembers(table, members),
    requestTimes,
    countries: Array.from(members, (a) => table.country[a]),
    sharing: identifierSharing(index, members, weights),
  };
}

/**
 * The facts of a ring from its tallies. Identifier sharing: for each kind with a weight,
 * weight × users / identifiers; the largest wins, ties to the kind first in LINK_KINDS.
 */
export function factsFromTallies(t: RingTallies, weights: Partial<Record<LinkLabel, number>>): RingFacts {
  let sharing = 0;
  let sharingKind: LinkLabel | null = null;
  let sharingTop = 0;
  for (const s of [...t.sharing].sort((x, y) => KIND_ORDER.get(x.kind)! - KIND_ORDER.get(y.kind)!)) {
    const weight = weights[s.kind];
    if (!weight || s.identifiers === 0) continue;
    const value = (weight * s.users) / s.identifiers;
    if (value > sharing) {
      sharing = value;
      sharingKind = s.kind;
      sharingTop = s.top;
    }
  }
  return {
    size: t.size,
    refundCount: t.refundCount,
    refundValue: toCents(t.refundValue),
    noReturnCount: t.noReturnCount,
    noReturnShare: t.refundCount === 0 ? 0 : t.noReturnCount / t.refundCount,
    highValueCount: t.highValueCount,
    highValueShare: t.refundCount === 0 ? 0 : t.highValueCount / t.refundCount,
    youngAccountShare: t.datedMembers === 0 ? 0 : t.youngMembers / t.datedMembers,
    maxRefundsInWindow: maxInWindow([...t.requestTimes], VELOCITY_WINDOW_DAYS * DAY),
    countries: countriesOf(t.countries),
    sharing,
    sharingKind,
    sharingTop,
  };
}

function youngMembers(table: AccountTable, members: Int32Array): { datedMembers: number; youngMembers: number } {
  let known = 0;
  let young = 0;
  for (const a of members) {
    const created = table.createdAt[a];
    if (Number.isNaN(created)) continue;
    let first = Infinity;
    for (let k = table.refundStart[a]; k < table.refundStart[a + 1]; k++) {
      const at = table.refunds[table.refundOrder[k]].requestedAt;
      if (at !== null && at < first) first = at;
    }
    if (first === Infinity) continue;
    known++;
    if (first - created <= YOUNG_ACCOUNT_DAYS * DAY) young++;
  }
  return { datedMembers: known, youngMembers: young };
}

/** Largest number of times within any half-open window [t, t + width). */
function maxInWindow(times: number[], width: number): number {
  times.sort((x, y) => x - y);
  let best = 0;
  for (let lo = 0, hi = 0; hi < times.length; hi++) {
    while (times[hi] - times[lo] >= width) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

function countriesOf(stored: readonly (string | null)[]): string[] {
  const countries = new Set<string>();
  for (const c of stored) if (c !== null && c !== "") countries.add(c.toUpperCase());
  return [...countries].sort();
}

function identifierSharing(index: LinkIndex, members: Int32Array, weights: Partial<Record<LinkLabel, number>>): KindSharing[] {
  const identifiers = new Map<LinkLabel, Set<number>>();
  const users = new Map<LinkLabel, number>();
  const usersOf = new Map<number, number>();
  for (const a of members) {
    const kinds = new Set<LinkLabel>();
    for (let k = index.accountStart[a]; k < index.accountStart[a + 1]; k++) {
      const i = index.accountIdents[k];
      const kind = index.identifierKinds[i];
      if (!weights[kind]) continue;
      let set = identifiers.get(kind);
      if (!set) {
        set = new Set();
        identifiers.set(kind, set);
      }
      set.add(i);
      kinds.add(kind);
      usersOf.set(i, (usersOf.get(i) ?? 0) + 1);
    }
    for (const kind of kinds) users.set(kind, (users.get(kind) ?? 0) + 1);
  }
  return [...identifiers].map(([kind, set]) => {
    let top = 0;
    for (const i of set) top = Math.max(top, usersOf.get(i)!);
    return { kind, users: users.get(kind)!, identifiers: set.size, top };
  });
}
