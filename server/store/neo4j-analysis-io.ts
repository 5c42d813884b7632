/**
 * Ring analysis on Neo4j. Reads go in pages keyed on ordered ids (`WHERE x.id > $after … ORDER BY
 * x.id LIMIT $pageSize`, served by the unique-id indexes), one read transaction per page.
 * Writes replace the previous analysis as a unit: new rings are staged in batches as
 * `:RingStaged {analysisId}` nodes, then one transaction relabels the old `:Ring` nodes
 * `:RingRetired` and the staged ones `:Ring`; a failure before that commit leaves the previous
 * rings intact. The retired rings are then deleted in batches (every read matches `:Ring`; a
 * run stopped before they are gone leaves them to the next analysis, which deletes them too).
 * Statements name labels only from IDENTIFIER_KINDS; values travel as parameters.
 */
import { randomUUID } from "node:crypto";
import { IDENTIFIER_KINDS, type IdentifierLabel } from "../domain/model.ts";
import type { AccountFact, AnalysisInput, AnalysisResult, LinkFact, RefundFact } from "../domain/analysis/types.ts";
import { checkpoint } from "../checkpoints.ts";
import { RinglensError } from "../errors.ts";
import { chunk } from "./neo4j-upserts.ts";
import { temporalToMillis, toDateTime, toJsNumber, toNeo4jParam } from "./neo4j-values.ts";

/** Driver records as they come: `get` returns driver values (Integer, DateTime, …). */
export type Records = Array<{ get(key: string): unknown }>;
/** Runs one statement in its own read transaction (one page); plain params are converted by the store. */
export type ReadPage = (statement: string, params: Record<string, unknown>) => Promise<Records>;
/** Runs statements in one write transaction; params are sent as given (already typed for the driver). */
export type WriteTx = <T>(work: (run: (statement: string, params: Record<string, unknown>) => Promise<Records>) => Promise<T>) => Promise<T>;

/** The label staged rings carry until they replace the current ones; adapter-internal, with `analysisId`. */
export const STAGING_LABEL = "RingStaged";
/** The label replaced rings carry from the swap until they are deleted; adapter-internal. */
export const RETIRED_LABEL = "RingRetired";

export const ANALYSIS_READS = {
  accounts: `MATCH (a:Account) WHERE a.id > $after
    RETURN a.id AS id, a.createdAt AS createdAt, a.country AS country
    ORDER BY a.id LIMIT $pageSize`,
  /** Every account of the page appears (with an empty list when it has no link) so the cursor advances. */
  links: (label: IdentifierLabel, rel: string) => `MATCH (a:Account) WHERE a.id > $after
    WITH a ORDER BY a.id LIMIT $pageSize
    OPTIONAL MATCH (a)-[:${rel}]->(x:${label})
    RETURN a.id AS accountId, collect(DISTINCT x.id) AS identifierIds ORDER BY accountId`,
  /** Every refund of the page appears; rows without a requester are dropped after the cursor moves. */
  refunds: `MATCH (f:Refund) WHERE f.id > $after
    WITH f ORDER BY f.id LIMIT $pageSize
    OPTIONAL MATCH (a:Account)-[:REQUESTED]->(f)
    OPTIONAL MATCH (e:Employee)-[:APPROVED]->(f)
    RETURN f.id AS id, a.id AS accountId, e.id AS employeeId, f.amount AS amount, f.category AS category,
      f.returned AS returned, f.requestedAt AS requestedAt, f.status AS status
    ORDER BY id`,
} as const;

export const ANALYSIS_WRITES = {
  stageRings: `UNWIND $rows AS row
    CREATE (r:RingStaged {analysisId: $analysisId, id: row.id, size: row.size, score: row.score, level: row.level,
      reasons: row.reasons, hubs: row.hubs, countries: row.countries, refundCount: row.refundCount,
      refundValue: row.refundValue, noReturnShare: row.noReturnShare, insiderCount: row.insiderCount, analysedAt: $analysedAt})`,
  stageMembers: `UNWIND $rows AS row
    MATCH (r:RingStaged {analysisId: $analysisId, id: row.ringId}) MATCH (a:Account {id: row.accountId})
    CREATE (a)-[:MEMBER_OF]->(r)`,
  stageSuspects: `UNWIND $rows AS row
    MATCH (r:RingStaged {analysisId: $analysisId, id: row.ringId}) MATCH (e:Employee {id: row.employeeId})
    CREATE (e)-[:SUSPECTED_IN {share: row.share, baseline: row.baseline, lift: row.lift, approvals: row.approvals,
      noReturnApprovals: row.noReturnApprovals, score: row.score, reason: row.reason}]->(r)`,
  countStaged: "MATCH (s:RingStaged {analysisId: $analysisId}) RETURN count(s) AS staged",
  // Relabelled in the swap, deleted after it: deleting the old rings and labelling the new ones
  // (same ids) in one transaction took Neo4j 5.26 ~100 s at 59k rings, relabelling ~1 s.
  retireCurrent: "MATCH (r:Ring) SET r:RingRetired REMOVE r:Ring",
  deleteRetired: "MATCH (r:RingRetired) WITH r LIMIT $batchSize DETACH DELETE r RETURN count(*) AS deleted",
  deleteOtherStaged: "MATCH (s:RingStaged) WHERE s.analysisId <> $analysisId DETACH DELETE s",
  promote: "MATCH (s:RingStaged {analysisId: $analysisId}) SET s:Ring REMOVE s:RingStaged, s.analysisId",
  dropStaged: "MATCH (s:RingStaged {analysisId: $analysisId}) DETACH DELETE s",
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
  const refunds: RefundFact[] = [];
  await pages(read, ANALYSIS_READS.refunds, pageSize, "id", (r) => {
    const accountId = r.get("accountId");
    if (accountId === null) return;
    refunds.push({
      id: String(r.get("id")), accountId: String(accountId), employeeId: str(r.get("employeeId")), amount: Number(r.get("amount")),
      category: str(r.get("category")), returned: (r.get("returned") as boolean | null) ?? null,
      requestedAt: temporalToMillis(r.get("requestedAt")), status: (r.get("status") as string | null) || "approved",
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

/**
 * The rows staged for one analysis, typed as stored: counts as Integer; measures stay JS numbers,
 * which the driver sends as floats even when integral (a score of 45 stays a float).
 */
export function stagedRows(result: AnalysisResult) {
  const int = (n: number) => toNeo4jParam(Math.round(n));
  const float = (n: number) => n;
  return {
    rings: result.rings.map((r) => ({
      id: r.id, size: int(r.size), score: float(r.score), level: r.level, reasons: JSON.stringify(r.reasons), hubs: JSON.stringify(r.hubs),
      countries: [...r.countries], refundCount: int(r.refundCount), refundValue: float(r.refundValue), noReturnShare: float(r.noReturnShare),
      insiderCount: int(r.insiders.length),
    })),
    members: result.rings.flatMap((r) => r.accountIds.map((accountId) => ({ ringId: r.id, accountId }))),
    suspects: result.rings.flatMap((r) => r.insiders.map((i) => ({
      ringId: r.id, employeeId: i.employeeId, share: float(i.share), baseline: float(i.baseline), lift: float(i.lift),
      approvals: int(i.approvals), noReturnApprovals: int(i.noReturnApprovals), score: float(i.score), reason: i.reason,
    }))),
  };
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
    for (const batch of chunk(rows.rings, batchSize)) await write((run) => run(ANALYSIS_WRITES.stageRings, { rows: batch, analysisId, analysedAt }));
    for (const batch of chunk(rows.members, batchSize)) await write((run) => run(ANALYSIS_WRITES.stageMembers, { rows: batch, analysisId }));
    await checkpoint("analyze:inside-write-back");
    for (const batch of chunk(rows.suspects, batchSize)) await write((run) => run(ANALYSIS_WRITES.stageSuspects, { rows: batch, analysisId }));
    await checkpoint("analyze:before-swap");
    await write(async (run) => {
      const [counted] = await run(ANALYSIS_WRITES.countStaged, { analysisId });
      const staged = toJsNumber(counted?.get("staged") ?? 0);
      if (staged !== rows.rings.length) {
        throw new RinglensError("conflict", `neo4j store: ${staged} of ${rows.rings.length} staged rings remain (another analysis ran at the same time); the previous analysis is kept, run it again`);
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
