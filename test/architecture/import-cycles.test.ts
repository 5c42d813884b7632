/**
 * No import cycles, type-only imports included: a cycle means two modules are one layer that
 * pretends to be two (as main.ts and the CLI were). Walks the import graph of test/helpers/source-imports.ts.
 */
import { describe, expect, it } from "vitest";
import { findCycles, importGraph, sources } from "../helpers/source-imports.ts";

describe("import cycles", () => {
  it("finds a cycle when there is one, and names its files in order", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts", "d.ts"]],
      ["d.ts", []],
      ["e.ts", ["e.ts"]],
    ]);
    expect(findCycles(graph)).toEqual([
      ["a.ts", "b.ts", "c.ts", "a.ts"],
      ["e.ts", "e.ts"],
    ]);
    expect(
      findCycles(
        new Map([
          ["a.ts", ["b.ts"]],
          ["b.ts", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("has none among the server, the client, the wire contract, the tools and the bench", () => {
    const files = ["server", "client", "wire", "tools", "bench"].flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    expect(findCycles(importGraph(files)).map((cycle) => cycle.join(" > "))).toEqual([]);
  });
});
