/**
 * Every Cypher text the Neo4j adapter sends, in one place: the constraints and indexes derived
 * from the graph description, the store's own statements (cypher/store/, counts generated per
 * label and type), and (re-exported) the upsert and analysis statements. The parser test lints
 * `neo4jStatements()`, so a text added to the adapter must be listed here.
 */
import { CONTACT_LINK_KINDS, IDENTIFIER_KINDS } from "../domain/model.ts";
import { neo4jDdl } from "../schema/neo4j-ddl.ts";
import { UPSERT_ORDER } from "./graph-store.ts";
import { UPSERT_FIELDS, UPSERT_STATEMENTS } from "./neo4j-upserts.ts";
import { ANALYSIS_READS, ANALYSIS_WRITES, stagedRows } from "./neo4j-analysis-io.ts";
import { STORE_TEXTS, countStatements } from "./store-statements.ts";
import { gdsTexts } from "./neo4j-gds-graph.ts";

export const STORE_STATEMENTS = {
  ping: STORE_TEXTS.ping.neo4j,
  getMeta: STORE_TEXTS.getMeta.neo4j,
  setMeta: STORE_TEXTS.setMeta.neo4j,
} as const;

/** A Cypher text with the parameters it is sent with and, for `UNWIND $rows AS row`, the row fields. */
export interface StatementText {
  name: string;
  text: string;
  params: readonly string[];
  rowFields?: readonly string[];
}

/** The constraints and indexes (cypher/schema/neo4j.cypher is the same list), in order. */
export function schemaStatements(): string[] {
  return neo4jDdl();
}

/** Row fields of the staging statements, taken from the rows stagedRows() really builds. */
function stagedFields(): { rings: string[]; members: string[]; suspects: string[] } {
  const insider = { employeeId: "e", share: 0, baseline: 0, lift: 0, approvals: 0, noReturnApprovals: 0, score: 0, reason: "" };
  const ring = {
    id: "r",
    accountIds: ["a"],
    size: 1,
    score: 0,
    level: "low" as const,
    reasons: [],
    insiders: [insider],
    hubs: [],
    countries: [],
    refundCount: 0,
    refundValue: 0,
    noReturnShare: 0,
    links: [],
    attached: [],
  };
  const rows = stagedRows({ rings: [ring], hubs: [], hubThreshold: 0, phases: [], analysedAt: 0 });
  return { rings: Object.keys(rows.rings[0]!), members: Object.keys(rows.members[0]!), suspects: Object.keys(rows.suspects[0]!) };
}

/** Every text the adapter can send, with its parameters: what the parser test lints. */
export function neo4jStatements(): StatementText[] {
  const out: StatementText[] = [];
  for (const [i, text] of schemaStatements().entries()) out.push({ name: `schema #${i + 1}`, text, params: [] });
  out.push({ name: "ping", text: STORE_STATEMENTS.ping, params: [] });
  out.push({ name: "getMeta", text: STORE_STATEMENTS.getMeta, params: ["key"] });
  out.push({ name: "setMeta", text: STORE_STATEMENTS.setMeta, params: ["key", "value"] });
  for (const { name, text } of countStatements()) out.push({ name: `count ${name}`, text, params: [] });
  for (const kind of UPSERT_ORDER) {
    for (const [i, text] of UPSERT_STATEMENTS[kind].entries()) {
      out.push({ name: `upsert ${kind} #${i + 1}`, text, params: ["rows"], rowFields: UPSERT_FIELDS[kind] });
    }
  }
  out.push({ name: "analysis read accounts", text: ANALYSIS_READS.accounts, params: ["after", "pageSize"] });
  for (const { label, rel } of IDENTIFIER_KINDS) {
    out.push({ name: `analysis read links ${label}`, text: ANALYSIS_READS.links(label, rel), params: ["after", "pageSize"] });
  }
  for (const { label, node, rel } of CONTACT_LINK_KINDS) {
    out.push({ name: `analysis read links ${label}`, text: ANALYSIS_READS.contactLinks(node, rel), params: ["after", "pageSize"] });
  }
  out.push({ name: "analysis read refunds", text: ANALYSIS_READS.refunds, params: ["after", "pageSize"] });
  const staged = stagedFields();
  out.push({
    name: "analysis stage rings",
    text: ANALYSIS_WRITES.stageRings,
    params: ["rows", "analysisId", "analysedAt"],
    rowFields: staged.rings,
  });
  out.push({
    name: "analysis stage members",
    text: ANALYSIS_WRITES.stageMembers,
    params: ["rows", "analysisId"],
    rowFields: staged.members,
  });
  out.push({
    name: "analysis stage suspects",
    text: ANALYSIS_WRITES.stageSuspects,
    params: ["rows", "analysisId"],
    rowFields: staged.suspects,
  });
  for (const key of ["countStaged", "deleteOtherStaged", "promote", "dropStaged"] as const) {
    out.push({ name: `analysis ${key}`, text: ANALYSIS_WRITES[key], params: ["analysisId"] });
  }
  out.push({ name: "analysis retireCurrent", text: ANALYSIS_WRITES.retireCurrent, params: [] });
  out.push({ name: "analysis deleteRetired", text: ANALYSIS_WRITES.deleteRetired, params: ["batchSize"] });
  for (const text of gdsTexts()) out.push({ name: text.name, text: text.neo4j, params: [...text.params] });
  return out;
}
