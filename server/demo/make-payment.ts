/**
 * Payment instruments for demo accounts: a card fingerprint or wallet token per instrument,
 * honest ones personal or shared by a family, ring ones a few prepaid or stolen cards passed
 * round the members. Drawn from their own seeded streams, so adding them left every other
 * demo draw as it was. Pure.
 */
import type { PaymentRow } from "./demo-columns.ts";
import { DAY, DEMO_END, isoSeconds } from "./demo-time.ts";
import type { Random } from "./random.ts";
import type { RingPlan } from "./plan-ring.ts";

export interface PaymentInfo {
  paymentId: string;
  type: string;
  last4: string;
}

const TYPES = [
  ["card", 80],
  ["paypal", 12],
  ["bank", 5],
  ["gift_card", 3],
] as const;
/** What exports hold when the instrument is unknown; never linked. */
export const PLACEHOLDER_PAYMENTS = ["0000000000000000", "unknown"];

/** @example makePayment(rng).paymentId // → "pm_3f9c…" (24 hex digits) */
export function makePayment(rng: Random, type: string = rng.weighted(TYPES)): PaymentInfo {
  return { paymentId: `pm_${rng.hex(24)}`, type, last4: String(rng.int(0, 9999)).padStart(4, "0") };
}

/** One account's use of an instrument, first seen within a month of opening. */
export function paymentUse(rng: Random, payment: PaymentInfo, createdAt: number): Omit<PaymentRow, "account_id"> {
  return {
    payment_id: payment.paymentId,
    type: payment.type,
    last4: payment.last4,
    first_seen: isoSeconds(Math.min(createdAt + Math.floor(rng.next() * 30 * DAY), DEMO_END - DAY)),
  };
}

/** An honest account's own instruments: usually one, sometimes two, rarely a placeholder. */
export function ownPayments(rng: Random, createdAt: number): Omit<PaymentRow, "account_id">[] {
  const rows: Omit<PaymentRow, "account_id">[] = [];
  if (rng.chance(0.003)) rows.push({ payment_id: rng.pick(PLACEHOLDER_PAYMENTS), type: "card", last4: "", first_seen: "" });
  for (let n = rng.chance(0.9) ? (rng.chance(0.2) ? 2 : 1) : 0; n > 0; n--) rows.push(paymentUse(rng, makePayment(rng), createdAt));
  return rows;
}

/**
 * Gives ring members their instruments: 1–2 cards (prepaid gift cards or stolen cards) the ring
 * passes round, each member using one with probability 0.4–0.7, and often a card of their own.
 */
export function addRingPayments(rng: Random, plans: readonly RingPlan[]): void {
  for (const plan of plans) {
    const shared = Array.from({ length: rng.int(1, 2) }, () => makePayment(rng, rng.chance(0.5) ? "gift_card" : "card"));
    const share = rng.float(0.4, 0.7);
    for (const member of plan.members) {
      const createdAt = Date.parse(member.account.created_at);
      member.payments = [];
      if (rng.chance(share)) member.payments.push(paymentUse(rng, rng.pick(shared), createdAt));
      if (member.payments.length === 0 || rng.chance(0.4)) member.payments.push(paymentUse(rng, makePayment(rng), createdAt));
    }
  }
}
