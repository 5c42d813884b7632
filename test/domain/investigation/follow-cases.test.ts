import { describe, expect, it } from "vitest";
import { followCases } from "../../../server/domain/investigation/follow-cases.ts";
import { matchLineage } from "../../../server/domain/investigation/ring-lineage.ts";

const ring = (id: string, ...accountIds: string[]) => ({ id, accountIds });

describe("followCases", () => {
  it("moves a case to the ring that continues its ring, and leaves one on an unchanged ring alone", () => {
    const lineage = matchLineage([ring("R-b", "b", "c"), ring("R-x", "x", "y")], [ring("R-a", "a", "b", "c"), ring("R-x", "x", "y")]);
    const moves = followCases(
      [
        { id: "C1", ringId: "R-b" },
        { id: "C2", ringId: "R-x" },
      ],
      lineage,
      new Set(["R-b", "R-x"]),
    );
    expect(moves).toEqual([{ caseId: "C1", from: "R-b", to: "R-a", how: "followed" }]);
  });

  it("moves the case of a ring merged into another unless that one has its own case", () => {
    const previous = [ring("P", "a", "b", "c", "d", "e", "f"), ring("Q", "x", "y")];
    const lineage = matchLineage(previous, [ring("N", "a", "b", "c", "d", "e", "f", "x", "y")]);
    expect(followCases([{ id: "CQ", ringId: "Q" }], lineage, new Set(["P", "Q"]))).toEqual([
      { caseId: "CQ", from: "Q", to: "N", how: "merged" },
    ]);
    expect(
      followCases(
        [
          { id: "CP", ringId: "P" },
          { id: "CQ", ringId: "Q" },
        ],
        lineage,
        new Set(["P", "Q"]),
      ),
    ).toEqual([
      { caseId: "CP", from: "P", to: "N", how: "followed" },
      { caseId: "CQ", from: "Q", to: "Q", how: "gone" },
    ]);
  });

  it("says once that a ring is gone: not again when it was already gone before this analysis", () => {
    const lineage = matchLineage([ring("P", "a", "b")], []);
    expect(followCases([{ id: "C", ringId: "P" }], lineage, new Set(["P"]))).toEqual([{ caseId: "C", from: "P", to: "P", how: "gone" }]);
    expect(followCases([{ id: "C", ringId: "P" }], lineage, new Set())).toEqual([]);
  });
});
