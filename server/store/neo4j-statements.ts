/**
 * Every Cypher text the Neo4j adapter sends, in one place: the schema file's statements, the
 * store's own small statements, and (re-exported) the upsert and analysis statements. The
 * parser test lints `neo4jStatements()`, so a text added to the adapter must be listed here.
 * Labels and types in texts come only from NODE_LABELS, REL_TYPES and IDENTIFIER_KINDS.
 */
import fs from "node:fs";
import { IDENTIFIER_KINDS, NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from "../domain/model.ts";
import { UPSERT_ORDER } from "./graph-store.ts";
import { UPSERT_FIELDS, UPSERT_STATEMENTS } from "./neo4j-upserts.ts";
import { ANALYSIS_READS, ANALYSIS_WRITES, stagedRows } from "./neo4j-analysis-io.ts";

const SCHEMA_FILE = new URL("../../cypher/schema/neo4j.cypher", import.meta.url);

export const STORE_STATEMENTS = {
  ping: "RETURN 1 AS ok",
  getMeta: "MATCH (m:Meta {key: $key}) RETURN m.value AS value",
  setMeta: "MERGE (m:Meta {key: $key}) SET m.value = $value",
  countNodes: (label: NodeLabel) => `MATCH (n:${label}) RETURN count(n) AS c`,
  countRels: (type: RelType) => `MATCH ()-[r:${type}]->() RETURN count(r) AS c`,
} as const;

/** A Cypher text with the parameters it is sent with and, for `UNWIND $rows AS row`, the row fields. */
export interface StatementText {
  name: string;
  text: string;
  params: readonly string[];
  rowFields?: readonly string[];
}

/**
 * The statements of a Cypher script: comment lines dropped, split on `;` at line ends.
 * @example splitCypherScript("// c\nRETURN 1;\nRETURN 2;") // ["RETURN 1", "RETURN 2"]
 */
export function splitCypherScript(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => !l.trim().startsWith("//")).join("\n")
    .split(/;\s*(?:\n|$)/).map((s) => s.trim()).filter(Boolean);
}

/** The constraints and indexes of cypher/schema/neo4j.cypher, in file order. */
export function schemaStatements(): string[] {
  return splitCypherScript(fs.readFileSync(SCHEMA_FILE, "utf8"));
}

/** Row fields of the staging statements, taken from the rows stagedRows() really builds. */
function stagedFields(): { rings: string[]; members: string[]; suspects: string[] } {
  const insider = { employeeId: "e", share: 0, baseline: 0, lift: 0, approvals: 0, noReturnApprovals: 0, score: 0, reason: "" };
  const ring = { id: "r", accountIds: ["a"], size: 1, score: 0, level: "low" as const, reasons: [], insiders: [insider], hubs: [], countries: [], refundCount: 0, refundValue: 0, noReturnShare: 0 };
  const rows = stagedRows({ rings: [ring], hubs: [], hubThreshold: 0, phases: [], analysedAt: 0 });
  return { rings: Object.keys(rows.rings[0]!), members: Object.keys(rows.members[0]!), suspects: Object.keys(rows.suspects[0]!) };
}

/** Every text the adapter can send, with its parameters: what the parser test lints. */
export function neo4jStatements(): StatementText[] {
  const out: StatementText[] = [];
  schemaStatements().forEach((text, i) => out.push({ name: `schema #${i + 1}`, text, params: [] }));
  out.push({ name: "ping", text: STORE_STATEMENTS.ping, params: [] });
  out.push({ name: "getMeta", text: STORE_STATEMENTS.getMeta, params: ["key"] });
  out.push({ name: "setMeta", text: STORE_STATEMENTS.setMeta, params: ["key", "value"] });
  for (const label of NODE_LABELS) out.push({ name: `count ${label}`, text: STORE_STATEMENTS.countNodes(label), params: [] });
  for (const type of REL_TYPES) out.push({ name: `count ${type}`, text: STORE_STATEMENTS.countRels(type), params: [] });
  for (const kind of UPSERT_ORDER) {
    UPSERT_STATEMENTS[kind].forEach((text, i) => out.push({ name: `upsert ${kind} #${i + 1}`, text, params: ["rows"], rowFields: UPSERT_FIELDS[kind] }));
  }
  out.push({ name: "analysis read accounts", text: ANALYSIS_READS.accounts, params: ["after", "pageSize"] });
  for (const { label, rel } of IDENTIFIER_KINDS) {
    out.push({ name: `analysis read links ${label}`, text: ANALYSIS_READS.links(label, rel), params: ["after", "pageSize"] });
  }
  out.push({ name: "analysis read refunds", text: ANALYSIS_READS.refunds, params: ["after", "pageSize"] });
  const staged = stagedFields();
  out.push({ name: "analysis stage rings", text: ANALYSIS_WRITES.stageRings, params: ["rows", "analysisId", "analysedAt"], rowFields: staged.rings });
  out.push({ name: "analysis stage members", text: ANALYSIS_WRITES.stageMembers, params: ["rows", "analysisId"], rowFields: staged.members });
  out.push({ name: "analysis stage suspects", text: ANALYSIS_WRITES.stageSuspects, params: ["rows", "analysisId"], rowFields: staged.suspects });
  for (const key of ["countStaged", "deleteOtherStaged", "promote", "dropStaged"] as const) {
    out.push({ name: `analysis ${key}`, text: ANALYSIS_WRITES[key], params: ["analysisId"] });
  }
  out.push({ name: "analysis retireCurrent", text: ANALYSIS_WRITES.retireCurrent, params: [] });
  out.push({ name: "analysis deleteRetired", text: ANALYSIS_WRITES.deleteRetired, params: ["batchSize"] });
  return out;
}
