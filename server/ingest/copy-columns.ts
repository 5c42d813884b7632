/**
 * The properties an input file feeds straight from one of its columns, read off the graph
 * description (each property's `source`, `file.column`) and converted to the property's type.
 * to-entities spreads these and writes by hand only what it normalises, so a plain property
 * added to the description is loaded with no change here. Pure.
 */
import { GRAPH, type NodeKind, type NodeProperties, type NodeRow, type PropertyDescription } from "../schema/graph-schema.ts";
import { FILE_KINDS, type FileKind } from "./file-specs.ts";
import type { CellValue } from "./validate-record.ts";

type Values = Record<string, CellValue>;
interface Copy {
  property: string;
  column: string;
  convert: (v: CellValue | undefined) => unknown;
}

/** Validation already gave each cell its rule's type (text, number, boolean); this keeps the described one or null. */
function converter(description: PropertyDescription): Copy["convert"] {
  const orDefault = (x: unknown) => x ?? description.default ?? null;
  switch (description.type) {
    case "string":
      return (v) => orDefault(v === null || v === undefined ? null : String(v));
    case "datetime":
    case "double":
    case "long":
      return (v) => orDefault(typeof v === "number" ? v : null);
    case "boolean":
      return (v) => orDefault(typeof v === "boolean" ? v : null);
    case "string[]":
      return (v) => orDefault(Array.isArray(v) ? v : null);
  }
}

function copiesOf(kind: NodeKind, file: FileKind): Copy[] {
  const properties = Object.entries(GRAPH.nodes[kind].properties) as [string, PropertyDescription][];
  return properties.flatMap(([property, description]) =>
    description.source
      .filter((source) => source.startsWith(`${file}.`))
      .map((source) => ({ property, column: source.slice(file.length + 1), convert: converter(description) })),
  );
}

// Worked out once per node kind and file at start-up: columnsOf runs for every input row.
const COPIES = new Map(
  (Object.keys(GRAPH.nodes) as NodeKind[]).map((kind) => [kind, new Map(FILE_KINDS.map((file) => [file, copiesOf(kind, file)]))]),
);

/**
 * Every property of `kind` that `file` feeds, from the record's columns.
 * @example columnsOf("Device", "devices", { device_id: "d1", ip: "10.0.0.1", user_agent: null }) // { ip: "10.0.0.1", userAgent: null }
 */
export function columnsOf<K extends NodeKind>(kind: K, file: FileKind, v: Values): NodeProperties<K> {
  const row: Record<string, unknown> = {};
  for (const { property, column, convert } of COPIES.get(kind)!.get(file)!) row[property] = convert(v[column]);
  return row as NodeProperties<K>;
}

/** A node of `kind` known only by its key (a payment named in identifiers.csv): every property empty. */
export function bareNode<K extends NodeKind>(kind: K, id: string): NodeRow<K> {
  const row: Record<string, unknown> = { id };
  const properties = Object.entries(GRAPH.nodes[kind].properties) as [string, PropertyDescription][];
  for (const [property, description] of properties) row[property] = description.default ?? null;
  return row as NodeRow<K>;
}
