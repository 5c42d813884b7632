/**
 * Whether one account behaves like a ring member: it was paid a high-value refund it did not
 * return, or, opened recently, it asked for a high-value refund within YOUNG_ACCOUNT_DAYS of
 * opening. Honest households rarely do either (their unreturned refunds are mostly perishables,
 * and a new customer's first refund is an everyday one), so this tells a relative on a shared
 * tablet, or an honest side of a bridge, from the crew. Pure.
 */
import type { AccountTable } from "./account-table.ts";
import { YOUNG_ACCOUNT_DAYS } from "./ring-facts.ts";
import { isApproved, isHighValue } from "./refund-kinds.ts";

const DAY = 86_400_000;

/** @example behavesLikeRing(table, 7) // true when account 7 kept a high-value refund */
export function behavesLikeRing(table: AccountTable, a: number): boolean {
  const created = table.createdAt[a];
  for (let k = table.refundStart[a]; k < table.refundStart[a + 1]; k++) {
    const refund = table.refunds[table.refundOrder[k]];
    if (!isHighValue(refund)) continue;
    if (isApproved(refund) && refund.returned === false) return true;
    if (refund.requestedAt !== null && !Number.isNaN(created) && refund.requestedAt - created <= YOUNG_ACCOUNT_DAYS * DAY) return true;
  }
  return false;
}

/** Why an account does not behave like the ring, in the words of an attachment reason. */
export const NO_RING_BEHAVIOUR = "no high-value refund kept without return or asked for within 30 days of opening";
