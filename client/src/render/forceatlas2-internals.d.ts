/**
 * Types for the two modules of graphology-layout-forceatlas2 0.10 that its own worker is built
 * from and that layout-worker.ts uses the same way: one step on the packed matrices, and the
 * packing. The package ships no declarations for them.
 */
declare module "graphology-layout-forceatlas2/iterate.js" {
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
  /** One ForceAtlas2 step in place on the node matrix (10 floats a node, x and y first). */
  export default function iterate(settings: Required<ForceAtlas2Settings>, nodes: Float32Array, edges: Float32Array): void;
}

declare module "graphology-layout-forceatlas2/helpers.js" {
  import type Graph from "graphology";
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
  /** The node matrix in graph.forEachNode order (x, y, …, mass = 1 + weighted degree) and the edge matrix. */
  export function graphToByteArrays(graph: Graph, getEdgeWeight: () => number): { nodes: Float32Array; edges: Float32Array };
  /** The error of the first invalid setting, or null. */
  export function validateSettings(settings: ForceAtlas2Settings): { message: string } | null;
}

declare module "graphology-layout-forceatlas2/defaults.js" {
  import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";
  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}
