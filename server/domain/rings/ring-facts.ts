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
export const VELOCITY_WINDOW_DAYS = 7;
const DAY = 86_400_000;

/** @example measureRing(index, table, members, { Device: 1 }).noReturnShare */
export function measureRing(
  index: LinkIndex,
  table: AccountTable,
  members: Int32Array,
  weights: Partial<Record<LinkLabel, number>> = { Device: 1 },
): RingFacts {
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
    refundValue: toCents(refundValue),
    noReturnCount: noReturn,
    noReturnShare: refundCount === 0 ? 0 : noReturn / refundCount,
    highValueCount: highValue,
    highValueShare: refundCount === 0 ? 0 : highValue / refundCount,
    youngAccountShare: youngAccountShare(table, members),
    maxRefundsInWindow: maxInWindow(requestTimes, VELOCITY_WINDOW_DAYS * DAY),
    countries: countriesOf(table, members),
    ...identifierSharing(index, members, weights),
  };
}

function youngAccountShare(table: AccountTable, members: Int32Array): number {
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
  return known === 0 ? 0 : young / known;
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

function countriesOf(table: AccountTable, members: Int32Array): string[] {
  const countries = new Set<string>();
  for (const a of members) {
    const c = table.country[a];
    if (c !== null && c !== "") countries.add(c.toUpperCase());
  }
  return [...countries].sort();
}

function identifierSharing(
  index: LinkIndex,
  members: Int32Array,
  weights: Partial<Record<LinkLabel, number>>,
): { sharing: number; sharingKind: LinkLabel | null; sharingTop: number } {
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
  let sharing = 0;
  let sharingKind: LinkLabel | null = null;
  for (const [kind, set] of identifiers) {
    const value = (weights[kind]! * users.get(kind)!) / set.size;
    if (value > sharing) {
      sharing = value;
      sharingKind = kind;
    }
  }
  let sharingTop = 0;
  for (const i of sharingKind === null ? [] : identifiers.get(sharingKind)!) sharingTop = Math.max(sharingTop, usersOf.get(i)!);
  return { sharing, sharingKind, sharingTop };
}
