/**
 * Whether one account behaves like a ring member: it was paid a high-value refund it did not
 * return, or it asked for a high-value refund within NEW_ACCOUNT_DAYS of opening. Honest households rarely do either (their unreturned refunds are mostly perishables,
 * and a new customer's first refund is an everyday one), so this tells a relative on a shared
 * tablet, or an honest side of a bridge, from the crew. Pure.
 */
import type { AccountTable } from "./account-table.ts";
import { isApproved, isHighValue } from "./refund-kinds.ts";

const DAY = 86_400_000;
/**
 * "Opened for the job": a crew's accounts ask within weeks of opening. Wider than the score's
 * YOUNG_ACCOUNT_DAYS (30) so a member whose burst came late is still recognised; on demo seeds
 * 1–5 no honest relative asked for a high-value refund that early.
 */
export const NEW_ACCOUNT_DAYS = 45;

/** @example behavesLikeRing(table, 7) // true when account 7 kept a high-value refund */
export function behavesLikeRing(table: AccountTable, a: number): boolean {
  const created = table.createdAt[a];
  for (let k = table.refundStart[a]; k < table.refundStart[a + 1]; k++) {
    const refund = table.refunds[table.refundOrder[k]];
    if (!isHighValue(refund)) continue;
    if (isApproved(refund) && refund.returned === false) return true;
    if (refund.requestedAt !== null && !Number.isNaN(created) && refund.requestedAt - created <= NEW_ACCOUNT_DAYS * DAY) return true;
  }
  return false;
}

/** Why an account does not behave like the ring, in the words of an attachment reason. */
export const NO_RING_BEHAVIOUR = `no high-value refund kept without return or asked for within ${NEW_ACCOUNT_DAYS} days of opening`;
