/**
 * Initial positions for a graph sent to the viewer, so the first frame is already readable
 * (measured: ~0.75 s to first frame with positions vs ~2 s laying out in the browser): the
 * one-pass start of start-layout.ts, refined by as many ForceAtlas2 iterations (graphology's
 * own) as fit a fixed amount of work. A small ring gets ~100 iterations; a graph of thousands
 * of nodes gets none (each would cost ~40 ms at 5,000 nodes and 20,000 edges, and the viewer's
 * own layout refines it in its worker).
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { WireGraph } from "../../wire/wire-types.ts";
import { edgesInKeyOrder, startLayout } from "./start-layout.ts";

/** Node-and-edge visits the server spends refining (~100 ms here): iterations × (nodes + edges). */
export const REFINE_BUDGET = 60_000;
/** Fewer iterations than this leave the start as it is: one or two only shake it (measured). */
const MIN_ITERATIONS = 10;
const MAX_ITERATIONS = 200;

/** How many ForceAtlas2 iterations the server runs on a graph of this size. */
export function refineIterations(nodes: number, edges: number): number {
  const fit = Math.floor(REFINE_BUDGET / Math.max(1, nodes + edges));
  return fit < MIN_ITERATIONS ? 0 : Math.min(MAX_ITERATIONS, fit);
}

export function withPositions(wire: WireGraph): WireGraph {
  const start = startLayout(wire);
  const iterations = refineIterations(wire.nodes.length, wire.edges.length);
  if (iterations > 0 && wire.edges.length > 0) {
    const graph = new Graph({ multi: true, type: "mixed" });
    for (const [key, at] of start) graph.addNode(key, { ...at });
    for (const e of edgesInKeyOrder(wire)) if (graph.hasNode(e.source) && graph.hasNode(e.target)) graph.addEdge(e.source, e.target);
    forceAtlas2.assign(graph, {
      iterations,
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: wire.nodes.length > 300 },
    });
    graph.forEachNode((key, a) => start.set(key, { x: a.x as number, y: a.y as number }));
  }
  return {
    ...wire,
    nodes: wire.nodes.map((node) => {
      const { x, y } = start.get(node.key)!;
      return { ...node, attributes: { ...node.attributes, x: round(x), y: round(y) } };
    }),
  };
}

const round = (v: number) => Math.round(v * 100) / 100;
