/**
 * Neo4j's constraints and indexes, derived from the graph description: a unique constraint on
 * every node kind's key, an index on each property it lists under `indexes`, and one on the
 * key of staged rings. cypher/schema/neo4j.cypher is the same text for humans (test/schema).
 */
import { RING_STAGING } from "./graph-schema.ts";
import { graphSchema, nodeSpec, type GraphSchema } from "./graph-specs.ts";

/** `RingStaged` → `ring_staged`, `IP` → `ip`: the prefix of constraint and index names. */
const snake = (label: string) => label.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

const index = (label: string, property: string) =>
  `CREATE INDEX ${snake(label)}_${property} IF NOT EXISTS FOR (n:${label}) ON (n.${property})`;

/**
 * Every constraint and index, idempotent (IF NOT EXISTS), constraints first.
 * @example neo4jDdl()[0] // "CREATE CONSTRAINT account_id IF NOT EXISTS FOR (n:Account) REQUIRE n.id IS UNIQUE"
 */
export function neo4jDdl(schema: GraphSchema = graphSchema()): string[] {
  return [
    ...schema.nodes.map(
      (n) => `CREATE CONSTRAINT ${snake(n.label)}_${n.key} IF NOT EXISTS FOR (n:${n.label}) REQUIRE n.${n.key} IS UNIQUE`,
    ),
    ...schema.nodes.flatMap((n) => n.indexes.map((p) => index(n.label, p))),
    stagedIndex(),
  ];
}

function stagedIndex(): string {
  return index(RING_STAGING.staged, nodeSpec("Ring").key);
}

/** cypher/schema/neo4j.cypher as it must read. */
export function neo4jDdlFile(): string {
  const statements = neo4jDdl();
  return [
    "// Neo4j constraints and indexes: unique ids per label. Idempotent (IF NOT EXISTS).",
    "// Generated from server/schema/graph-schema.ts: npm run schema:write",
    ...statements.slice(0, -1).map((s) => `${s};`),
    "// Rings of a running analysis are staged under this label until they replace the current ones.",
    `${stagedIndex()};`,
    "",
  ].join("\n");
}
