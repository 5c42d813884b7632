/**
 * The graph description (graph-schema.ts) as lists the derivations walk: node and relationship
 * specs in description order, each property with its type, the key first. Checks on the way
 * that every name is a plain identifier (names are spliced into Cypher, DDL and CSV headers)
 * and that ends, merge keys and loads name what exists. Pure.
 */
import { RinglensError } from "../errors.ts";
import {
  GRAPH,
  PROPERTY_TYPES,
  type GraphNodeKind,
  type NodeKind,
  type PropertyDescription,
  type PropertyType,
  type RelKind,
} from "./graph-schema.ts";

export type { PropertyType };
export { PROPERTY_TYPES };

export interface PropertySpec {
  name: string;
  type: PropertyType;
  default?: string;
  source?: readonly string[];
}
export interface NodeSpec {
  label: string;
  key: string;
  /** Where the key comes from (input `file.column`s, or "analysis", "store"). */
  keySource: readonly string[];
  /** The key first, then the description's properties in order. */
  properties: PropertySpec[];
  indexes: readonly string[];
  counted: boolean;
}
/** How input rows create a relationship: a row kind of its own, or part of a node kind's rows. */
export type RelLoad =
  | { own: true; fields: readonly [string, string]; mergeOn: readonly string[] }
  | { own: false; with: string; field: string; optional: boolean; replace: boolean };
export interface RelSpec {
  type: string;
  from: string;
  to: string;
  properties: PropertySpec[];
  load?: RelLoad;
}
export interface GraphSchema {
  nodes: NodeSpec[];
  rels: RelSpec[];
}

type Properties = Readonly<Record<string, PropertyDescription>>;
type LoadDescription =
  | { fields: readonly string[]; mergeOn?: readonly string[] }
  | { with: string; field: string; optional?: boolean; replace?: boolean };
/** What graph-schema.ts's GRAPH is, loosely typed, so a test can hand in a broken one. */
export interface GraphDescription {
  nodes: Readonly<
    Record<string, { key: string; keySource: readonly string[]; indexes?: readonly string[]; counted?: boolean; properties: Properties }>
  >;
  rels: Readonly<Record<string, { from: string; to: string; load?: LoadDescription; properties: Properties }>>;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names end up in Cypher and CSV headers: only plain identifiers are accepted. */
function checkName(name: string): string {
  if (!NAME.test(name))
    throw new RinglensError(
      "invalid-input",
      `graph schema: "${name}" is not a plain identifier; rename it in server/schema/graph-schema.ts`,
    );
  return name;
}

function properties(owner: string, described: Properties): PropertySpec[] {
  return Object.entries(described).map(([name, d]) => {
    if (!PROPERTY_TYPES.includes(d.type))
      throw new RinglensError(
        "invalid-input",
        `graph schema: ${owner}.${name} has type ${String(d.type)}; use one of ${PROPERTY_TYPES.join(", ")}`,
      );
    return { name: checkName(name), type: d.type, source: d.source, ...(d.default === undefined ? {} : { default: d.default }) };
  });
}

function toLoad(type: string, load: LoadDescription | undefined, nodes: Map<string, NodeSpec>, props: PropertySpec[]): RelLoad | undefined {
  if (!load) return undefined;
  if ("with" in load) {
    if (!nodes.has(load.with))
      throw new RinglensError("invalid-input", `graph schema: ${type} is loaded with ${load.with}, which is not a node kind`);
    return { own: false, with: load.with, field: checkName(load.field), optional: load.optional ?? false, replace: load.replace ?? false };
  }
  if (load.fields.length !== 2) throw new RinglensError("invalid-input", `graph schema: ${type} must name two end fields`);
  const mergeOn = load.mergeOn ?? [];
  for (const m of mergeOn)
    if (!props.some((x) => x.name === m))
      throw new RinglensError("invalid-input", `graph schema: ${type} is merged on ${m}, which is not one of its properties`);
  return { own: true, fields: [checkName(load.fields[0]!), checkName(load.fields[1]!)], mergeOn };
}

/**
 * The specs of a description (GRAPH by default).
 * @example toGraphSchema().nodes[0].properties[0] // { name: "id", type: "string" }
 */
export function toGraphSchema(description: GraphDescription = GRAPH): GraphSchema {
  const nodes = Object.entries(description.nodes).map(([label, n]): NodeSpec => {
    const props = properties(label, n.properties);
    for (const i of n.indexes ?? [])
      if (!props.some((x) => x.name === i))
        throw new RinglensError("invalid-input", `graph schema: ${label} indexes ${i}, which is not one of its properties`);
    const key: PropertySpec = { name: n.key, type: "string", source: n.keySource };
    return {
      label: checkName(label),
      key: checkName(n.key),
      keySource: n.keySource,
      properties: [key, ...props],
      indexes: n.indexes ?? [],
      counted: n.counted ?? true,
    };
  });
  const byLabel = new Map(nodes.map((n) => [n.label, n]));
  const rels = Object.entries(description.rels).map(([type, r]): RelSpec => {
    for (const end of [r.from, r.to])
      if (!byLabel.has(end)) throw new RinglensError("invalid-input", `graph schema: ${type} ends at ${end}, which is not a node kind`);
    const props = properties(type, r.properties);
    const load = toLoad(type, r.load, byLabel, props);
    return { type: checkName(type), from: r.from, to: r.to, properties: props, ...(load ? { load } : {}) };
  });
  return { nodes, rels };
}

const SCHEMA = toGraphSchema();

/** The stored graph's specs, derived once from GRAPH. */
export function graphSchema(): GraphSchema {
  return SCHEMA;
}

export function nodeSpec(label: NodeKind | string): NodeSpec {
  const spec = SCHEMA.nodes.find((n) => n.label === label);
  if (!spec) throw new RinglensError("invalid-input", `graph schema: no node kind ${label}`);
  return spec;
}

export function relSpec(type: RelKind | string): RelSpec {
  const spec = SCHEMA.rels.find((r) => r.type === type);
  if (!spec) throw new RinglensError("invalid-input", `graph schema: no relationship type ${type}`);
  return spec;
}

/** Node labels of the graph proper, in description order: what the store counts and the API serves (Meta left out). */
export const NODE_LABELS: readonly GraphNodeKind[] = SCHEMA.nodes.filter((n) => n.counted).map((n) => n.label as GraphNodeKind);
export const REL_TYPES: readonly RelKind[] = SCHEMA.rels.map((r) => r.type as RelKind);

/**
 * The default the description gives a property: what a store reading an empty value takes.
 * @example propertyDefault("Refund", "status") // "approved"
 */
export function propertyDefault(label: NodeKind, property: string): string {
  const found = nodeSpec(label).properties.find((x) => x.name === property)?.default;
  if (found === undefined) throw new RinglensError("invalid-input", `graph schema: ${label}.${property} has no default`);
  return found;
}
