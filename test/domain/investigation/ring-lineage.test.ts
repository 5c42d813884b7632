import { describe, expect, it } from "vitest";
import { matchLineage, successors } from "../../../server/domain/investigation/ring-lineage.ts";

const ring = (id: string, ...accountIds: string[]) => ({ id, accountIds });

describe("matchLineage", () => {
  it("calls a ring with the same members the same, and new when nothing came before", () => {
    const l = matchLineage([ring("R1", "a", "b", "c")], [ring("R1", "a", "b", "c"), ring("R2", "x", "y")]);
    expect(l.get("R1")).toEqual({ state: "same", previousId: "R1", added: [], removed: [], mergedFrom: [], splitFrom: null });
    expect(l.get("R2")).toMatchObject({ state: "new", previousId: null });
  });

  it("follows a ring whose id changed when it grew by a smaller member id, naming the member added", () => {
    const l = matchLineage([ring("R-b", "b", "c", "d", "e")], [ring("R-a", "a", "b", "c", "d", "e")]);
    expect(l.get("R-a")).toEqual({ state: "grew", previousId: "R-b", added: ["a"], removed: [], mergedFrom: [], splitFrom: null });
    expect(successors(l)).toEqual(new Map([["R-b", "R-a"]]));
  });

  it("says shrank, and changed when as many members came as went", () => {
    const l = matchLineage(
      [ring("P", "a", "b", "c", "d"), ring("Q", "m", "n", "o", "p")],
      [ring("P", "a", "b", "c"), ring("Q", "m", "n", "o", "z")],
    );
    expect(l.get("P")).toMatchObject({ state: "shrank", removed: ["d"] });
    expect(l.get("Q")).toMatchObject({ state: "changed", added: ["z"], removed: ["p"] });
  });

  it("does not match below a Jaccard index of 0.5", () => {
    // 2 shared of 5 in all: 0.4.
    const l = matchLineage([ring("P", "a", "b", "c")], [ring("N", "a", "b", "x", "y")]);
    expect(l.get("N")!.previousId).toBeNull();
  });

  it("says merged from the unmatched rings whose majority joined, and keeps the best match as the predecessor", () => {
    const l = matchLineage(
      [ring("P", "a", "b", "c", "d", "e", "f"), ring("Q", "x", "y")],
      [ring("N", "a", "b", "c", "d", "e", "f", "x", "y")],
    );
    expect(l.get("N")).toMatchObject({ state: "merged", previousId: "P", mergedFrom: ["Q"], added: ["x", "y"] });
  });

  it("says split from the ring most of a new ring's members came from when another part kept the match", () => {
    const l = matchLineage(
      [ring("P", "a", "b", "c", "d", "e", "f", "g", "h")],
      [ring("N1", "a", "b", "c", "d", "e", "f"), ring("N2", "g", "h")],
    );
    expect(l.get("N1")).toMatchObject({ state: "shrank", previousId: "P", removed: ["g", "h"] });
    expect(l.get("N2")).toMatchObject({ state: "split", previousId: null, splitFrom: "P" });
  });

  it("matches one to one: two halves of equal overlap do not both continue the ring", () => {
    const l = matchLineage([ring("P", "a", "b")], [ring("N1", "a"), ring("N2", "b")]);
    expect([l.get("N1")!.previousId, l.get("N2")!.previousId]).toEqual(["P", null]);
    expect(l.get("N2")).toMatchObject({ state: "split", splitFrom: "P" });
  });
});
