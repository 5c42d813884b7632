/**
 * Graph-shaped reads for the viewer: one ring's subgraph (members, their identifiers of every
 * kind, refunds and approvers, with insiders and hubs marked) and one node's neighbourhood. Node
 * types are checked against a whitelist before they shape a query; ids travel as parameters.
 */
import { RinglensError } from "../errors.ts";
import type { GraphStore } from "../store/graph-store.ts";
import type { WireGraph, WireNodeAttributes } from "../api/wire-types.ts";
import type { HubUse } from "../domain/analysis/types.ts";
import { toWireGraph } from "../queries/to-wire-graph.ts";
import type { PlainNode } from "../store/plain-graph.ts";
import { toNodeAttributes } from "../queries/to-wire-graph.ts";
import { IDENTIFIER_KINDS } from "../domain/model.ts";
import { NODE_LABELS } from "../schema/graph-specs.ts";
import type { GraphNodeKind } from "../schema/graph-schema.ts";

/** `SHIPS_TO|USES|…`: every identifier relationship type, from IDENTIFIER_KINDS. */
const IDENTIFIER_RELS = IDENTIFIER_KINDS.map((k) => k.rel).join("|");

/** The node kinds of the graph description (Meta, bookkeeping, left out). */
export const NODE_TYPES = NODE_LABELS;
export type NodeType = GraphNodeKind;

export function checkNodeType(type: string): NodeType {
  const found = NODE_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
  if (!found) throw new RinglensError("not-found", `unknown node type "${type}"; use one of ${NODE_TYPES.join(", ")}`);
  return found;
}

export async function ringGraph(store: GraphStore, id: string, limit: number, timeoutMs: number): Promise<WireGraph> {
  const ring = await store.query("MATCH (r:Ring {id: $id}) RETURN r.hubs AS hubs", { id }, { timeoutMs });
  if (!ring.rows[0]) throw new RinglensError("not-found", `ring ${id} does not exist (list rings at /api/rings)`);
  const hubs = new Set((JSON.parse(String(ring.rows[0].hubs ?? "[]")) as HubUse[]).map((h) => `${h.kind}:${h.identifierId}`));
  const members = "MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})";
  const [identifiers, refunds, suspects] = await Promise.all([
    // Every identifier kind is shown, linking or not (an IP shared by a ring is worth seeing); one query for all kinds.
    // Ordered, so a graph cut at `limit` keeps the same nodes on every engine and every run.
    store.query(`${members} OPTIONAL MATCH (a)-[s:${IDENTIFIER_RELS}]->(x) RETURN a, s, x ORDER BY a.id, x.id`, { id }, { timeoutMs }),
    store.query(`${members} MATCH (a)-[q:REQUESTED]->(f:Refund) OPTIONAL MATCH (e:Employee)-[p:APPROVED]->(f) RETURN a, q, f, p, e ORDER BY a.id, f.id`, { id }, { timeoutMs }),
    store.query("MATCH (e:Employee)-[:SUSPECTED_IN]->(:Ring {id: $id}) RETURN e.id AS id", { id }, { timeoutMs }),
  ]);
  const insiders = new Set(suspects.rows.map((r) => `Employee:${r.id}`));
  const graph = toWireGraph([...identifiers.rows, ...refunds.rows], limit);
  for (const node of graph.nodes) {
    const a = node.attributes;
    if (a.type === "Account") a.ringMember = true;
    if (insiders.has(node.key)) a.insider = true;
    if (hubs.has(node.key)) a.hub = true;
  }
  addValues(graph);
  return graph;
}

/** Refunded value per node: a refund's amount, an account's refunds, an employee's approvals in view. */
function addValues(graph: WireGraph): void {
  const byKey = new Map(graph.nodes.map((n) => [n.key, n.attributes]));
  for (const n of graph.nodes) if (n.attributes.type === "Refund") n.attributes.value = Number(n.attributes.properties.amount ?? 0);
  for (const e of graph.edges) {
    const refund = byKey.get(e.target);
    const from = byKey.get(e.source);
    if (!refund || !from || refund.type !== "Refund") continue;
    from.value = (from.value ?? 0) + (refund.value ?? 0);
  }
}

export async function getNode(store: GraphStore, type: string, id: string, timeoutMs: number): Promise<WireNodeAttributes> {
  const label = checkNodeType(type);
  const { rows } = await store.query(`MATCH (n:${label} {id: $id}) RETURN n`, { id }, { timeoutMs });
  const node = rows[0]?.n as PlainNode | undefined;
  if (!node) throw new RinglensError("not-found", `${label} ${id} does not exist`);
  return toNodeAttributes(node);
}

export async function neighbours(store: GraphStore, type: string, id: string, depth: 1 | 2, limit: number, timeoutMs: number): Promise<WireGraph> {
  const label = checkNodeType(type);
  const self = await getNode(store, label, id, timeoutMs);
  // Ordered before the limit, so a cut neighbourhood holds the same nodes on every engine.
  const text = depth === 1
    ? `MATCH (n:${label} {id: $id})-[e]-(m) RETURN n, e, m ORDER BY m.id LIMIT $limit`
    : `MATCH (n:${label} {id: $id})-[e]-(m) OPTIONAL MATCH (m)-[e2]-(k) RETURN n, e, m, e2, k ORDER BY m.id, k.id LIMIT $limit`;
  const { rows } = await store.query(text, { id, limit }, { timeoutMs });
  const graph = toWireGraph(rows, limit);
  // A node without relationships still belongs in its own neighbourhood.
  if (!graph.nodes.some((n) => n.key === `${label}:${id}`)) graph.nodes.unshift({ key: `${label}:${id}`, attributes: self });
  await markSuspects(store, graph, timeoutMs);
  return { ...graph, truncated: graph.truncated || rows.length >= limit };
}

/**
 * Marks, outside ring views, employees suspected in any ring and identifiers the last analysis
 * treated as hubs (more accounts than its threshold).
 */
async function markSuspects(store: GraphStore, graph: WireGraph, timeoutMs: number): Promise<void> {
  const idsOf = (type: string) => graph.nodes.filter((n) => n.attributes.type === type).map((n) => n.attributes.id);
  const byKey = new Map(graph.nodes.map((n) => [n.key, n.attributes]));
  const employees = idsOf("Employee");
  if (employees.length > 0) {
    const { rows } = await store.query("MATCH (e:Employee)-[:SUSPECTED_IN]->(:Ring) WHERE e.id IN $ids RETURN DISTINCT e.id AS id", { ids: employees }, { timeoutMs });
    for (const r of rows) byKey.get(`Employee:${r.id}`)!.insider = true;
  }
  const summary = JSON.parse((await store.getMeta("lastAnalysis")) ?? "null") as { hubThreshold?: number } | null;
  if (!summary?.hubThreshold) return;
  for (const { label, rel } of IDENTIFIER_KINDS) {
    const ids = idsOf(label);
    if (ids.length === 0) continue;
    const { rows } = await store.query(
      `MATCH (x:${label})<-[:${rel}]-(a:Account) WHERE x.id IN $ids WITH x, count(a) AS users WHERE users > $threshold RETURN x.id AS id`,
      { ids, threshold: summary.hubThreshold }, { timeoutMs });
    for (const r of rows) byKey.get(`${label}:${r.id}`)!.hub = true;
  }
}
