/**
 * Builds the data graph from the API's WireGraph — the one place wire attributes become
 * graph attributes. Optionally folds refunds into the accounts that requested them (the
 * refund's approver is then linked to the account). Positions are left for place-nodes.ts.
 */
import type { WireGraph, WireNodeAttributes } from "../../../wire/wire-types.ts";
import { createDataGraph, type DataGraph, type NodeData } from "./data-graph.ts";

export interface ToGraphOptions {
  foldRefunds: boolean;
  /** Nodes to leave out, e.g. the open ring's own Ring node, whose MEMBER_OF star says nothing new. */
  omit?: ReadonlySet<string>;
}

function toNodeData(attributes: WireNodeAttributes): NodeData {
  return {
    kind: String(attributes.type),
    entityId: String(attributes.id),
    label: String(attributes.label ?? attributes.id),
    value: typeof attributes.value === "number" ? attributes.value : null,
    insider: attributes.insider === true,
    hub: attributes.hub === true,
    ringMember: attributes.ringMember === true,
    properties: attributes.properties ?? {},
    folded: null,
    x: Number.NaN,
    y: Number.NaN,
  };
}

/** Refund key → account key, for refunds whose requesting account is in the graph. */
function refundOwners(wire: WireGraph, kinds: Map<string, string>): Map<string, string> {
  const owners = new Map<string, string>();
  for (const edge of wire.edges) {
    if (edge.attributes.type !== "REQUESTED") continue;
    if (kinds.get(edge.target) === "Refund" && kinds.get(edge.source) === "Account") {
      owners.set(edge.target, edge.source);
    }
  }
  return owners;
}

/**
 * @example toGraph(await api.ringGraph("R1"), { foldRefunds: true }).order
 */
export function toGraph(wire: WireGraph, options: ToGraphOptions): DataGraph {
  const graph = createDataGraph();
  const kinds = new Map(wire.nodes.map((n) => [n.key, String(n.attributes.type)] as const));
  const owners = options.foldRefunds ? refundOwners(wire, kinds) : new Map<string, string>();

  for (const { key, attributes } of wire.nodes) {
    if (owners.has(key) || graph.hasNode(key) || options.omit?.has(key)) continue;
    graph.addNode(key, toNodeData(attributes));
  }
  for (const { key: refund, attributes } of wire.nodes) {
    const owner = owners.get(refund);
    if (!owner || !graph.hasNode(owner)) continue;
    const account = graph.getNodeAttributes(owner);
    const folded = account.folded ?? { count: 0, value: 0, noReturn: 0 };
    folded.count += 1;
    folded.value += Number(attributes.properties?.amount ?? attributes.value ?? 0) || 0;
    if (attributes.properties?.returned === false) folded.noReturn += 1;
    graph.mergeNodeAttributes(owner, { folded, value: account.value ?? folded.value });
  }

  for (const { key, source, target, attributes } of wire.edges) {
    const from = owners.get(source) ?? source;
    const to = owners.get(target) ?? target;
    if (from === to || !graph.hasNode(from) || !graph.hasNode(to)) continue;
    const foldedEdge = from !== source || to !== target;
    const edgeKey = foldedEdge ? `fold:${attributes.type}:${from}->${to}` : key;
    if (graph.hasEdge(edgeKey)) {
      graph.updateEdgeAttribute(edgeKey, "count", (count) => (count ?? 0) + 1);
      continue;
    }
    // A SUSPECTED_IN relationship is the suspicion itself: neighbourhoods carry no insider flag.
    if (attributes.type === "SUSPECTED_IN") graph.setNodeAttribute(from, "insider", true);
    graph.addDirectedEdgeWithKey(edgeKey, from, to, {
      rel: String(attributes.type),
      properties: foldedEdge ? {} : (attributes.properties ?? {}),
      count: 1,
    });
  }
  return graph;
}
