/**
 * Maps the embedded engine's result values to plain data: times as ISO strings, bigints as
 * numbers, nodes, relationships and paths as tagged objects that the query layer turns into a
 * graph without knowing the engine.
 */
import type { PlainNode, PlainRel } from "./plain-graph.ts";

interface KuzuId {
  offset: number;
  table: number;
}

const idKey = (id: KuzuId | null | undefined): string => (id ? `${id.table}:${id.offset}` : "");

/** Converts one value; `nodesByInternalId` collects nodes so relationships can name their ends. */
export function toPlain(value: unknown, nodesByInternalId: Map<string, PlainNode>, rels: PlainRel[]): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map((v) => toPlain(v, nodesByInternalId, rels));
  if (typeof value !== "object") return value;
  const o = value as Record<string, unknown>;
  if ("_nodes" in o && "_rels" in o) {
    const nodes = (o._nodes as unknown[]).map((n) => toPlain(n, nodesByInternalId, rels));
    const relsOut = (o._rels as unknown[]).map((r) => toPlain(r, nodesByInternalId, rels));
    return { _type: "path", nodes, rels: relsOut };
  }
  if ("_label" in o && "_id" in o && !("_src" in o)) {
    const node: PlainNode = {
      _type: "node",
      label: String(o._label),
      id: String(o.id ?? idKey(o._id as KuzuId)),
      properties: properties(o),
    };
    nodesByInternalId.set(idKey(o._id as KuzuId), node);
    return node;
  }
  if ("_src" in o && "_dst" in o) {
    const rel: PlainRel = {
      _type: "rel",
      type: String(o._label),
      source: idKey(o._src as KuzuId),
      target: idKey(o._dst as KuzuId),
      properties: properties(o),
    };
    rels.push(rel);
    return rel;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = toPlain(v, nodesByInternalId, rels);
  return out;
}

function properties(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k.startsWith("_") || v === null) continue;
    out[k] = v instanceof Date ? v.toISOString() : typeof v === "bigint" ? Number(v) : v;
  }
  return out;
}

/** Rewrites relationship ends from engine ids to `Label:id` keys once all nodes are known. */
export function resolveRelEnds(rels: PlainRel[], nodesByInternalId: Map<string, PlainNode>): void {
  for (const rel of rels) {
    const s = nodesByInternalId.get(rel.source);
    const t = nodesByInternalId.get(rel.target);
    rel.source = s ? `${s.label}:${s.id}` : "";
    rel.target = t ? `${t.label}:${t.id}` : "";
  }
}
