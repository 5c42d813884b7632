/**
 * What counts as an approved refund and as a high-value one, in one place for insiders and
 * ring measures. Values are compared case-insensitively; the exact-case test first keeps the
 * common path free of string allocation. Pure.
 */
import type { RefundFact } from "../analysis-types.ts";
import { HIGH_VALUE_CATEGORIES } from "../model.ts";

const HIGH_VALUE = new Set<string>(HIGH_VALUE_CATEGORIES);

/** Status "approved" (the default of the data format): the refund was paid out. */
export function isApproved(refund: RefundFact): boolean {
  return refund.status === "approved" || refund.status.toLowerCase() === "approved";
}

/** Category among HIGH_VALUE_CATEGORIES. */
export function isHighValue(refund: RefundFact): boolean {
  const category = refund.category;
  return category !== null && (HIGH_VALUE.has(category) || HIGH_VALUE.has(category.toLowerCase()));
}
