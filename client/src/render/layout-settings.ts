/**
 * The ForceAtlas2 settings the viewer lays a graph out with: graphology's inferred settings
 * for its size, LinLog (tighter clusters, which is what a ring is) and a slower pace so nodes
 * glide rather than jump. Every setting spelled out, as the step function expects.
 */
import { inferSettings } from "graphology-layout-forceatlas2";
import FA2_DEFAULTS from "graphology-layout-forceatlas2/defaults.js";
import type { LayoutSettings } from "./layout-messages.ts";

/** @example viewerLayoutSettings(graph.order).linLogMode // true */
export function viewerLayoutSettings(order: number): LayoutSettings {
  return {
    ...FA2_DEFAULTS,
    ...inferSettings(order),
    barnesHutOptimize: order > 400,
    linLogMode: true,
    adjustSizes: false,
    slowDown: 5,
  };
}
