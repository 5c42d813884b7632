import fc from "fast-check";
import { MultiUndirectedGraph } from "graphology";
import { connectedComponents } from "graphology-components";
import { describe, expect, it } from "vitest";
import { groupsOf, UnionFind } from "../../../server/domain/rings/union-find.ts";

/** A partition as a canonical string: groups of sorted members, groups sorted. */
function canonical(groups: number[][]): string {
  return JSON.stringify(groups.map((g) => [...g].sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]));
}

const graphs = fc
  .integer({ min: 1, max: 60 })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 90 })));

describe("UnionFind", () => {
  it("finds the same components as graphology-components on random graphs", () => {
    fc.assert(
      fc.property(graphs, ([n, edges]) => {
        const uf = new UnionFind(n);
        const graph = new MultiUndirectedGraph({ allowSelfLoops: true });
        for (let x = 0; x < n; x++) graph.addNode(String(x));
        for (const [a, b] of edges) {
          uf.union(a, b);
          graph.addEdge(String(a), String(b));
        }
        const expected = connectedComponents(graph).map((component) => component.map(Number));
        const { start, members } = groupsOf(uf, 1);
        const actual: number[][] = [];
        for (let g = 0; g + 1 < start.length; g++) actual.push(Array.from(members.subarray(start[g], start[g + 1])));
        expect(canonical(actual)).toBe(canonical(expected));
      }),
      { numRuns: 200 },
    );
  });

  it("reports whether a union merged two sets and tracks set sizes", () => {
    const uf = new UnionFind(5);
    expect(uf.union(0, 1)).toBe(true);
    expect(uf.union(1, 0)).toBe(false);
    uf.union(3, 4);
    uf.union(1, 4);
    expect(uf.sizeOf(3)).toBe(4);
    expect(uf.sizeOf(2)).toBe(1);
  });

  it("keeps only groups of at least minSize, ordered by smallest member", () => {
    const uf = new UnionFind(6);
    uf.union(4, 5);
    uf.union(1, 3);
    uf.union(3, 0);
    const { start, members } = groupsOf(uf, 2);
    expect(Array.from(start)).toEqual([0, 3, 5]);
    expect(Array.from(members)).toEqual([0, 1, 3, 4, 5]);
  });
});
