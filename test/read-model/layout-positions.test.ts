import { graphToByteArrays } from "graphology-layout-forceatlas2/helpers.js";
import iterate from "graphology-layout-forceatlas2/iterate.js";
import { describe, expect, it } from "vitest";
import { placeNodes } from "../../client/src/graph/place-nodes.ts";
import { toGraph } from "../../client/src/graph/to-graph.ts";
import { settleCheck } from "../../client/src/render/convergence.ts";
import { viewerLayoutSettings } from "../../client/src/render/layout-settings.ts";
import { mulberry32 } from "../../server/domain/rings/seeded-rng.ts";
import { refineIterations, withPositions } from "../../server/read-model/layout-positions.ts";
import type { WireGraph } from "../../wire/wire-types.ts";

/** A neighbourhood like the bench's wide ring: accounts on shared devices and addresses, seeded. */
function neighbourhood(accounts: number, seed: number): WireGraph {
  const random = mulberry32(seed);
  const node = (type: string, id: string) => ({ key: `${type}:${id}`, attributes: { type, id, label: id, properties: {} } });
  const nodes = [
    ...Array.from({ length: accounts }, (_, i) => node("Account", `A${i}`)),
    ...Array.from({ length: accounts * 2 }, (_, i) => node("Device", `D${i}`)),
    ...Array.from({ length: Math.round(accounts * 0.6) }, (_, i) => node("Address", `S${i}`)),
  ];
  const pick = (type: string, count: number) => `${type}:${type[0]}${Math.floor(random() * count)}`;
  const edges = Array.from({ length: accounts * 4 }, (_, i) => {
    const device = i % 4 !== 3;
    return {
      key: `e${i}`,
      source: `Account:A${i % accounts}`,
      target: device ? pick("Device", accounts * 2) : pick("Address", Math.round(accounts * 0.6)),
      attributes: { type: device ? "USES" : "SHIPS_TO" },
    };
  });
  return { nodes, edges, truncated: false };
}

/** Steps the viewer's layout takes to settle from the positions `wire` carries (or a circle). */
function viewerStepsToSettle(wire: WireGraph, limit: number): number {
  const graph = toGraph(wire, { foldRefunds: true });
  placeNodes(graph, wire, new Map());
  const settings = viewerLayoutSettings(graph.order);
  const { nodes, edges } = graphToByteArrays(graph, () => 1);
  const positions = () => Float64Array.from({ length: graph.order * 2 }, (_, i) => nodes[Math.floor(i / 2) * 10 + (i % 2)]!);
  let previous = positions();
  let calm = 0;
  for (let step = 1; step <= limit; step++) {
    iterate(settings, nodes, edges);
    const current = positions();
    const check = settleCheck(previous, current, calm);
    if (check.settled) return step;
    calm = check.calmSteps;
    previous = current;
  }
  return Infinity;
}

describe("withPositions", () => {
  // Measured here: 36 steps from the server's positions, 448 from a circle.
  it("gives the viewer a start it settles from sooner than from a circle", () => {
    const wire = neighbourhood(240, 7);
    const fromServer = viewerStepsToSettle(withPositions(wire), 2000);
    const fromCircle = viewerStepsToSettle(wire, 2000);
    expect(fromServer).toBeLessThan(fromCircle);
  });

  // The bench's 5,000-node ring has the same shape; at this size the server runs no iteration.
  it("gives a neighbourhood of thousands of nodes, without force iterations, a start the viewer settles from sooner than from a circle", () => {
    const wire = neighbourhood(1300, 3);
    expect(refineIterations(wire.nodes.length, wire.edges.length)).toBe(0);
    const fromServer = viewerStepsToSettle(withPositions(wire), 400);
    const fromCircle = viewerStepsToSettle(wire, 400);
    expect(fromServer).toBeLessThan(fromCircle);
  });

  it("refines a small ring's start with force iterations and leaves a large graph's to the viewer", () => {
    expect(refineIterations(174, 400)).toBeGreaterThanOrEqual(100);
    expect(refineIterations(20, 30)).toBe(200);
    expect(refineIterations(5000, 20000)).toBe(0);
  });

  it("places the same graph the same way whatever order the store returned it in", () => {
    const wire = neighbourhood(120, 5);
    const reversed = { ...wire, nodes: [...wire.nodes].reverse(), edges: [...wire.edges].reverse() };
    const at = (w: WireGraph) => new Map(withPositions(w).nodes.map((n) => [n.key, [n.attributes.x, n.attributes.y]]));
    expect(at(reversed)).toEqual(at(wire));
    for (const [x, y] of at(wire).values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });
});
