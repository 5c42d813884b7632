/**
 * Text formats for moving a graph into Neo4j, pure and typed by the graph schema: Cypher
 * literals (strings escaped so any text stays a value), `UNWIND [...] AS row MERGE …` batches
 * for a cypher-shell script, and neo4j-admin CSV headers, cells and the import command.
 * Names come only from the graph description (plain identifiers, checked by graph-specs.ts);
 * values only become literals here.
 */
import type { NodeSpec, PropertySpec, PropertyType, RelSpec } from "../schema/graph-specs.ts";

/** What the export needs of a node kind: its label, key and properties (a test probe is one too). */
export type NodeShape = Pick<NodeSpec, "label" | "key" | "properties">;

export const ARRAY_DELIMITER = ";";

/**
 * A Cypher string literal: single-quoted, with backslash, quote, line breaks, tabs, control
 * characters and lone surrogates escaped; other Unicode kept as is (the file is UTF-8).
 * @example cypherString("O'Brien\\n") // "'O\\'Brien\\\\n'"
 */
export function cypherString(text: string): string {
  let out = "'";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === "'") out += "\\'";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff) || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    } else out += ch;
  }
  return `${out}'`;
}

/** A literal of a stored value of `type`; throws naming the property when the value does not fit. */
export function cypherLiteral(value: unknown, property: PropertySpec): string {
  const fail = (): never => {
    throw new Error(`export: property ${property.name} (${property.type}) cannot hold ${JSON.stringify(value)?.slice(0, 60)}`);
  };
  switch (property.type) {
    case "string":
      return typeof value === "string" ? cypherString(value) : fail();
    case "boolean":
      return typeof value === "boolean" ? String(value) : fail();
    case "long":
      return (typeof value === "number" && Number.isSafeInteger(value)) || (typeof value === "string" && /^-?\d+$/.test(value))
        ? String(value)
        : fail();
    case "double":
      return typeof value === "number" ? floatLiteral(value) : fail();
    case "datetime":
      return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? `datetime(${cypherString(value)})` : fail();
    case "string[]":
      return Array.isArray(value) && value.every((v) => typeof v === "string") ? `[${value.map(cypherString).join(", ")}]` : fail();
  }
}

function floatLiteral(n: number): string {
  if (Number.isNaN(n)) return "0.0 / 0.0";
  // String(-0) is "0": the sign of a negative zero would be lost.
  if (Object.is(n, -0)) return "-0.0";
  if (!Number.isFinite(n)) return n > 0 ? "1.0 / 0.0" : "-1.0 / 0.0";
  const text = String(n);
  if (/e/i.test(text)) return text.replace("e+", "e").replace(/^(-?\d+)e/, "$1.0e");
  return Number.isInteger(n) ? `${text}.0` : text;
}

/** `{name: literal, …}` of the non-null properties of a row. */
function cypherMap(row: Record<string, unknown>, properties: PropertySpec[]): string {
  const entries = properties
    .filter((p) => row[p.name] !== null && row[p.name] !== undefined)
    .map((p) => `${p.name}: ${cypherLiteral(row[p.name], p)}`);
  return `{${entries.join(", ")}}`;
}

/** One statement merging a batch of nodes on their key and setting their properties. */
export function nodeBatchStatement(spec: NodeShape, rows: Record<string, unknown>[]): string {
  const list = rows.map((r) => cypherMap(r, spec.properties)).join(",\n  ");
  return `UNWIND [\n  ${list}\n] AS row\nMERGE (n:${spec.label} {${spec.key}: row.${spec.key}}) SET n += row;\n`;
}

/** One statement merging a batch of relationships between nodes found by key; rows carry startId and endId. */
export function relBatchStatement(rel: RelSpec, from: NodeShape, to: NodeShape, rows: Record<string, unknown>[]): string {
  const hasProps = rel.properties.length > 0;
  const list = rows
    .map((r) => {
      const ends = `${cypherString(String(r.startId))}, ${cypherString(String(r.endId))}`;
      return hasProps ? `[${ends}, ${cypherMap(r, rel.properties)}]` : `[${ends}]`;
    })
    .join(",\n  ");
  // Merged on the properties the stores' upserts merge on (SHIPS_TO's type) as well as its ends.
  const keys = (rel.load?.own ? rel.load.mergeOn : []).map((k) => `${k}: row[2].${k}`).join(", ");
  return (
    `UNWIND [\n  ${list}\n] AS row\nMATCH (a:${from.label} {${from.key}: row[0]}) MATCH (b:${to.label} {${to.key}: row[1]})\n` +
    `MERGE (a)-[r:${rel.type}${keys ? ` {${keys}}` : ""}]->(b)${hasProps ? " SET r += row[2]" : ""};\n`
  );
}

const ADMIN_TYPES: Record<PropertyType, string> = {
  string: "",
  long: ":long",
  double: ":double",
  boolean: ":boolean",
  datetime: ":datetime",
  "string[]": ":string[]",
};

/** neo4j-admin header of a node file: the key as `key:ID(Label)`, typed properties after it. */
export function adminNodeHeader(spec: NodeShape): string[] {
  return spec.properties.map((p) => (p.name === spec.key ? `${p.name}:ID(${spec.label})` : `${p.name}${ADMIN_TYPES[p.type]}`));
}

/** neo4j-admin header of a relationship file: `:START_ID(From)`, `:END_ID(To)`, typed properties. */
export function adminRelHeader(rel: RelSpec): string[] {
  return [`:START_ID(${rel.from})`, `:END_ID(${rel.to})`, ...rel.properties.map((p) => `${p.name}${ADMIN_TYPES[p.type]}`)];
}

/**
 * One CSV cell: null for absent (written as an empty cell, which the importer leaves unset),
 * arrays joined by the array delimiter (which no element may contain). The writer quotes an
 * empty string (`""`), which the importer keeps as one.
 */
export function adminCell(value: unknown, property: PropertySpec): string | null {
  if (value === null || value === undefined) return null;
  if (property.type === "string[]") {
    const items = value as string[];
    // Left empty (no value); listValuesStatement sets them after the import.
    if (Array.isArray(items) && !adminListFits(items)) return null;
    const bad = items.find((v) => v.includes(ARRAY_DELIMITER));
    if (bad !== undefined)
      throw new Error(`export: ${property.name} holds "${bad}", which contains the array delimiter ${ARRAY_DELIMITER}`);
    return items.join(ARRAY_DELIMITER);
  }
  cypherLiteral(value, property);
  // String(-0) is "0"; Java's Double.parseDouble keeps the sign of "-0.0".
  return Object.is(value, -0) ? "-0.0" : String(value);
}

/**
 * Whether a neo4j-admin CSV cell carries this list exactly: an empty list and [""] would both be
 * an empty cell, which the importer takes for no value (quoted, too).
 */
export function adminListFits(items: readonly string[]): boolean {
  return items.length > 0 && !(items.length === 1 && items[0] === "");
}

/**
 * A statement setting the lists a neo4j-admin CSV cannot hold (see adminListFits) on nodes found
 * by key: the export leaves their cells empty and runs this after the import.
 */
export function listValuesStatement(spec: NodeShape, property: PropertySpec, rows: { key: string; value: string[] }[]): string {
  const list = rows.map((r) => `[${cypherString(r.key)}, ${cypherLiteral(r.value, property)}]`).join(",\n  ");
  return `UNWIND [\n  ${list}\n] AS row\nMATCH (n:${spec.label} {${spec.key}: row[0]}) SET n.${property.name} = row[1];\n`;
}

/** The exact neo4j-admin command importing the files, run from the export folder. */
export function adminImportCommand(
  nodeFiles: { label: string; file: string }[],
  relFiles: { type: string; file: string }[],
  database = "neo4j",
): string {
  return [
    `neo4j-admin database import full ${database} --overwrite-destination --multiline-fields=true --array-delimiter="${ARRAY_DELIMITER}"`,
    ...nodeFiles.map((f) => `--nodes=${f.label}=${f.file}`),
    ...relFiles.map((f) => `--relationships=${f.type}=${f.file}`),
  ].join(" \\\n  ");
}
