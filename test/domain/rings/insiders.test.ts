import { describe, expect, it } from "vitest";
import type { RefundFact } from "../../../server/domain/analysis-types.ts";
import { detectRings } from "../../../server/domain/rings/detect-rings.ts";
import { approvalBaseline, binomialTail, findInsiders, insiderReason } from "../../../server/domain/rings/insiders.ts";
import { plantedWorld } from "../helpers/synthetic-world.ts";

const rule = { minApprovals: 3, minShare: 0.3, minLift: 5, maxPValue: 1e-4 };

function approvals(employeeId: string, count: number, returned: boolean | null = false): RefundFact[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${employeeId}-${i}-${String(returned)}`,
    accountId: "acc",
    employeeId,
    amount: 1000,
    category: "laptop",
    returned,
    requestedAt: 0,
    status: "approved",
  }));
}

describe("findInsiders", () => {
  it("finds the planted insider of a ring and ignores the busy honest agent", () => {
    const world = plantedWorld(5);
    const result = detectRings(world.build(), { now: 0 });
    const bribed = result.rings.find((ring) => ring.insiders.length > 0)!;
    expect(bribed.accountIds).toEqual([...world.truth.rings.get("P1")!].sort());
    expect(bribed.insiders.map((finding) => finding.employeeId)).toEqual(["agent-bribed"]);
    const everyInsider = result.rings.flatMap((ring) => ring.insiders.map((finding) => finding.employeeId));
    expect(everyInsider).not.toContain("agent-busy");
    expect(everyInsider.every((id) => id === "agent-bribed")).toBe(true);
  });

  it("does not flag an agent whose ring share is in line with a large baseline share", () => {
    // 40% of all approvals; 7 of the ring's 10 (70%) is a lift of only 1.75
    const all = [...approvals("busy", 400), ...approvals("other", 600)];
    const ring = [...approvals("busy", 7), ...approvals("other", 3)];
    expect(findInsiders(ring, approvalBaseline(all), rule)).toEqual([]);
  });

  it("reports share, baseline, lift and a readable reason for a concentrated approver", () => {
    const ring = [...approvals("mal", 8), ...approvals("mal", 1, true), ...approvals("other", 2)];
    const all = [...ring, ...approvals("other", 739)];
    const [finding] = findInsiders(ring, approvalBaseline(all), rule);
    expect(finding).toMatchObject({ employeeId: "mal", approvals: 9, noReturnApprovals: 8, share: 0.8182, baseline: 0.012 });
    expect(finding!.lift).toBeCloseTo(68.18, 2);
    expect(finding!.reason).toBe(
      "approved 9 of 11 refunds of this ring (82%), 8 without return, vs 1.2% of all approvals — 68× their normal share",
    );
  });

  it("needs more evidence when the items came back (lift weighted by refunds without return)", () => {
    const all = [...approvals("x", 4, true), ...approvals("other", 46)];
    // lift 0.8 / 0.08 = 10, halved to 5 → still flagged at the edge; at lift 8 it would not be
    const ring = [...approvals("x", 4, true), ...approvals("other", 1)];
    expect(findInsiders(ring, approvalBaseline(all), { ...rule, maxPValue: 1 })).toHaveLength(1);
    const wider = [...approvals("x", 4, true), ...approvals("other", 36)];
    expect(findInsiders(ring, approvalBaseline(wider), { ...rule, maxPValue: 1 })).toHaveLength(0);
  });

  it("ignores chance concentrations in tiny groups (3 of 3 by an agent with 10% of approvals)", () => {
    const all = [...approvals("agent", 100), ...approvals("other", 900)];
    expect(findInsiders(approvals("agent", 3), approvalBaseline(all), rule)).toEqual([]);
  });
});

describe("binomialTail", () => {
  it("matches direct sums", () => {
    expect(binomialTail(3, 3, 0.1)).toBeCloseTo(0.001, 12);
    expect(binomialTail(4, 2, 0.5)).toBeCloseTo(11 / 16, 12);
    expect(binomialTail(10, 0, 0.3)).toBe(1);
  });
});

describe("insiderReason", () => {
  it("uses one decimal below 10", () => {
    expect(insiderReason(3, 5, 0, 0.15, 4)).toBe(
      "approved 3 of 5 refunds of this ring (60%), 0 without return, vs 15% of all approvals — 4.0× their normal share",
    );
  });
});
