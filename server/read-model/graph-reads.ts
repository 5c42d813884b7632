/**
 * Graph-shaped reads for the viewer: one ring's subgraph (members, their identifiers of every
 * kind, their support contacts and the identifiers those came from, refunds and approvers,
 * with insiders and hubs marked) and one node's neighbourhood. The
 * statements are cypher/reads/*.cypher; a node type fills a label slot only after checkNodeType,
 * ids travel as parameters.
 */
import { RinglensError } from "../errors.ts";
import type { GraphStore } from "../store/graph-store.ts";
import { readMeta } from "../store/meta.ts";
import type { WireGraph, WireNodeAttributes } from "../../wire/wire-types.ts";
import type { HubUse } from "../domain/analysis-types.ts";
import { toWireGraph } from "../queries/to-wire-graph.ts";
import type { PlainNode } from "../store/plain-graph.ts";
import { toNodeAttributes } from "../queries/to-wire-graph.ts";
import { CONTACT_LINK_KINDS, IDENTIFIER_KINDS, nodeLabelOf } from "../domain/model.ts";
import { NODE_LABELS } from "../schema/graph-specs.ts";
import type { GraphNodeKind } from "../schema/graph-schema.ts";
import { cypher, withSlots, type CypherText } from "../cypher/cypher-files.ts";
import { type GraphVariable, type NodeColumns, type RelColumns, nodeColumnsOf, plainFromColumns, relColumnsOf } from "./graph-columns.ts";

/** The node types the viewer asks for: the node kinds of the graph description (the `node-label` slot domain; Meta, bookkeeping, left out). */
export const NODE_TYPES = NODE_LABELS;
export type NodeType = GraphNodeKind;

export function checkNodeType(type: string): NodeType {
  const found = NODE_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
  if (!found) throw new RinglensError("not-found", `unknown node type "${type}"; use one of ${NODE_TYPES.join(", ")}`);
  return found;
}

/** One statement of a ring's graph, with the nodes and relationships its columns hold. */
export interface RingGraphRead {
  text: CypherText;
  nodes: NodeColumns[];
  rels: RelColumns[];
}

/**
 * The statements of a ring's graph, in the order their nodes enter it (members first, so a
 * graph cut at its limit keeps them): members, identifiers of each kind, refunds, contacts,
 * the contacting parties of each kind. The member (`a`) and the contact (`c`) are read whole
 * once; later statements give only their keys, which end relationships.
 */
export function ringGraphReads(): readonly RingGraphRead[] {
  // Built once: filling the column slots checks them against their domains, every column list
  // of every label, which a request should not redo for each of its 14 statements.
  reads ??= buildRingGraphReads();
  return reads;
}

let reads: readonly RingGraphRead[] | undefined;

function buildRingGraphReads(): RingGraphRead[] {
  const filled = (name: string, slots: Record<string, string>) => withSlots(cypher(`reads/${name}`), slots);
  const key = (v: GraphVariable, label: string): NodeColumns => ({ v, label, keyOnly: true });
  // From a node known by its key over one relationship (`v`, of type `rel`) to a whole node `x`.
  const hop = (name: string, from: NodeColumns, v: GraphVariable, rel: string, label: string): RingGraphRead => ({
    text: filled(name, { rel, label, [`${v}Columns`]: relColumnsOf(v, rel), xColumns: nodeColumnsOf("x", label) }),
    nodes: [from, { v: "x", label }],
    rels: [{ v, type: rel, from: from.v, to: "x" }],
  });
  return [
    {
      text: filled("ring-graph-members", { aColumns: nodeColumnsOf("a", "Account") }),
      nodes: [{ v: "a", label: "Account" }],
      rels: [],
    },
    ...IDENTIFIER_KINDS.map((k) => hop("ring-graph-identifiers", key("a", "Account"), "s", k.rel, k.label)),
    {
      text: filled("ring-graph-refunds", {
        qColumns: relColumnsOf("q", "REQUESTED"),
        fColumns: nodeColumnsOf("f", "Refund"),
        pColumns: relColumnsOf("p", "APPROVED"),
        eColumns: nodeColumnsOf("e", "Employee"),
      }),
      nodes: [key("a", "Account"), { v: "f", label: "Refund" }, { v: "e", label: "Employee" }],
      rels: [
        { v: "q", type: "REQUESTED", from: "a", to: "f" },
        { v: "p", type: "APPROVED", from: "e", to: "f" },
      ],
    },
    {
      text: filled("ring-graph-contacts", { hColumns: relColumnsOf("h", "HAS_CONTACT"), cColumns: nodeColumnsOf("c", "Contact") }),
      nodes: [key("a", "Account"), { v: "c", label: "Contact" }],
      rels: [{ v: "h", type: "HAS_CONTACT", from: "a", to: "c" }],
    },
    ...CONTACT_LINK_KINDS.map((k) => hop("ring-graph-contact-parties", key("c", "Contact"), "f", k.rel, k.node)),
  ];
}

export async function ringGraph(store: GraphStore, id: string, limit: number, timeoutMs: number): Promise<WireGraph> {
  const ring = await store.query(cypher("reads/ring-hubs"), { id }, { timeoutMs });
  if (!ring.rows[0]) throw new RinglensError("not-found", `ring ${id} does not exist (list rings at /api/rings)`);
  const hubs = new Set((JSON.parse(String(ring.rows[0].hubs ?? "[]")) as HubUse[]).map((h) => `${nodeLabelOf(h.kind)}:${h.identifierId}`));
  // One statement per identifier kind (see cypher/reads/ring-graph-identifiers.cypher for why).
  const [parts, suspects] = await Promise.all([
    Promise.all(
      ringGraphReads().map((read) =>
        store.query(read.text, { id }, { timeoutMs }).then((r) => plainFromColumns(r.rows, read.nodes, read.rels)),
      ),
    ),
    store.query(cypher("reads/ring-suspects"), { id }, { timeoutMs }).then((r) => r.rows),
  ]);
  const insiders = new Set(suspects.map((r) => `Employee:${r.id}`));
  const graph = toWireGraph(parts.flat(), limit);
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
  const { rows } = await store.query(withSlots(cypher("reads/node"), { label }), { id }, { timeoutMs });
  const node = rows[0]?.n as PlainNode | undefined;
  if (!node) throw new RinglensError("not-found", `${label} ${id} does not exist`);
  return toNodeAttributes(node);
}

export async function neighbours(
  store: GraphStore,
  type: string,
  id: string,
  depth: 1 | 2,
  limit: number,
  timeoutMs: number,
): Promise<WireGraph> {
  const label = checkNodeType(type);
  const self = await getNode(store, label, id, timeoutMs);
  const text = withSlots(cypher(depth === 1 ? "reads/neighbours-1" : "reads/neighbours-2"), { label });
  const { rows } = await store.query(text, { id, limit }, { timeoutMs });
  const graph = toWireGraph(rows, limit);
  // A node without relationships still belongs in its own neighbourhood.
  if (!graph.nodes.some((n) => n.key === `${label}:${id}`)) graph.nodes.unshift({ key: `${label}:${id}`, attributes: self });
  await markSuspects(store, graph, timeoutMs);
  return { ...graph, truncated: graph.truncated || rows.length >= limit };
}

/**
 * Marks, outside ring views, employees suspected in any ring and identifiers the last analysis
 * treated as hubs (more accounts than its threshold, directly or through support contacts).
 */
async function markSuspects(store: GraphStore, graph: WireGraph, timeoutMs: number): Promise<void> {
  const idsOf = (type: string) => graph.nodes.filter((n) => n.attributes.type === type).map((n) => n.attributes.id);
  const byKey = new Map(graph.nodes.map((n) => [n.key, n.attributes]));
  const employees = idsOf("Employee");
  if (employees.length > 0) {
    const { rows } = await store.query(cypher("reads/suspected-employees"), { ids: employees }, { timeoutMs });
    for (const r of rows) byKey.get(`Employee:${r.id}`)!.insider = true;
  }
  const summary = await readMeta(store, "lastAnalysis");
  if (!summary?.hubThreshold) return;
  for (const { label, rel } of IDENTIFIER_KINDS) {
    const ids = idsOf(label);
    if (ids.length === 0) continue;
    const { rows } = await store.query(
      withSlots(cypher("reads/hub-identifiers"), { label, rel }),
      { ids, threshold: summary.hubThreshold },
      { timeoutMs },
    );
    for (const r of rows) byKey.get(`${label}:${r.id}`)!.hub = true;
  }
  // A store kiosk is a hub through the contacts made from it, whatever accounts do with it.
  for (const { node, rel } of CONTACT_LINK_KINDS) {
    const ids = idsOf(node);
    if (ids.length === 0) continue;
    const { rows } = await store.query(
      withSlots(cypher("reads/contact-hub-identifiers"), { label: node, rel }),
      { ids, threshold: summary.hubThreshold },
      { timeoutMs },
    );
    for (const r of rows) byKey.get(`${node}:${r.id}`)!.hub = true;
  }
}
