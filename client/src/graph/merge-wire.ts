/**
 * Accumulates wire graphs: the answer of "expand neighbours" is merged into what is on
 * screen. Nodes and edges are deduplicated by key; flags a node already had (insider, hub,
 * ring member, from the ring's own answer) are kept.
 */
import type { WireGraph, WireNodeAttributes } from "../../../wire/wire-types.ts";

function mergeAttributes(old: WireNodeAttributes, next: WireNodeAttributes): WireNodeAttributes {
  return {
    ...next,
    ...old,
    insider: old.insider || next.insider,
    hub: old.hub || next.hub,
    ringMember: old.ringMember || next.ringMember,
    properties: { ...next.properties, ...old.properties },
  };
}

/** @example mergeWire(ringGraph, await api.neighbors("Device", "D7")).nodes.length */
export function mergeWire(base: WireGraph, addition: WireGraph): WireGraph {
  const nodes = new Map(base.nodes.map((n) => [n.key, n] as const));
  for (const node of addition.nodes) {
    const old = nodes.get(node.key);
    nodes.set(node.key, old ? { key: node.key, attributes: mergeAttributes(old.attributes, node.attributes) } : node);
  }
  const edges = new Map(base.edges.map((e) => [e.key, e] as const));
  for (const edge of addition.edges) if (!edges.has(edge.key)) edges.set(edge.key, edge);
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    truncated: base.truncated || addition.truncated,
  };
}

/** Keys of nodes in `addition` that `base` did not have. */
export function newNodeKeys(base: WireGraph, addition: WireGraph): string[] {
  const known = new Set(base.nodes.map((n) => n.key));
  return addition.nodes.map((n) => n.key).filter((key) => !known.has(key));
}

export const EMPTY_WIRE: WireGraph = { nodes: [], edges: [], truncated: false };
