/**
 * Ring analysis on Neo4j. Reads go in pages keyed on ordered ids (`WHERE x.id > $after … ORDER BY
 * x.id LIMIT $pageSize`, served by the unique-id indexes), one read transaction per page.
 * Writes replace the previous analysis as a unit: new rings are staged in batches as
 * `:RingStaged {analysisId}` nodes, then one transaction relabels the old `:Ring` nodes
 * `:RingRetired` and the staged ones `:Ring`; a failure before that commit leaves the previous
 * rings intact. The retired rings are then deleted in batches (every read matches `:Ring`; a
 * run stopped before they are gone leaves them to the next analysis, which deletes them too).
 * Fixed statements are files under cypher/store/; the staging writes are generated from the
 * graph description (names only from it, IDENTIFIER_KINDS and CONTACT_LINK_KINDS); values travel as parameters.
 */
import { randomUUID } from "node:crypto";
import { CONTACT_LINK_KINDS, IDENTIFIER_KINDS, type IdentifierLabel } from "../domain/model.ts";
import type { AccountFact, AnalysisInput, AnalysisResult, LinkFact, RefundFact } from "../domain/analysis-types.ts";
import { checkpoint } from "../checkpoints.ts";
import { RinglensError } from "../errors.ts";
import { chunk } from "./neo4j-upserts.ts";
import { temporalToMillis, toDateTime, toJsNumber, toNeo4jParam } from "./neo4j-values.ts";
import { cypher } from "../cypher/cypher-files.ts";
import { RING_STAGING } from "../schema/graph-schema.ts";
import { nodeSpec, propertyDefault, relSpec, type PropertySpec } from "../schema/graph-specs.ts";
import { RUN_TIME, memberTable, ringTable, suspectTable, type StagedTable } from "./analysis-rows.ts";

/** Driver records as they come: `get` returns driver values (Integer, DateTime, …). */
export type Records = Array<{ get(key: string): unknown }>;
/** Runs one statement in its own read transaction (one page); plain params are converted by the store. */
export type ReadPage = (statement: string, params: Record<string, unknown>) => Promise<Records>;
/** Runs statements in one write transaction; params are sent as given (already typed for the driver). */
export type WriteTx = <T>(
  work: (run: (statement: string, params: Record<string, unknown>) => Promise<Records>) => Promise<T>,
) => Promise<T>;

/** The label staged rings carry until they replace the current ones; adapter-internal, with `analysisId`. */
export const STAGING_LABEL = RING_STAGING.staged;
/** The label replaced rings carry from the swap until they are deleted; adapter-internal. */
export const RETIRED_LABEL = RING_STAGING.retired;
/** A refund stored without a status has the description's default. */
const STATUS_DEFAULT = propertyDefault("Refund", "status");

const file = (name: string) => cypher(`store/${name}`).neo4j;

export const ANALYSIS_READS = {
  accounts: file("neo4j-analysis-accounts"),
  /** Every account of the page appears (with an empty list when it has no link) so the cursor advances. */
  links: (label: IdentifierLabel, rel: string) => `MATCH (a:Account) WHERE a.id > $after
    WITH a ORDER BY a.id LIMIT $pageSize
    OPTIONAL MATCH (a)-[:${rel}]->(x:${label})
    RETURN a.id AS accountId, collect(DISTINCT x.id) AS identifierIds ORDER BY accountId`,
  /** The identifiers of an account's support contacts of one kind (a node label and the contact's rel to it); paged like links. */
  contactLinks: (label: string, rel: string) => `MATCH (a:Account) WHERE a.id > $after
    WITH a ORDER BY a.id LIMIT $pageSize
    OPTIONAL MATCH (a)-[:HAS_CONTACT]->(:Contact)-[:${rel}]->(x:${label})
    RETURN a.id AS accountId, collect(DISTINCT x.id) AS identifierIds ORDER BY accountId`,
  refunds: file("neo4j-analysis-refunds"),
} as const;

/** An analysis without rings: enough for the staged tables' columns. */
const NO_RESULT: AnalysisResult = { rings: [], hubs: [], hubThreshold: 0, phases: [], analysedAt: 0 };

/** `{a: row.a, …}` of staged columns, the first `skip` of them (the ends' keys) left out. */
const rowMap = (columns: readonly PropertySpec[], skip: number) => columns.slice(skip).map((c) => `${c.name}: row.${c.name}`);

/** The staging CREATE of one batch of rings: every Ring property, the run's time and the analysisId. */
function stageRingsStatement(): string {
  const properties = [`${RING_STAGING.analysisId}: $analysisId`, ...rowMap(ringTable(NO_RESULT).columns, 0), `${RUN_TIME}: $analysedAt`];
  return `UNWIND $rows AS row
    CREATE (r:${RING_STAGING.staged} {${properties.join(", ")}})`;
}

/** The staging CREATE of one batch of a relationship the analysis writes, onto the staged rings. */
function stageRelsStatement(type: "MEMBER_OF" | "SUSPECTED_IN", columns: readonly PropertySpec[]): string {
  const rel = relSpec(type);
  const [start, end] = columns;
  const properties = rowMap(columns, 2);
  const set = properties.length === 0 ? "" : ` {${properties.join(", ")}}`;
  return `UNWIND $rows AS row
    MATCH (r:${RING_STAGING.staged} {${RING_STAGING.analysisId}: $analysisId, ${nodeSpec(rel.to).key}: row.${end!.name}}) MATCH (a:${rel.from} {${nodeSpec(rel.from).key}: row.${start!.name}})
    CREATE (a)-[:${rel.type}${set}]->(r)`;
}

export const ANALYSIS_WRITES = {
  stageRings: stageRingsStatement(),
  stageMembers: stageRelsStatement("MEMBER_OF", memberTable(NO_RESULT).columns),
  stageSuspects: stageRelsStatement("SUSPECTED_IN", suspectTable(NO_RESULT).columns),
  countStaged: file("neo4j-count-staged"),
  retireCurrent: file("neo4j-retire-current"),
  deleteRetired: file("neo4j-delete-retired"),
  deleteOtherStaged: file("neo4j-delete-other-staged"),
  promote: file("neo4j-promote-staged"),
  dropStaged: file("neo4j-drop-staged"),
} as const;

/** Reads everything ring detection needs, page by page. */
export async function readAnalysisPages(read: ReadPage, pageSize: number): Promise<AnalysisInput> {
  const accounts: AccountFact[] = [];
  await pages(read, ANALYSIS_READS.accounts, pageSize, "id", (r) => {
    accounts.push({ id: String(r.get("id")), createdAt: temporalToMillis(r.get("createdAt")), country: str(r.get("country")) });
  });
  const links: LinkFact[] = [];
  for (const { label, rel } of IDENTIFIER_KINDS) {
    await pages(read, ANALYSIS_READS.links(label, rel), pageSize, "accountId", (r) => {
      const accountId = String(r.get("accountId"));
      for (const identifierId of r.get("identifierIds") as string[]) links.push({ accountId, kind: label, identifierId });
    });
  }
  // An identifier in a support contact links the account the contact was about, as its own kind.
  for (const { label, node, rel } of CONTACT_LINK_KINDS) {
    await pages(read, ANALYSIS_READS.contactLinks(node, rel), pageSize, "accountId", (r) => {
      const accountId = String(r.get("accountId"));
      for (const identifierId of r.get("identifierIds") as string[]) links.push({ accountId, kind: label, identifierId });
    });
  }
  const refunds: RefundFact[] = [];
  await pages(read, ANALYSIS_READS.refunds, pageSize, "id", (r) => {
    const accountId = r.get("accountId");
    if (accountId === null) return;
    refunds.push({
      id: String(r.get("id")),
      accountId: String(accountId),
      employeeId: str(r.get("employeeId")),
      amount: Number(r.get("amount")),
      category: str(r.get("category")),
      returned: (r.get("returned") as boolean | null) ?? null,
      requestedAt: temporalToMillis(r.get("requestedAt")),
      status: (r.get("status") as string | null) || STATUS_DEFAULT,
    });
  });
  return { accounts, links, refunds };
}

/** Pages through `statement` by the ordered key column until a page holds fewer than pageSize keys. */
async function pages(read: ReadPage, statement: string, pageSize: number, key: string, each: (r: Records[number]) => void): Promise<void> {
  let after = "";
  for (;;) {
    const records = await read(statement, { after, pageSize });
    const keys = new Set<string>();
    for (const r of records) {
      keys.add(String(r.get(key)));
      each(r);
    }
    if (records.length === 0) return;
    after = String(records[records.length - 1]!.get(key));
    if (keys.size < pageSize) return;
  }
}

/** Values as the driver must send them for their stored type: longs as Integer; floats stay JS numbers. */
function typed(table: StagedTable): Record<string, unknown>[] {
  const convert = table.columns.map((c) => (c.type === "long" ? (v: unknown) => toNeo4jParam(Math.round(v as number)) : (v: unknown) => v));
  const out: Record<string, unknown>[] = [];
  for (const row of table.rows) out.push(Object.fromEntries(table.columns.map((c, i) => [c.name, convert[i]!(row[i])])));
  return out;
}

/**
 * The rows staged for one analysis, typed as stored: counts as Integer; measures stay JS numbers,
 * which the driver sends as floats even when integral (a score of 45 stays a float).
 */
export function stagedRows(result: AnalysisResult) {
  return { rings: typed(ringTable(result)), members: typed(memberTable(result)), suspects: typed(suspectTable(result)) };
}

/**
 * Stages the result in batches, then swaps it in as one transaction (on failure drops the
 * staging), then deletes the retired rings in batches.
 */
export async function writeAnalysisStaged(write: WriteTx, result: AnalysisResult, batchSize: number): Promise<void> {
  const analysisId = `${result.analysedAt}-${randomUUID()}`;
  const analysedAt = toDateTime(result.analysedAt);
  const rows = stagedRows(result);
  try {
    for (const batch of chunk(rows.rings, batchSize))
      await write((run) => run(ANALYSIS_WRITES.stageRings, { rows: batch, analysisId, analysedAt }));
    for (const batch of chunk(rows.members, batchSize))
      await write((run) => run(ANALYSIS_WRITES.stageMembers, { rows: batch, analysisId }));
    await checkpoint("analyze:inside-write-back");
    for (const batch of chunk(rows.suspects, batchSize))
      await write((run) => run(ANALYSIS_WRITES.stageSuspects, { rows: batch, analysisId }));
    await checkpoint("analyze:before-swap");
    await write(async (run) => {
      const [counted] = await run(ANALYSIS_WRITES.countStaged, { analysisId });
      const staged = toJsNumber(counted?.get("staged") ?? 0);
      if (staged !== rows.rings.length) {
        throw new RinglensError(
          "conflict",
          `neo4j store: ${staged} of ${rows.rings.length} staged rings remain (another analysis ran at the same time); the previous analysis is kept, run it again`,
        );
      }
      await run(ANALYSIS_WRITES.retireCurrent, {});
      await run(ANALYSIS_WRITES.deleteOtherStaged, { analysisId });
      await run(ANALYSIS_WRITES.promote, { analysisId });
    });
  } catch (error) {
    await write((run) => run(ANALYSIS_WRITES.dropStaged, { analysisId })).catch(() => undefined);
    throw error;
  }
  // The new rings are in; what remains is garbage no read sees, one transaction per batch.
  for (;;) {
    const [deleted] = await write((run) => run(ANALYSIS_WRITES.deleteRetired, { batchSize: toNeo4jParam(batchSize) }));
    if (toJsNumber(deleted?.get("deleted") ?? 0) < batchSize) break;
  }
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
