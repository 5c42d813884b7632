import { describe, expect, it } from "vitest";
import { DEFAULT_DEMO_OPTIONS, resolveDemoOptions } from "../../server/demo/demo-options.ts";
import { ringSizes } from "../../server/demo/plan-rings.ts";
import { Random } from "../../server/demo/random.ts";

describe("resolveDemoOptions", () => {
  it("fills the defaults", () => {
    expect(resolveDemoOptions({})).toEqual(DEFAULT_DEMO_OPTIONS);
    expect(resolveDemoOptions({ accounts: 500, seed: undefined })).toEqual({ accounts: 500, rings: 30, seed: 1, hard: false });
  });

  it.each([{ accounts: 0 }, { accounts: 1.5 }, { rings: -1 }, { seed: Number.NaN }, { accounts: 100, rings: 30 }])(
    "rejects %o as invalid input",
    (input) => {
      expect(() => resolveDemoOptions(input)).toThrow(expect.objectContaining({ kind: "invalid-input" }));
    },
  );
});

describe("ringSizes", () => {
  it("keeps sizes within 3–25 and the total within budget", () => {
    const sizes = ringSizes(new Random(1, "sizes"), 40, 200);
    expect(sizes).toHaveLength(40);
    expect(sizes.every((size) => size >= 3 && size <= 25)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(200);
  });
});
