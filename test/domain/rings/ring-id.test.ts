import { describe, expect, it } from "vitest";
import { detectRings } from "../../../server/domain/rings/detect-rings.ts";
import { compareStrings } from "../../../server/domain/rings/compare-strings.ts";
import { assignRingIds, ringIdOf } from "../../../server/domain/rings/ring-id.ts";
import { factsOf } from "../../../server/domain/rings/link-columns.ts";
import { plantedWorld } from "../helpers/synthetic-world.ts";

describe("ring ids", () => {
  it("suffix colliding ids in member-id order (the same member id stands in for a hash collision)", () => {
    expect(assignRingIds(["b", "a", "b", "c"])).toEqual([ringIdOf("b"), ringIdOf("a"), `${ringIdOf("b")}-2`, ringIdOf("c")]);
  });

  it("are the same across runs and input orders, and derive from the smallest member", () => {
    const input = plantedWorld(9).build();
    const shuffled = {
      accounts: [...input.accounts].reverse(),
      links: [...factsOf(input)].reverse(),
      refunds: [...input.refunds].reverse(),
    };
    const byId = (rings: { id: string; accountIds: string[] }[]) => rings.map((r) => [r.id, r.accountIds]).sort();
    const first = detectRings(input, { now: 0 }).rings;
    // The three planted rings (and the households' small groups): an empty result must not pass.
    expect(first.filter((ring) => ring.level !== "low").length).toBeGreaterThanOrEqual(3);
    expect(first.length).toBeGreaterThan(3);
    expect(byId(detectRings(input, { now: 0 }).rings)).toEqual(byId(first));
    expect(byId(detectRings(shuffled, { now: 0 }).rings)).toEqual(byId(first));
    for (const ring of first) expect(ring.id).toBe(ringIdOf([...ring.accountIds].sort(compareStrings)[0]!));
  });

  it("are unique within a result", () => {
    const ids = detectRings(plantedWorld(4).build(), { now: 0 }).rings.map((ring) => ring.id);
    expect(ids.length).toBeGreaterThan(3);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("look like R- and 11 base36 characters, distinct over many member ids", () => {
    const ids = assignRingIds(Array.from({ length: 20000 }, (_, i) => `acc-${i}`));
    expect(ids.every((id) => /^R-[0-9a-z]{11}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
