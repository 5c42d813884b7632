/**
 * The typed graph schema both stores share, read from cypher/schema/embedded.cypher (the one
 * file that spells out every label, relationship type and property with its type). Used to
 * export a store for Neo4j and to give Neo4j's linter the schema. Pure; no driver.
 */
import fs from "node:fs";

export const PROPERTY_TYPES = ["string", "long", "double", "boolean", "datetime", "string[]"] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export interface PropertySpec { name: string; type: PropertyType }
export interface NodeSpec { label: string; key: string; properties: PropertySpec[] }
export interface RelSpec { type: string; from: string; to: string; properties: PropertySpec[] }
export interface GraphSchema { nodes: NodeSpec[]; rels: RelSpec[] }

const SCHEMA_FILE = new URL("../../cypher/schema/embedded.cypher", import.meta.url);
const TYPES: Record<string, PropertyType> = {
  STRING: "string", INT64: "long", INT32: "long", DOUBLE: "double", FLOAT: "double", BOOLEAN: "boolean", TIMESTAMP: "datetime", "STRING[]": "string[]",
};
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TABLE = /^CREATE (NODE|REL) TABLE(?: IF NOT EXISTS)? (\w+)\s*\((.*)\)\s*;?\s*$/is;

/**
 * Parses `CREATE NODE TABLE …` / `CREATE REL TABLE …` statements.
 * @example parseGraphSchema("CREATE NODE TABLE Meta(key STRING PRIMARY KEY, value STRING);").nodes[0].key // "key"
 */
export function parseGraphSchema(text: string): GraphSchema {
  const schema: GraphSchema = { nodes: [], rels: [] };
  const statements = text.split(/\r?\n/).filter((l) => !l.trim().startsWith("//")).join("\n").split(";").map((s) => s.trim()).filter(Boolean);
  for (const statement of statements) {
    const m = TABLE.exec(statement);
    if (!m) throw new Error(`graph schema: cannot read "${statement.slice(0, 60)}…"`);
    const [, kind, name, body] = m as unknown as [string, string, string, string];
    const parts = body.split(",").map((p) => p.trim());
    if (kind.toUpperCase() === "NODE") {
      const properties = parts.map(property);
      const key = parts.find((p) => /PRIMARY KEY/i.test(p))?.split(/\s+/)[0];
      if (!key) throw new Error(`graph schema: node table ${name} has no primary key`);
      schema.nodes.push({ label: checkName(name), key, properties });
    } else {
      const ends = /^FROM (\w+) TO (\w+)$/i.exec(parts[0] ?? "");
      if (!ends) throw new Error(`graph schema: rel table ${name} must start with FROM … TO …`);
      schema.rels.push({ type: checkName(name), from: ends[1]!, to: ends[2]!, properties: parts.slice(1).map(property) });
    }
  }
  return schema;
}

/** The schema of cypher/schema/embedded.cypher. */
export function readGraphSchema(): GraphSchema {
  return parseGraphSchema(fs.readFileSync(SCHEMA_FILE, "utf8"));
}

function property(part: string): PropertySpec {
  const [name, rawType] = part.replace(/\s+PRIMARY KEY/i, "").split(/\s+/) as [string, string | undefined];
  const type = TYPES[(rawType ?? "").toUpperCase()];
  if (!type) throw new Error(`graph schema: property ${name} has type ${rawType}, which the export does not know`);
  return { name: checkName(name), type };
}

/** Names end up in Cypher and CSV headers: only plain identifiers are accepted. */
function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`graph schema: "${name}" is not a plain identifier`);
  return name;
}
