/**
 * Brings the live graph (the one sigma and the layout worker are bound to) in line with a
 * freshly built one, in place: drops what is gone, adds what is new, replaces attributes of
 * the rest. Used after "expand neighbours" and when refunds are folded or unfolded.
 */
import type { DataGraph } from "./data-graph.ts";

/** @example syncGraph(live, toGraph(mergedWire, options)) */
export function syncGraph(live: DataGraph, next: DataGraph): void {
  const goneEdges = live.filterEdges((edge) => !next.hasEdge(edge));
  for (const edge of goneEdges) live.dropEdge(edge);
  const goneNodes = live.filterNodes((node) => !next.hasNode(node));
  for (const node of goneNodes) live.dropNode(node);

  next.forEachNode((node, attributes) => {
    if (live.hasNode(node)) live.replaceNodeAttributes(node, { ...attributes });
    else live.addNode(node, { ...attributes });
  });
  next.forEachEdge((edge, attributes, source, target) => {
    if (live.hasEdge(edge)) live.replaceEdgeAttributes(edge, { ...attributes });
    else live.addDirectedEdgeWithKey(edge, source, target, { ...attributes });
  });
}
