/**
 * The small mutable object the reducers read: hover, selection, hidden node kinds, size
 * mode and the size scale of the current graph. Panels change it and ask the renderer to
 * refresh; the graph itself is never touched to highlight anything.
 */
import type { DataGraph } from "../graph/data-graph.ts";

export type SizeBy = "value" | "degree";

export interface ViewState {
  hovered: string | null;
  /** Neighbours of the hovered node (kept apart so the reducer does a set lookup). */
  hoveredNeighbours: Set<string>;
  selected: string | null;
  hiddenKinds: Set<string>;
  /** Nodes outside the time bar's window (refunds requested outside it, accounts without one inside). */
  outsideWindow: Set<string>;
  sizeBy: SizeBy;
  maxValue: number;
  maxDegree: number;
}

export function createViewState(): ViewState {
  return {
    hovered: null,
    hoveredNeighbours: new Set(),
    selected: null,
    hiddenKinds: new Set(),
    outsideWindow: new Set(),
    sizeBy: "value",
    maxValue: 1,
    maxDegree: 1,
  };
}

/** Recomputes the size scale after the graph changed. */
export function rescale(state: ViewState, graph: DataGraph): void {
  let maxValue = 0;
  let maxDegree = 0;
  graph.forEachNode((key, data) => {
    maxValue = Math.max(maxValue, data.value ?? 0);
    maxDegree = Math.max(maxDegree, graph.degree(key));
  });
  state.maxValue = maxValue || 1;
  state.maxDegree = maxDegree || 1;
}

export function setHovered(state: ViewState, graph: DataGraph | null, node: string | null): void {
  state.hovered = node && graph?.hasNode(node) ? node : null;
  state.hoveredNeighbours = state.hovered && graph ? new Set(graph.neighbors(state.hovered)) : new Set();
}
