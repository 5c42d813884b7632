/**
 * Insider attribution. Employees are not links (one agent approves thousands of honest
 * refunds); instead an employee is attached to a ring when the ring's approvals concentrate on
 * them far beyond their normal share of all approvals, especially approvals of refunds whose
 * item never came back. Pure; imports only domain types.
 */
import type { InsiderFinding, RefundFact } from "../analysis-types.ts";
import { isApproved } from "./refund-kinds.ts";

export interface InsiderRule {
  /** Least approvals inside the ring (support). */
  minApprovals: number;
  /** Least share of the ring's approvals. */
  minShare: number;
  /** Least lift, after weighting by refunds without return (see findInsiders). */
  minLift: number;
  /** Largest chance of approving this many ring refunds at the employee's normal rate. */
  maxPValue: number;
}

/** Approvals per employee over the whole data: the "normal share" each lift is measured against. */
export interface ApprovalBaseline {
  total: number;
  byEmployee: Map<string, number>;
}

/** An approval: an approved refund decided by an employee (automated decisions have none). */
export function isEmployeeApproval(refund: RefundFact): refund is RefundFact & { employeeId: string } {
  return refund.employeeId !== null && isApproved(refund);
}

export function approvalBaseline(refunds: readonly RefundFact[]): ApprovalBaseline {
  const byEmployee = new Map<string, number>();
  let total = 0;
  for (const refund of refunds) {
    if (!isEmployeeApproval(refund)) continue;
    total++;
    byEmployee.set(refund.employeeId, (byEmployee.get(refund.employeeId) ?? 0) + 1);
  }
  return { total, byEmployee };
}

/**
 * The suspected insiders of one ring, strongest first. For employee e with k of the ring's n
 * approvals (m of them without return) and baseline share b of all approvals:
 *   share = k / n, lift = share / b, weighted lift = lift · (0.5 + 0.5 · m / k).
 * e is suspected when k ≥ minApprovals, share ≥ minShare, weighted lift ≥ minLift and the
 * binomial tail P(X ≥ k | n, b) ≤ maxPValue. The lift test is what spares a busy honest agent:
 * with b = 40% of all approvals, approving 60% of a ring is a lift of 1.5, however many refunds
 * that is. The p-value test stops chance concentrations in the many small honest groups
 * (3 of 3 approvals by an agent with b = 10% happens once in a thousand groups).
 * Score (0–1) = share · (0.5 + 0.5 · m / k) · min(1, ln(lift) / ln(20)): full from lift 20.
 *
 * @example
 *   findInsiders(ringRefunds, approvalBaseline(allRefunds), { minApprovals: 3, minShare: 0.3, minLift: 5, maxPValue: 1e-4 });
 */
export function findInsiders(ringRefunds: readonly RefundFact[], baseline: ApprovalBaseline, rule: InsiderRule): InsiderFinding[] {
  return insidersFromTally(tallyApprovals(ringRefunds), baseline, rule);
}

/** A ring's employee approvals: n in all, and per employee k of them, m without return. */
export interface ApprovalTally {
  n: number;
  byEmployee: Map<string, { k: number; m: number }>;
}

export function tallyApprovals(ringRefunds: readonly RefundFact[]): ApprovalTally {
  const byEmployee = new Map<string, { k: number; m: number }>();
  let n = 0;
  for (const refund of ringRefunds) {
    if (!isEmployeeApproval(refund)) continue;
    n++;
    const tally = byEmployee.get(refund.employeeId) ?? { k: 0, m: 0 };
    tally.k++;
    if (refund.returned === false) tally.m++;
    byEmployee.set(refund.employeeId, tally);
  }
  return { n, byEmployee };
}

/** The suspected insiders of a ring from its approval tally (a store may count it; see findInsiders for the rule). */
export function insidersFromTally(
  { n, byEmployee: approvals }: ApprovalTally,
  baseline: ApprovalBaseline,
  rule: InsiderRule,
): InsiderFinding[] {
  const findings: InsiderFinding[] = [];
  for (const [employeeId, { k, m }] of approvals) {
    const share = k / n;
    // The ring's own approvals are part of the baseline; the floor only guards callers that
    // pass a baseline built from other refunds.
    const b = Math.max(baseline.byEmployee.get(employeeId) ?? 0, k) / Math.max(baseline.total, n);
    const lift = share / b;
    const noReturnWeight = 0.5 + (0.5 * m) / k;
    if (k < rule.minApprovals || share < rule.minShare || lift * noReturnWeight < rule.minLift) continue;
    if (binomialTail(n, k, b) > rule.maxPValue) continue;
    findings.push({
      employeeId,
      share: round(share, 4),
      baseline: round(b, 6),
      lift: round(lift, 2),
      approvals: k,
      noReturnApprovals: m,
      score: round(share * noReturnWeight * Math.min(1, Math.log(lift) / Math.log(20)), 3),
      reason: insiderReason(k, n, m, b, lift),
    });
  }
  return findings.sort((x, y) => y.score - x.score || (x.employeeId < y.employeeId ? -1 : 1));
}

/** "approved 9 of 11 refunds of this ring (82%), 8 without return, vs 1.2% of all approvals — 68× their normal share" */
export function insiderReason(k: number, n: number, m: number, baseline: number, lift: number): string {
  const pct = (x: number): string => `${x * 100 < 10 ? (x * 100).toFixed(1) : (x * 100).toFixed(0)}%`;
  const times = lift < 10 ? lift.toFixed(1) : lift.toFixed(0);
  return (
    `approved ${k} of ${n} refunds of this ring (${pct(k / n)}), ${m} without return, ` +
    `vs ${pct(baseline)} of all approvals — ${times}× their normal share`
  );
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed in log space so large n does not underflow early. */
export function binomialTail(n: number, k: number, p: number): number {
  if (k <= 0) return 1;
  if (p >= 1) return 1;
  if (p <= 0) return 0;
  let logTerm = k * Math.log(p) + (n - k) * Math.log1p(-p);
  for (let j = 1; j <= k; j++) logTerm += Math.log(n - k + j) - Math.log(j);
  let sum = 0;
  let term = Math.exp(logTerm);
  for (let j = k; j <= n; j++) {
    sum += term;
    term *= ((n - j) / (j + 1)) * (p / (1 - p));
  }
  return Math.min(1, sum);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
