/**
 * Measures one ring: the figures its risk score and the analyst read. Paid-out figures
 * (count, value, no-return, high-value categories) use approved refunds; behaviour figures
 * (account age at first refund, velocity) use every request, approved or not. Pure.
 */
import type { AccountTable } from "./account-table.ts";
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
  /** Members using a device per distinct device they use (0 when no devices are known). */
  accountsPerDevice: number;
}

export const YOUNG_ACCOUNT_DAYS = 30;
export const VELOCITY_WINDOW_DAYS = 7;
const DAY = 86_400_000;

/** @example measureRing(index, table, members).noReturnShare */
export function measureRing(index: LinkIndex, table: AccountTable, members: Int32Array): RingFacts {
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
    refundValue: Math.round(refundValue * 100) / 100,
    noReturnCount: noReturn,
    noReturnShare: refundCount === 0 ? 0 : noReturn / refundCount,
    highValueCount: highValue,
    highValueShare: refundCount === 0 ? 0 : highValue / refundCount,
    youngAccountShare: youngAccountShare(table, members),
    maxRefundsInWindow: maxInWindow(requestTimes, VELOCITY_WINDOW_DAYS * DAY),
    countries: countriesOf(table, members),
    accountsPerDevice: accountsPerDevice(index, members),
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

function accountsPerDevice(index: LinkIndex, members: Int32Array): number {
  const devices = new Set<number>();
  let withDevice = 0;
  for (const a of members) {
    let uses = false;
    for (let k = index.accountStart[a]; k < index.accountStart[a + 1]; k++) {
      const i = index.accountIdents[k];
      if (index.identifierKinds[i] === "Device") {
        devices.add(i);
        uses = true;
      }
    }
    if (uses) withDevice++;
  }
  return devices.size === 0 ? 0 : withDevice / devices.size;
}
