/**
 * An ordinary customer's refunds: 0–8 per account (about 0.9 on average), everyday categories
 * with the odd expensive item, roughly one in nine without a return (perishables mostly), some
 * with the return unknown, decided by an agent in proportion to workload or by automation.
 */
import { honestPurchase } from "./catalogue.ts";
import type { Country } from "./countries.ts";
import type { DemoContext } from "./demo-context.ts";
import type { RefundRow } from "./demo-columns.ts";
import { orderId } from "./demo-ids.ts";
import { DAY, DEMO_END, HOUR, MINUTE, SECOND } from "./demo-time.ts";
import { refundDraft, type RefundStatus } from "./refund-draft.ts";

const CHANNELS = [
  ["chat", 40],
  ["web", 25],
  ["email", 15],
  ["phone", 20],
] as const;
/** Honest refunds reach back at most three years. */
const HISTORY = 3 * 365 * DAY;

export function makeHonestRefunds(ctx: DemoContext, accountId: string, country: Country, createdAt: number): RefundRow[] {
  const { rng } = ctx;
  const count = rng.chance(0.5) ? 0 : Math.min(8, 1 + Math.floor(Math.log(1 - rng.next()) / Math.log(0.45)));
  const rows: RefundRow[] = [];
  const from = Math.max(createdAt + DAY, DEMO_END - HISTORY);
  for (let i = 0; i < count; i++) {
    const purchase = honestPurchase(rng);
    const requestedAt = from + Math.floor(rng.next() * Math.max(HOUR, DEMO_END - HOUR - from));
    const channel = rng.weighted(CHANNELS);
    const automated = channel === "web" ? rng.chance(0.7) : rng.chance(0.08);
    const employeeId = automated ? null : ctx.approvers.pick(rng, requestedAt);
    const decidedAfter = employeeId === null ? rng.int(SECOND, 10 * MINUTE) : rng.int(10 * MINUTE, 48 * HOUR);
    rows.push({
      refund_id: ctx.ids.nextRefund(),
      account_id: accountId,
      ...refundDraft({
        purchase,
        country,
        orderId: orderId(rng),
        requestedAt,
        returned: returned(ctx, purchase.category),
        channel,
        employeeId,
        status: status(ctx, requestedAt),
        decidedAfter,
      }),
    });
  }
  return rows;
}

function returned(ctx: DemoContext, category: string): string {
  // Perishables are refunded without a return as a matter of course.
  if (category === "grocery")
    return ctx.rng.weighted([
      ["false", 40],
      ["", 50],
      ["true", 10],
    ] as const);
  return ctx.rng.weighted([
    ["true", 90],
    ["false", 6],
    ["", 4],
  ] as const);
}

function status(ctx: DemoContext, requestedAt: number): RefundStatus {
  if (requestedAt > DEMO_END - 14 * DAY && ctx.rng.chance(0.3)) return "pending";
  return ctx.rng.chance(0.05) ? "denied" : "approved";
}
