import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectRings } from "../../../server/domain/rings/detect-rings.ts";
import type { RingFacts } from "../../../server/domain/rings/ring-facts.ts";
import { LEVEL_THRESHOLDS, levelOf, scoreRing } from "../../../server/domain/rings/risk-score.ts";
import { SyntheticWorld } from "../helpers/synthetic-world.ts";

const share = fc.double({ min: 0, max: 1, noNaN: true });
const count = fc.integer({ min: 0, max: 500 });
const ringFacts: fc.Arbitrary<RingFacts> = fc.record({
  size: fc.integer({ min: 2, max: 40 }),
  refundCount: count,
  refundValue: fc.double({ min: 0, max: 1e7, noNaN: true }),
  noReturnCount: count,
  noReturnShare: share,
  highValueCount: count,
  highValueShare: share,
  youngAccountShare: share,
  maxRefundsInWindow: count,
  countries: fc.array(fc.constantFrom("US", "GB", "LT", "NL", "DE", "CA"), { maxLength: 6 }),
  sharing: fc.double({ min: 0, max: 40, noNaN: true }),
  sharingKind: fc.constant("Device" as const),
  sharingTop: fc.integer({ min: 0, max: 40 }),
});

describe("scoreRing", () => {
  it("has reasons whose contributions add up exactly to the score, within 0–100", () => {
    fc.assert(
      fc.property(ringFacts, share, fc.integer({ min: 0, max: 5 }), (facts, insiderScore, hubCount) => {
        const { score, reasons, level } = scoreRing(facts, insiderScore, hubCount);
        const tenths = reasons.reduce((sum, reason) => sum + Math.round(reason.contribution * 10), 0);
        expect(tenths).toBe(Math.round(score * 10));
        expect(Math.abs(reasons.reduce((sum, reason) => sum + reason.contribution, 0) - score)).toBeLessThan(1e-9);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(reasons.every((reason) => Number.isInteger(Math.round(reason.contribution * 10)))).toBe(true);
        expect(level).toBe(levelOf(score));
      }),
      { numRuns: 300 },
    );
  });

  it("reaches 100 when every signal is at its strongest", () => {
    const facts: RingFacts = {
      size: 20,
      refundCount: 40,
      refundValue: 1e6,
      noReturnCount: 40,
      noReturnShare: 1,
      highValueCount: 40,
      highValueShare: 1,
      youngAccountShare: 1,
      maxRefundsInWindow: 40,
      countries: ["US", "GB", "LT", "NL"],
      sharing: 10,
      sharingKind: "Device",
      sharingTop: 10,
    };
    const { score } = scoreRing(facts, 1, 3);
    expect(score).toBe(100);
  });

  it("maps scores to levels at the documented thresholds", () => {
    expect(levelOf(LEVEL_THRESHOLDS.high)).toBe("high");
    expect(levelOf(LEVEL_THRESHOLDS.high - 0.1)).toBe("medium");
    expect(levelOf(LEVEL_THRESHOLDS.medium)).toBe("medium");
    expect(levelOf(LEVEL_THRESHOLDS.medium - 0.1)).toBe("low");
  });
});

describe("risk levels of detected rings", () => {
  it("scores honest households low and a REKK-like ring high", () => {
    const world = new SyntheticWorld(21);
    const households = Array.from({ length: 30 }, (_, h) => world.household(2 + (h % 3)));
    for (let s = 0; s < 100; s++) world.single();
    const planted = world.ring({ insider: "agent-bribed" });
    const result = detectRings(world.build(), { now: 0 });

    const ring = result.rings.find((r) => r.accountIds.includes(planted.accountIds[0]))!;
    expect(ring.level).toBe("high");
    expect(ring.reasons[0]!.contribution).toBeGreaterThan(0);
    for (const household of households) {
      const found = result.rings.find((r) => r.accountIds.includes(household[0]!))!;
      expect(found.level).toBe("low");
      expect(found.score).toBeLessThan(20);
    }
  });

  it("does not call one unreturned parcel a 100% no-return ring", () => {
    const world = new SyntheticWorld(2);
    const [first] = world.household(2);
    const refunds = [
      {
        id: "r1",
        accountId: first!,
        employeeId: null,
        amount: 50,
        category: "apparel",
        returned: false,
        requestedAt: 0,
        status: "approved",
      },
    ];
    const result = detectRings({ ...world.build(), refunds }, { now: 0 });
    const noReturn = result.rings[0]!.reasons.find((reason) => reason.code === "no-return")!;
    expect(noReturn.value).toBe(1);
    expect(noReturn.contribution).toBe(4);
  });
});
