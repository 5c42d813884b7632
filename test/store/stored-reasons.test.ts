import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Reason } from "../../server/domain/analysis-types.ts";
import { REASON_LABELS } from "../../server/domain/rings/risk-score.ts";
import { readStoredReasons, storedReasons } from "../../server/store/stored-reasons.ts";

const number = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const reason: fc.Arbitrary<Reason> = fc
  .record({
    code: fc.constantFrom(...REASON_LABELS.keys(), "retired-code"),
    own: fc.option(fc.string()),
    value: number,
    contribution: number,
  })
  .map(({ code, own, value, contribution }) => ({ code, label: own ?? REASON_LABELS.get(code) ?? "Retired", value, contribution }));

describe("stored reasons", () => {
  it("reads back every reason as written: code, label, value and contribution, in order", () => {
    fc.assert(
      fc.property(fc.array(reason, { maxLength: 12 }), (reasons) => {
        expect(readStoredReasons(storedReasons(reasons))).toEqual(reasons);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a label only where it is not the code's usual one", () => {
    const usual = { code: "velocity", label: REASON_LABELS.get("velocity")!, value: 17, contribution: 8 };
    const own = { code: "identifier-sharing", label: "9 accounts served from the same support-contact device", value: 2, contribution: 1 };
    expect(storedReasons([usual, own])).toBe(`[["velocity",17,8],["identifier-sharing",2,1,"${own.label}"]]`);
  });

  it("reads the reasons of a store written before, as objects with their labels", () => {
    const older = [{ code: "hubs", label: "Hubs (reshippers, kiosks) shared by members", value: 2, contribution: 7 }];
    expect(readStoredReasons(JSON.stringify(older))).toEqual(older);
  });
});
