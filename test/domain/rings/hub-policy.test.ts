import { describe, expect, it } from "vitest";
import { detectRings } from "../../../server/domain/rings/detect-rings.ts";
import { autoHubThreshold } from "../../../server/domain/rings/hub-policy.ts";
import { naiveComponents } from "../../../server/domain/rings/naive-components.ts";
import { SyntheticWorld } from "../helpers/synthetic-world.ts";

const rule = { minimum: 30, fence: 3 };

describe("autoHubThreshold", () => {
  it("stays at the minimum when sharing is mostly by 2–3 accounts", () => {
    const degrees = Int32Array.from([...Array(900).fill(2), ...Array(90).fill(3), 1, 1, 1, 400, 5000]);
    expect(autoHubThreshold(degrees, rule)).toBe(30);
  });

  it("rises with the distribution when sharing is normally wider (Q3 · (Q3/Q1)^3)", () => {
    // nearest rank over 100 degrees: Q1 (25th) = 4, Q3 (75th) = 8 → 8 · 2^3 = 64
    const degrees = Int32Array.from([...Array(30).fill(4), ...Array(20).fill(6), ...Array(50).fill(8), 1, 1]);
    expect(autoHubThreshold(degrees, rule)).toBe(64);
  });

  it("ignores identifiers used by a single account and returns the minimum when nothing links", () => {
    expect(autoHubThreshold(Int32Array.from([1, 1, 1]), rule)).toBe(30);
    expect(autoHubThreshold(new Int32Array(0), rule)).toBe(30);
  });
});

describe("hub policy in detectRings", () => {
  function twoRingsAndReshipper() {
    const world = new SyntheticWorld(7);
    const a = world.ring({ size: 6 });
    const b = world.ring({ size: 6 });
    const background = Array.from({ length: 40 }, () => world.single());
    const reshipper = world.reshipper([a.accountIds[0], a.accountIds[1], b.accountIds[0], b.accountIds[1], ...background]);
    return { world, a, b, reshipper };
  }

  it("keeps two rings joined only through a reshipper apart, lists the reshipper as a hub and on each ring", () => {
    const { world, a, b, reshipper } = twoRingsAndReshipper();
    const result = detectRings(world.build(), { now: 0 });
    expect(result.hubs).toEqual([{ kind: "Address", identifierId: reshipper, accounts: 44 }]);
    const members = result.rings.map((ring) => ring.accountIds);
    expect(members).toContainEqual([...a.accountIds].sort());
    expect(members).toContainEqual([...b.accountIds].sort());
    expect(result.rings).toHaveLength(2);
    for (const ring of result.rings) {
      expect(ring.hubs).toEqual([{ kind: "Address", identifierId: reshipper, accounts: 44, members: 2 }]);
      expect(ring.reasons.find((reason) => reason.code === "hubs")!.contribution).toBeGreaterThan(0);
    }
  });

  it("merges them (and the reshipper's customers) without a hub policy, as naive components do", () => {
    const { world } = twoRingsAndReshipper();
    expect(naiveComponents(world.build()).map((group) => group.length)).toEqual([52]);
  });

  it("loses nothing in a small data set without hubs: a 25-account ring on one device stays whole", () => {
    const world = new SyntheticWorld(3);
    const big = world.ring({ size: 25, devices: 1, addresses: 1 });
    const small = world.ring({ size: 4 });
    world.household(3);
    const result = detectRings(world.build(), { now: 0 });
    expect(result.hubs).toEqual([]);
    expect(result.hubThreshold).toBeGreaterThanOrEqual(30);
    const members = result.rings.map((ring) => ring.accountIds);
    expect(members).toContainEqual([...big.accountIds].sort());
    expect(members).toContainEqual([...small.accountIds].sort());
  });

  it("uses an explicit threshold when given", () => {
    const { world } = twoRingsAndReshipper();
    expect(detectRings(world.build(), { hubThreshold: 5, now: 0 }).hubThreshold).toBe(5);
  });
});
