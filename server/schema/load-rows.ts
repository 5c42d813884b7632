/**
 * The rows the loaders take, derived from the graph description: for a node kind its key, the
 * start keys of relationships loaded with it (a refund's accountId, employeeId), then its
 * properties; for a relationship loaded on its own its two end fields, then its properties.
 * Both adapters stage and merge exactly these fields. Pure.
 */
import { RinglensError } from "../errors.ts";
import type { PropertyType } from "./graph-schema.ts";
import { graphSchema, type NodeSpec, type RelSpec } from "./graph-specs.ts";

export interface RowField {
  name: string;
  type: PropertyType;
}

export type RowShape =
  | { kind: string; node: NodeSpec; with: (RelSpec & { load: { own: false } })[]; fields: RowField[]; keyFields: string[] }
  | { kind: string; rel: RelSpec & { load: { own: true } }; fields: RowField[]; keyFields: string[] };

const shapes = new Map<string, RowShape>();

function derive(kind: string): RowShape {
  const schema = graphSchema();
  const node = schema.nodes.find((n) => n.label === kind);
  if (node) {
    const withRels = schema.rels.filter((r): r is RelSpec & { load: { own: false } } => r.load?.own === false && r.load.with === kind);
    for (const r of withRels) {
      if (r.to !== kind) throw new RinglensError("invalid-input", `graph schema: ${r.type} is loaded with ${kind} but does not end there`);
    }
    const [key, ...rest] = node.properties;
    const fields = [key!, ...withRels.map((r): RowField => ({ name: r.load.field, type: "string" })), ...rest];
    return { kind, node, with: withRels, fields, keyFields: [node.key] };
  }
  const rel = schema.rels.find((r): r is RelSpec & { load: { own: true } } => r.type === kind && r.load?.own === true);
  if (!rel) throw new RinglensError("invalid-input", `graph schema: ${kind} is neither a node kind nor a relationship loaded on its own`);
  const ends = rel.load.fields.map((name): RowField => ({ name, type: "string" }));
  return { kind, rel, fields: [...ends, ...rel.properties], keyFields: [...rel.load.fields, ...rel.load.mergeOn] };
}

/**
 * The row shape of one upsert kind.
 * @example rowShape("SHIPS_TO").keyFields // ["accountId", "addressId", "type"]
 */
export function rowShape(kind: string): RowShape {
  let shape = shapes.get(kind);
  if (!shape) {
    shape = derive(kind);
    shapes.set(kind, shape);
  }
  return shape;
}

/** The kinds input rows can be upserted as: node kinds fed by input files and relationships loaded on their own. */
export function loadedKinds(): string[] {
  const schema = graphSchema();
  const fromInput = (sources: readonly string[]) => sources.some((s) => s !== "analysis" && s !== "store" && s !== "investigation");
  return [
    ...schema.nodes.filter((n) => fromInput(n.keySource)).map((n) => n.label),
    ...schema.rels.filter((r) => r.load?.own === true).map((r) => r.type),
  ];
}
