/**
 * Collects the nodes and relationships found anywhere in query rows (plain values from the
 * stores) into the viewer's graph format, deduplicated by key.
 */
import type { WireGraph, WireNodeAttributes } from "../../wire/wire-types.ts";
import type { PlainNode, PlainRel } from "../store/plain-graph.ts";

export function toWireGraph(rows: readonly unknown[], limit = 5_000): WireGraph {
  const nodes = new Map<string, WireNodeAttributes>();
  const edges = new Map<string, WireGraph["edges"][number]>();
  let truncated = false;
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const v = value as Record<string, unknown>;
    if (v._type === "node") {
      const n = v as unknown as PlainNode;
      const key = `${n.label}:${n.id}`;
      if (!nodes.has(key)) {
        if (nodes.size >= limit) {
          truncated = true;
          return;
        }
        nodes.set(key, toNodeAttributes(n));
      }
      return;
    }
    if (v._type === "rel") {
      const r = v as unknown as PlainRel;
      if (!r.source || !r.target) return;
      const key = `${r.source}-${r.type}->${r.target}`;
      edges.set(key, { key, source: r.source, target: r.target, attributes: { type: r.type, properties: r.properties } });
      return;
    }
    Object.values(v).forEach(visit);
  };
  rows.forEach(visit);
  return {
    nodes: [...nodes].map(([key, attributes]) => ({ key, attributes })),
    edges: [...edges.values()].filter((e) => nodes.has(e.source) && nodes.has(e.target)),
    truncated,
  };
}

/** Display label per type: the most telling property for an analyst. */
export function toNodeAttributes(n: PlainNode): WireNodeAttributes {
  const p = n.properties;
  const label =
    n.label === "Address"
      ? [p.line1, p.city, p.country].filter(Boolean).join(", ")
      : n.label === "Refund"
        ? `${p.item ?? p.category ?? n.id} ${typeof p.amount === "number" ? p.amount.toFixed(0) : ""} ${p.currency ?? ""}`.trim()
        : n.label === "Employee" || n.label === "Account"
          ? String(p.name ?? n.id)
          : n.id;
  return { type: n.label, id: n.id, label: label || n.id, properties: p };
}
