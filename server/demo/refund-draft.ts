/**
 * Turns a decided refund into its refunds.csv cells, minus the ids assigned when the row is
 * emitted: amount in the account's currency, decision time only for approved refunds. Pure.
 */
import type { Purchase } from "./catalogue.ts";
import type { Country } from "./countries.ts";
import type { RefundRow } from "./demo-columns.ts";
import { isoSeconds } from "./demo-time.ts";

export type RefundDraft = Omit<RefundRow, "refund_id" | "account_id">;
export type RefundStatus = "approved" | "denied" | "pending";

export interface RefundSpec {
  purchase: Purchase;
  country: Country;
  orderId: string;
  requestedAt: number;
  /** "true", "false" or "" (unknown). */
  returned: string;
  channel: string;
  /** Null: decided by automation. */
  employeeId: string | null;
  status: RefundStatus;
  /** Milliseconds from request to approval. */
  decidedAfter: number;
}

/** @example refundDraft(spec).amount // → "1899.00" */
export function refundDraft(spec: RefundSpec): RefundDraft {
  return {
    order_id: spec.orderId,
    employee_id: spec.employeeId ?? "",
    amount: (spec.purchase.usd * spec.country.rate).toFixed(2),
    currency: spec.country.currency,
    item: spec.purchase.item,
    category: spec.purchase.category,
    requested_at: isoSeconds(spec.requestedAt),
    approved_at: spec.status === "approved" ? isoSeconds(spec.requestedAt + spec.decidedAfter) : "",
    returned: spec.returned,
    channel: spec.channel,
    status: spec.status,
  };
}
