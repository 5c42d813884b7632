/**
 * Where each shown node is drawn: its centre in stage (container) pixels and its drawn radius,
 * read from sigma after reducers, camera and layout. Lets end-to-end tests and benchmarks point
 * at a node by its key instead of guessing a pixel.
 */
import type Sigma from "sigma";
import type { EdgeData, NodeData } from "../graph/data-graph.ts";
import { SHAPE_EXTENT } from "./node-shape-program.ts";

export interface NodeOnScreen {
  key: string;
  kind: string;
  x: number;
  y: number;
  radius: number;
  /** The farthest its drawn (and clickable) shape reaches from the centre, in pixels. */
  reach: number;
}

export function nodesOnScreen(sigma: Sigma<NodeData, EdgeData>): NodeOnScreen[] {
  const graph = sigma.getGraph();
  const out: NodeOnScreen[] = [];
  graph.forEachNode((key, attributes) => {
    const shown = sigma.getNodeDisplayData(key);
    if (!shown || shown.hidden) return;
    const { x, y } = sigma.framedGraphToViewport(shown);
    const radius = sigma.scaleSize(shown.size);
    out.push({ key, kind: attributes.kind, x, y, radius, reach: radius * SHAPE_EXTENT });
  });
  return out;
}
