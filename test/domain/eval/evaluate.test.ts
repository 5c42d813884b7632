import { describe, expect, it } from "vitest";
import { evaluate, type DetectedRing } from "../../../server/domain/eval/evaluate.ts";

const truth = {
  rings: new Map([
    ["P1", ["a", "b", "c", "d"]],
    ["P2", ["e", "f", "g"]],
  ]),
  insiders: [
    { ringId: "P1", employeeId: "emp1" },
    { ringId: "P2", employeeId: "emp2" },
  ],
};

describe("evaluate", () => {
  it("gives 1.0 everywhere for a perfect detection", () => {
    const detected: DetectedRing[] = [
      { ringId: "D1", accountIds: ["a", "b", "c", "d"], score: 90, flagged: true },
      { ringId: "D2", accountIds: ["g", "f", "e"], score: 80, flagged: true },
    ];
    const result = evaluate(
      detected,
      [
        { ringId: "D1", employeeId: "emp1" },
        { ringId: "D2", employeeId: "emp2" },
      ],
      truth,
      ["a", "b", "c", "d", "e", "f", "g", "h"],
    );
    expect(result.pairwise).toMatchObject({ precision: 1, recall: 1, f1: 1, truePairs: 9 });
    expect(result.rings.recall).toBe(1);
    expect(result.precisionAtK).toEqual({ k: 2, hits: 2, precision: 1 });
    expect(result.insiders).toMatchObject({ precision: 1, recall: 1 });
    expect(result.accounts).toMatchObject({ precision: 1, recall: 1, falsePositiveRate: 0 });
  });

  it("matches hand-computed figures on a mixed case", () => {
    const detected: DetectedRing[] = [
      // holds 4/4 of P1 and is 4/5 P1: matches P1
      { ringId: "D1", accountIds: ["a", "b", "c", "d", "x"], score: 90, flagged: true },
      // holds 2/3 of P2 (< 80%): matches nothing
      { ringId: "D2", accountIds: ["e", "f"], score: 50, flagged: true },
      // not flagged: no pairs, but ranked for precision@K
      { ringId: "D3", accountIds: ["g", "y", "z"], score: 70, flagged: false },
    ];
    const insiders = [
      { ringId: "D1", employeeId: "emp1" }, // correct
      { ringId: "D1", employeeId: "emp3" }, // not an insider of P1
      { ringId: "D2", employeeId: "emp2" }, // D2 matches no planted ring
    ];
    const all = ["a", "b", "c", "d", "e", "f", "g", "x", "y", "z", ...Array.from({ length: 10 }, (_, i) => `h${i}`)];
    const result = evaluate(detected, insiders, truth, all);

    // detected pairs C(5,2) + C(2,2) = 11; true pairs C(4,2) + C(2,2) = 7; planted C(4,2) + C(3,2) = 9
    expect(result.pairwise).toMatchObject({ truePairs: 7, detectedPairs: 11, plantedPairs: 9 });
    expect(result.pairwise.precision).toBeCloseTo(7 / 11, 12);
    expect(result.pairwise.recall).toBeCloseTo(7 / 9, 12);
    expect(result.pairwise.f1).toBeCloseTo(0.7, 12);
    expect(result.rings).toEqual({ planted: 2, found: 1, recall: 0.5 });
    // top 2 by score: D1 (match), D3 (no match)
    expect(result.precisionAtK).toEqual({ k: 2, hits: 1, precision: 0.5 });
    expect(result.insiders).toEqual({ detected: 3, correct: 1, planted: 2, found: 1, precision: 1 / 3, recall: 0.5 });
    // flagged accounts a b c d x e f: 6 planted of 7; 13 honest accounts, x flagged
    expect(result.accounts).toEqual({
      flagged: 7,
      planted: 7,
      flaggedPlanted: 6,
      precision: 6 / 7,
      recall: 6 / 7,
      falsePositiveRate: 1 / 13,
    });
  });

  it("does not match a detected ring that merges two planted rings to the smaller one (purity < 50%)", () => {
    const merged: DetectedRing[] = [{ ringId: "D", accountIds: ["a", "b", "c", "d", "e", "f", "g"], score: 1, flagged: true }];
    const result = evaluate(merged, [], truth);
    expect(result.rings.found).toBe(1);
    // 21 detected pairs, 9 of them true
    expect(result.pairwise.precision).toBeCloseTo(9 / 21, 12);
    expect(result.pairwise.recall).toBe(1);
    expect(result.accounts.falsePositiveRate).toBeNull();
  });

  it("counts pairs of huge groups without enumerating them", () => {
    const big = Array.from({ length: 200_000 }, (_, i) => `u${i}`);
    const result = evaluate([{ ringId: "D", accountIds: big, score: 1, flagged: true }], [], {
      rings: new Map([["P", big]]),
      insiders: [],
    });
    expect(result.pairwise).toMatchObject({ truePairs: 19_999_900_000, precision: 1, recall: 1 });
  });

  it("treats an empty truth and an empty detection as agreeing", () => {
    const result = evaluate([], [], { rings: new Map(), insiders: [] });
    expect([result.pairwise.precision, result.pairwise.recall, result.rings.recall, result.precisionAtK.precision]).toEqual([1, 1, 1, 1]);
  });
});

describe("evaluate on the hard demo's patterns", () => {
  const patterned = {
    rings: new Map([
      ["P1", ["a1", "a2", "a3"]],
      ["P2", ["b1", "b2", "b3"]],
    ]),
    insiders: [],
    patterns: [
      { pattern: "bridge", ringId: "P2", accountId: "b1", detail: "P1" },
      { pattern: "relative", ringId: "P1", accountId: "h1", detail: "tablet" },
      { pattern: "relative", ringId: "P1", accountId: "h2", detail: "tablet" },
      { pattern: "typo", ringId: "P1", accountId: "a3", detail: "12 Bakre St" },
    ],
  };
  const ring = (ringId: string, accountIds: string[]): DetectedRing => ({ ringId, accountIds, score: 80, flagged: true });

  it("counts bridged crews found apart, relatives kept out and typo'd members found in their ring", () => {
    const apart = evaluate([ring("R1", ["a1", "a2", "a3", "h1"]), ring("R2", ["b1", "b2", "b3"])], [], patterned).patterns;
    expect(apart).toEqual({
      bridged: { planted: 2, found: 2, recall: 1 },
      relatives: { planted: 2, keptOut: 1, share: 0.5 },
      typos: { planted: 1, found: 1, recall: 1 },
    });
  });

  it("counts neither crew of a bridge found when they come out as one ring, nor a typo'd member left out", () => {
    const merged = evaluate([ring("R1", ["a1", "a2", "b1", "b2", "b3", "h1", "h2"])], [], patterned).patterns;
    expect(merged.bridged.found).toBe(0);
    expect(merged.relatives.keptOut).toBe(0);
    expect(merged.typos.found).toBe(0);
  });
});
