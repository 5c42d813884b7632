/**
 * Initial positions before ForceAtlas2 runs: a node keeps the position it had on screen;
 * otherwise it takes the server's x,y (fresh views only); otherwise it is put next to a
 * placed neighbour; whatever is left goes on a circle (graphology-layout).
 */
import { circular } from "graphology-layout";
import type { WireGraph } from "../../../wire/wire-types.ts";
import type { DataGraph } from "./data-graph.ts";

export type Positions = Map<string, { x: number; y: number }>;

/** Positions of every node of a graph, to carry over to its successor. */
export function positionsOf(graph: DataGraph | null): Positions {
  const positions: Positions = new Map();
  graph?.forEachNode((key, { x, y }) => {
    if (Number.isFinite(x) && Number.isFinite(y)) positions.set(key, { x, y });
  });
  return positions;
}

function serverPositions(wire: WireGraph): Positions {
  const positions: Positions = new Map();
  for (const { key, attributes: a } of wire.nodes) {
    if (Number.isFinite(a.x) && Number.isFinite(a.y)) positions.set(key, { x: a.x!, y: a.y! });
  }
  return positions;
}

/** Deterministic jitter so the same view looks the same on every load. */
function jitter(key: string): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return ((hash >>> 0) % 1000) / 1000 - 0.5;
}

/** A small distance in the graph's own coordinates: 3% of the placed nodes' extent. */
function spreadOf(graph: DataGraph): number {
  let min = Infinity;
  let max = -Infinity;
  graph.forEachNode((_key, { x, y }) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    min = Math.min(min, x, y);
    max = Math.max(max, x, y);
  });
  return max > min ? (max - min) * 0.03 : 1;
}

/**
 * Sets x,y on every node of `graph`; returns how many had to be placed from scratch.
 * @example placeNodes(graph, wire, positionsOf(oldGraph))
 */
export function placeNodes(graph: DataGraph, wire: WireGraph, previous: Positions): number {
  const known = previous.size > 0 ? previous : serverPositions(wire);
  const unplaced: string[] = [];
  graph.forEachNode((key) => {
    const at = known.get(key);
    if (at) graph.mergeNodeAttributes(key, at);
    else unplaced.push(key);
  });
  if (unplaced.length === 0) return 0;
  if (unplaced.length === graph.order) {
    circular.assign(graph, { scale: 100 });
    return unplaced.length;
  }
  const spread = spreadOf(graph);
  const placedFromScratch = unplaced.length;
  for (let pass = 0; pass < 3 && unplaced.length > 0; pass++) {
    for (let i = unplaced.length - 1; i >= 0; i--) {
      const key = unplaced[i]!;
      const anchor = graph
        .neighbors(key)
        .map((n) => graph.getNodeAttributes(n))
        .find((a) => Number.isFinite(a.x));
      if (!anchor) continue;
      graph.mergeNodeAttributes(key, { x: anchor.x + spread * jitter(key), y: anchor.y + spread * jitter(`${key}#`) });
      unplaced.splice(i, 1);
    }
  }
  unplaced.forEach((key, i) => {
    const angle = (2 * Math.PI * i) / unplaced.length;
    graph.mergeNodeAttributes(key, { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle) });
  });
  return placedFromScratch;
}
