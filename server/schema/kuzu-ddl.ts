/**
 * The embedded engine's (kuzu) DDL, derived from the graph description: one node table per
 * node kind (key as primary key), one rel table per relationship type. The store applies it on
 * start; cypher/schema/embedded.cypher is the same text for humans (test/schema checks it).
 */
import type { PropertyType } from "./graph-schema.ts";
import { graphSchema, type GraphSchema, type PropertySpec } from "./graph-specs.ts";

export const KUZU_TYPES: Readonly<Record<PropertyType, string>> = {
  string: "STRING",
  long: "INT64",
  double: "DOUBLE",
  boolean: "BOOLEAN",
  datetime: "TIMESTAMP",
  "string[]": "STRING[]",
};

const column = (p: PropertySpec) => `${p.name} ${KUZU_TYPES[p.type]}`;

/**
 * The CREATE … TABLE IF NOT EXISTS statements, nodes first (rel tables need their ends).
 * @example kuzuDdl()[0] // "CREATE NODE TABLE IF NOT EXISTS Account(id STRING PRIMARY KEY, createdAt TIMESTAMP, …)"
 */
export function kuzuDdl(schema: GraphSchema = graphSchema()): string[] {
  return [
    ...schema.nodes.map((n) => {
      const [key, ...rest] = n.properties;
      return `CREATE NODE TABLE IF NOT EXISTS ${n.label}(${[`${column(key!)} PRIMARY KEY`, ...rest.map(column)].join(", ")})`;
    }),
    ...schema.rels.map(
      (r) => `CREATE REL TABLE IF NOT EXISTS ${r.type}(${[`FROM ${r.from} TO ${r.to}`, ...r.properties.map(column)].join(", ")})`,
    ),
  ];
}

/** cypher/schema/embedded.cypher as it must read. */
export function kuzuDdlFile(): string {
  return [
    "// Schema of the embedded engine (kuzu): node and relationship tables. Applied idempotently",
    "// by the embedded store. Neo4j's constraints and indexes live in neo4j.cypher.",
    "// Generated from server/schema/graph-schema.ts: npm run schema:write",
    ...kuzuDdl().map((s) => `${s};`),
    "",
  ].join("\n");
}
