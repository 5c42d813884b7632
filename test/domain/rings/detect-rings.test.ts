import { describe, expect, it } from "vitest";
import { isRinglensError } from "../../../server/errors.ts";
import { DETECT_PHASES, detectRings } from "../../../server/domain/rings/detect-rings.ts";
import { resolveDetectOptions } from "../../../server/domain/rings/detect-options.ts";
import { naiveComponents } from "../../../server/domain/rings/naive-components.ts";
import { detectedFromGroups, detectedFromResult } from "../../../server/domain/eval/detected-rings.ts";
import { evaluate } from "../../../server/domain/eval/evaluate.ts";
import { plantedWorld } from "../helpers/synthetic-world.ts";

describe("detectRings", () => {
  it("times every phase in order and stamps the analysis time from options.now", () => {
    const result = detectRings(plantedWorld(1).build(), { now: 1_700_000_000_000 });
    expect(result.phases.map((phase) => phase.phase)).toEqual([...DETECT_PHASES]);
    expect(result.phases.every((phase) => phase.ms >= 0)).toBe(true);
    expect(result.analysedAt).toBe(1_700_000_000_000);
  });

  it("returns rings highest score first then by id, each with sorted members and consistent figures", () => {
    const result = detectRings(plantedWorld(2).build(), { now: 0 });
    for (let r = 1; r < result.rings.length; r++) {
      const [before, after] = [result.rings[r - 1]!, result.rings[r]!];
      expect(before.score > after.score || (before.score === after.score && before.id < after.id)).toBe(true);
    }
    for (const ring of result.rings) {
      expect(ring.size).toBe(ring.accountIds.length);
      expect([...ring.accountIds].sort()).toEqual(ring.accountIds);
    }
  });

  it("flags every planted ring and no honest group on a mixed world", () => {
    const world = plantedWorld(3);
    const result = detectRings(world.build(), { now: 0 });
    const flagged = result.rings.filter((ring) => ring.level !== "low").map((ring) => ring.accountIds);
    expect(flagged.sort()).toEqual([...world.truth.rings.values()].map((ids) => [...ids].sort()).sort());
  });

  it("drops rings below minScore", () => {
    const result = detectRings(plantedWorld(3).build(), { now: 0, minScore: 35 });
    expect(result.rings).toHaveLength(3);
  });

  it("handles an empty input", () => {
    expect(detectRings({ accounts: [], links: [], refunds: [] }, { now: 0 })).toMatchObject({ rings: [], hubs: [], hubThreshold: 30 });
  });

  it("beats naive connected components when a reshipper joins rings to the crowd", () => {
    const world = plantedWorld(8);
    const singles = world.accounts.slice(200, 260).map((account) => account.id);
    const [p1, p2] = [...world.truth.rings.values()];
    world.reshipper([p1![0]!, p2![0]!, ...singles]);
    const input = world.build();
    const detected = detectedFromResult(detectRings(input, { now: 0 }));
    const ours = evaluate(detected.rings, detected.insiders, world.truth);
    const naive = evaluate(detectedFromGroups(naiveComponents(input)), [], world.truth);
    expect(ours.pairwise.f1).toBe(1);
    expect(ours.rings.recall).toBe(1);
    expect(ours.insiders).toMatchObject({ precision: 1, recall: 1 });
    expect(naive.pairwise.precision).toBeLessThan(0.5);
  });
});

describe("resolveDetectOptions", () => {
  it("fills defaults", () => {
    expect(resolveDetectOptions({ maxRingSize: 12 })).toMatchObject({ maxRingSize: 12, hubThreshold: "auto", minRingSize: 2 });
  });

  it("rejects invalid values with kind invalid-input", () => {
    for (const bad of [{ maxRingSize: 1 }, { hubThreshold: -3 }, { insiderMinShare: 2 }, { minRingSize: 50 }]) {
      let thrown: unknown;
      try {
        resolveDetectOptions(bad);
      } catch (error) {
        thrown = error;
      }
      expect(isRinglensError(thrown) && thrown.kind).toBe("invalid-input");
    }
  });
});
