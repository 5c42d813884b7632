/**
 * Nodes and relationships a graph read returns as columns (`x_id, x_ip, …`, one per property of
 * the graph schema) rather than as whole values, and their reassembly into the plain shapes
 * toWireGraph collects. Why: the embedded engine's Node binding turns a whole node or
 * relationship into a JS object at ~7 µs each, a scalar column at well under 1 µs (a
 * 1,500-account ring's 15,000 device rows: 280 ms as nodes, 45 ms as columns). Pure.
 */
import { nodeSpec, relSpec } from "../schema/graph-specs.ts";
import type { PlainNode, PlainRel } from "../store/plain-graph.ts";

/** The variables graph reads bind (the slot domains are built from these, so a column list names one of them). */
export const GRAPH_VARIABLES = ["a", "c", "e", "f", "h", "p", "q", "s", "x"] as const;
export type GraphVariable = (typeof GRAPH_VARIABLES)[number];

/** A node bound to `v`, of `label`; `keyOnly`: only its key is read, to end relationships (another read gives the node). */
export interface NodeColumns {
  v: GraphVariable;
  label: string;
  keyOnly?: boolean;
}

/** A relationship bound to `v`, of `type`, from the node bound to `from` to the one bound to `to`. */
export interface RelColumns {
  v: GraphVariable;
  type: string;
  from: GraphVariable;
  to: GraphVariable;
}

const column = (v: string, property: string) => `${v}_${property}`;

/**
 * `x.id AS x_id, x.ip AS x_ip, …`: every property of `label`, the key first.
 * @example nodeColumnsOf("x", "Device") // "x.id AS x_id, x.ip AS x_ip, x.userAgent AS x_userAgent"
 */
export function nodeColumnsOf(v: GraphVariable, label: string): string {
  return nodeSpec(label)
    .properties.map((p) => `${v}.${p.name} AS ${column(v, p.name)}`)
    .join(", ");
}

/**
 * `, s.firstSeen AS s_firstSeen, …`, or nothing for a type without properties: written after
 * another column list, so a type without properties leaves no dangling comma.
 */
export function relColumnsOf(v: GraphVariable, type: string): string {
  return relSpec(type)
    .properties.map((p) => `, ${v}.${p.name} AS ${column(v, p.name)}`)
    .join("");
}

/** The properties in `row` under `columns` (nulls left out, as a whole node's are). */
function propertiesOf(row: Record<string, unknown>, names: readonly string[], columns: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) {
    const value = row[columns[i]!];
    if (value !== null && value !== undefined) out[names[i]!] = value;
  }
  return out;
}

/**
 * Reads rows of columns back into plain nodes and relationships. A node whose key is null (an
 * OPTIONAL MATCH that found nothing) is left out, and so is a relationship with an end left out.
 * @example plainFromColumns(rows, [{ v: "a", label: "Account" }, { v: "x", label: "Device" }], [{ v: "s", type: "USES", from: "a", to: "x" }])
 */
export function plainFromColumns(
  rows: readonly Record<string, unknown>[],
  nodes: readonly NodeColumns[],
  rels: readonly RelColumns[] = [],
): (PlainNode | PlainRel)[] {
  // Column names worked out once, not per row: a large ring's graph is tens of thousands of rows.
  const nodeShapes = nodes.map((n) => {
    const spec = nodeSpec(n.label);
    const names = spec.properties.map((p) => p.name);
    return { ...n, keyColumn: column(n.v, spec.key), names, columns: names.map((name) => column(n.v, name)) };
  });
  const relShapes = rels.map((r) => {
    const names = relSpec(r.type).properties.map((p) => p.name);
    return {
      ...r,
      from: nodes.findIndex((n) => n.v === r.from),
      to: nodes.findIndex((n) => n.v === r.to),
      names,
      columns: names.map((name) => column(r.v, name)),
    };
  });
  const out: (PlainNode | PlainRel)[] = [];
  const keys: (string | undefined)[] = new Array(nodeShapes.length);
  for (const row of rows) {
    for (let i = 0; i < nodeShapes.length; i++) {
      const n = nodeShapes[i]!;
      const id = row[n.keyColumn];
      if (id === null || id === undefined) {
        keys[i] = undefined;
        continue;
      }
      keys[i] = `${n.label}:${id}`;
      if (!n.keyOnly) out.push({ _type: "node", label: n.label, id: String(id), properties: propertiesOf(row, n.names, n.columns) });
    }
    for (const r of relShapes) {
      const source = keys[r.from];
      const target = keys[r.to];
      if (!source || !target) continue;
      out.push({ _type: "rel", type: r.type, source, target, properties: propertiesOf(row, r.names, r.columns) });
    }
  }
  return out;
}
