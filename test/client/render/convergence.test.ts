import Graph from "graphology";
import { graphToByteArrays } from "graphology-layout-forceatlas2/helpers.js";
import iterate from "graphology-layout-forceatlas2/iterate.js";
import { describe, expect, it } from "vitest";
import { onScreenMovement, SETTLE_RULE, settleCheck } from "../../../client/src/render/convergence.ts";
import { viewerLayoutSettings } from "../../../client/src/render/layout-settings.ts";

describe("onScreenMovement", () => {
  it("sees no movement when the drawing only grows, shrinks or slides (sigma refits every frame)", () => {
    const before = [0, 0, 10, 0, 0, 5, 3, 4];
    const grownAndMoved = before.map((v, i) => v * 3 + (i % 2 === 0 ? 100 : -40));
    expect(onScreenMovement(before, grownAndMoved)).toBeCloseTo(0, 12);
  });

  it("measures a node's move as a fraction of the drawing's larger side, averaged over the nodes", () => {
    // Four nodes on a 10 × 10 square; one moves 1 inward along x, the box stays the same.
    const before = [0, 0, 10, 0, 0, 10, 10, 10];
    const after = [0, 0, 10, 0, 0, 10, 10, 10];
    after[0] = 0;
    const inner = [...before, 5, 5];
    const innerMoved = [...before, 6, 5];
    expect(onScreenMovement(before, after)).toBe(0);
    expect(onScreenMovement(inner, innerMoved)).toBeCloseTo(0.1 / 5, 12);
  });

  it("cannot compare frames of different graphs or without extent", () => {
    expect(onScreenMovement([0, 0, 1, 1], [0, 0, 1, 1, 2, 2])).toBe(Infinity);
    expect(onScreenMovement([0, 0, 0, 0], [0, 0, 1, 1])).toBe(Infinity);
    expect(onScreenMovement([0, 0, Number.NaN, 1], [0, 0, 1, 1])).toBe(Infinity);
    expect(onScreenMovement([3, 4], [7, 9])).toBe(0);
  });
});

describe("settleCheck", () => {
  const still = [0, 0, 10, 0, 5, 5];
  const wobble = [0, 0, 10, 0, 5, 6];

  it("settles only after the rule's number of calm steps in a row", () => {
    let calm = 0;
    const verdicts: boolean[] = [];
    for (let step = 0; step < SETTLE_RULE.calmSteps; step++) {
      const check = settleCheck(still, still, calm);
      calm = check.calmSteps;
      verdicts.push(check.settled);
    }
    expect(verdicts).toEqual([...Array(SETTLE_RULE.calmSteps - 1).fill(false), true]);
  });

  it("starts counting again after a step that moves too much", () => {
    const moved = settleCheck(still, wobble, SETTLE_RULE.calmSteps - 1);
    expect(moved.movement).toBeGreaterThan(SETTLE_RULE.maxMovement);
    expect(moved).toMatchObject({ calmSteps: 0, settled: false });
  });
});

/** Three crews of accounts sharing devices, bridged by one device: ring-like, 90 nodes. */
function crews(): Graph {
  const graph = new Graph({ multi: true, type: "mixed" });
  const add = (key: string, i: number) => {
    const angle = (2 * Math.PI * i) / 90;
    graph.addNode(key, { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle) });
  };
  let n = 0;
  for (let crew = 0; crew < 3; crew++) {
    for (let d = 0; d < 5; d++) add(`D${crew}-${d}`, n++);
    for (let a = 0; a < 25; a++) {
      add(`A${crew}-${a}`, n++);
      graph.addEdge(`A${crew}-${a}`, `D${crew}-${a % 5}`);
      graph.addEdge(`A${crew}-${a}`, `D${crew}-${(a * 3 + 1) % 5}`);
    }
  }
  graph.addEdge("A0-0", "D1-0");
  graph.addEdge("A1-0", "D2-0");
  return graph;
}

function positions(nodes: Float32Array): Float64Array {
  const out = new Float64Array((nodes.length / 10) * 2);
  for (let i = 0; i < out.length / 2; i++) {
    out[2 * i] = nodes[10 * i]!;
    out[2 * i + 1] = nodes[10 * i + 1]!;
  }
  return out;
}

describe("a viewer layout judged step by step", () => {
  it("stops a ring-like graph once a step barely moves it, and later steps stay as calm", () => {
    const graph = crews();
    const settings = viewerLayoutSettings(graph.order);
    const { nodes, edges } = graphToByteArrays(graph, () => 1);
    let previous = positions(nodes);
    let calm = 0;
    let settledAt = 0;
    for (let step = 1; step <= 2000 && settledAt === 0; step++) {
      iterate(settings, nodes, edges);
      const current = positions(nodes);
      const check = settleCheck(previous, current, calm);
      calm = check.calmSteps;
      previous = current;
      if (check.settled) settledAt = step;
    }
    expect(settledAt).toBeGreaterThan(SETTLE_RULE.calmSteps);
    expect(settledAt).toBeLessThan(400);
    const later: number[] = [];
    for (let step = 0; step < 200; step++) {
      const before = positions(nodes);
      iterate(settings, nodes, edges);
      later.push(onScreenMovement(before, positions(nodes)));
    }
    expect(Math.max(...later)).toBeLessThan(SETTLE_RULE.maxMovement);
  });
});
