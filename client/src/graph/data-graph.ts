/**
 * The data graph the viewer works on: graphology nodes and edges carrying the API's data
 * (entity kind, id, label, value, flags, properties) and layout positions, nothing about
 * display. Colours, sizes, shapes and highlighting are computed by the reducers.
 */
import Graph from "graphology";

/** Refunds folded into an account when refunds are hidden. */
export interface FoldedRefunds {
  count: number;
  value: number;
  noReturn: number;
}

export interface NodeData {
  /** Entity type: Account, Address, Device, Employee, Refund, Ring (or another the API adds). */
  kind: string;
  /** The entity's id within its kind; the node key is `${kind}:${entityId}`. */
  entityId: string;
  label: string;
  /** Refunded value behind the node (server-provided, or the sum of folded refunds). */
  value: number | null;
  insider: boolean;
  hub: boolean;
  ringMember: boolean;
  properties: Record<string, unknown>;
  folded: FoldedRefunds | null;
  x: number;
  y: number;
}

export interface EdgeData {
  /** Relationship type: SHIPS_TO, USES, REQUESTED, APPROVED, MEMBER_OF, SUSPECTED_IN. */
  rel: string;
  properties: Record<string, unknown>;
  /** How many relationships this edge stands for (more than one once refunds are folded). */
  count: number;
}

export type DataGraph = Graph<NodeData, EdgeData>;

export function createDataGraph(): DataGraph {
  return new Graph<NodeData, EdgeData>({ type: "directed", multi: true, allowSelfLoops: false });
}

/** `Account:A1` → { kind: "Account", id: "A1" } (ids may themselves contain colons). */
export function parseNodeKey(key: string): { kind: string; id: string } | null {
  const at = key.indexOf(":");
  if (at <= 0 || at === key.length - 1) return null;
  return { kind: key.slice(0, at), id: key.slice(at + 1) };
}

export function nodeKey(kind: string, id: string): string {
  return `${kind}:${id}`;
}
