import { describe, expect, it } from "vitest";
import { Random } from "../../server/demo/random.ts";

const draw = (rng: Random, n: number) => Array.from({ length: n }, () => rng.uint32());

describe("Random", () => {
  it("repeats the same sequence for the same seed and stream", () => {
    expect(draw(new Random(42, "rings"), 50)).toEqual(draw(new Random(42, "rings"), 50));
  });

  it("gives other seeds and other streams other sequences", () => {
    const base = draw(new Random(42, "rings"), 50);
    expect(draw(new Random(43, "rings"), 50)).not.toEqual(base);
    expect(draw(new Random(42, "population"), 50)).not.toEqual(base);
  });

  it("keeps draws in range and roughly uniform", () => {
    const rng = new Random(1, "uniform");
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const value = rng.int(0, 9);
      counts[value] = (counts[value] as number) + 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(1800);
    expect(rng.hex(32)).toMatch(/^[0-9a-f]{32}$/);
  });
});
