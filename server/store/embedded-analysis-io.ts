/**
 * Bulk reads and writes of ring analysis on the embedded engine: links are exported by the
 * engine's own `COPY (MATCH …) TO` into a temp CSV and parsed as a stream (~40× faster than
 * iterating results from Node); results are staged as CSV and loaded in one transaction.
 */
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { stringify } from "csv-stringify/sync";
import { IDENTIFIER_KINDS } from "../domain/model.ts";
import type { AccountFact, AnalysisInput, AnalysisResult, LinkFact, RefundFact } from "../domain/analysis/types.ts";
import type { Exec } from "./embedded-connection.ts";
import { checkpoint } from "../checkpoints.ts";
import { CsvRecordSplitter, type RawRecord } from "../csv/csv-records.ts";

/** Exports a query's rows with the engine's COPY TO and maps each as it is read (a million rows of cells would double the heap). */
async function exportRows<T>(exec: Exec, dir: string, name: string, match: string, map: (cells: string[]) => T): Promise<T[]> {
  const file = path.join(dir, `${name}.csv`);
  await exec(`COPY (${match}) TO '${file}' (header=false)`);
  const rows: T[] = [];
  const splitter = new CsvRecordSplitter();
  let n = 0;
  const take = (records: RawRecord[]) => {
    for (const r of records) {
      if (!Array.isArray(r.cells)) throw new Error(`cannot read the engine's export ${name} at line ${r.firstLine}: ${r.cells.error}`);
      rows.push(map(r.cells));
    }
  };
  for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) take(splitter.push(line, ++n));
  take(splitter.end());
  fs.rmSync(file, { force: true });
  return rows;
}

const orNull = (v: string | undefined): string | null => (v === undefined || v === "" ? null : v);
const numOrNull = (v: string | undefined): number | null => (v === undefined || v === "" ? null : Number(v));

export async function readInput(exec: Exec, tmp: string): Promise<AnalysisInput> {
  const accounts: AccountFact[] = await exportRows(exec, tmp, "accounts",
    "MATCH (a:Account) RETURN a.id, to_epoch_ms(a.createdAt), a.country",
    ([id, createdAt, country]) => ({ id: id!, createdAt: numOrNull(createdAt), country: orNull(country) }));
  const links: LinkFact[] = [];
  for (const { label, rel } of IDENTIFIER_KINDS) {
    const rows = await exportRows(exec, tmp, `links-${label}`, `MATCH (a:Account)-[:${rel}]->(x:${label}) RETURN DISTINCT a.id, x.id`,
      ([accountId, identifierId]): LinkFact => ({ accountId: accountId!, kind: label, identifierId: identifierId! }));
    for (const link of rows) links.push(link);
  }
  const refunds: RefundFact[] = await exportRows(exec, tmp, "refunds",
    `MATCH (a:Account)-[:REQUESTED]->(r:Refund) OPTIONAL MATCH (e:Employee)-[:APPROVED]->(r)
     RETURN r.id, a.id, e.id, r.amount, r.category, r.returned, to_epoch_ms(r.requestedAt), r.status`,
    ([id, accountId, employeeId, amount, category, returned, requestedAt, status]) => ({
      id: id!, accountId: accountId!, employeeId: orNull(employeeId), amount: Number(amount),
      category: orNull(category), returned: returned === "" || returned === undefined ? null : returned === "True",
      requestedAt: numOrNull(requestedAt), status: status || "approved",
    }));
  return { accounts, links, refunds };
}

/** Writes rows in chunks of 10,000, so a million members never become one string. */
function writeCsv(file: string, header: string[], rows: Iterable<unknown[]>): void {
  const fd = fs.openSync(file, "w");
  try {
    let chunk: unknown[][] = [header];
    const flush = () => { fs.writeSync(fd, stringify(chunk)); chunk = []; };
    for (const row of rows) {
      chunk.push(row);
      if (chunk.length >= 10_000) flush();
    }
    flush();
  } finally {
    fs.closeSync(fd);
  }
}

/** Joins list cells in staged CSVs: the unit separator, a control character that import refuses in any input value. */
const LIST_SEPARATOR = "\u001f";

/** Replaces the previous analysis in one transaction; on failure the engine rolls back. */
export async function writeResult(exec: Exec, tmp: string, result: AnalysisResult): Promise<void> {
  const ringsFile = path.join(tmp, "rings.csv");
  const membersFile = path.join(tmp, "members.csv");
  const suspectsFile = path.join(tmp, "suspects.csv");
  const analysedAt = new Date(result.analysedAt).toISOString();
  writeCsv(ringsFile, ["id", "size", "score", "level", "reasons", "hubs", "countries", "refundCount", "refundValue", "noReturnShare", "insiderCount"],
    result.rings.map((r) => [r.id, r.size, r.score, r.level, JSON.stringify(r.reasons), JSON.stringify(r.hubs), r.countries.join(LIST_SEPARATOR),
      r.refundCount, r.refundValue, r.noReturnShare, r.insiders.length]));
  writeCsv(membersFile, ["accountId", "ringId"], (function* () { for (const r of result.rings) for (const a of r.accountIds) yield [a, r.id]; })());
  writeCsv(suspectsFile, ["employeeId", "ringId", "share", "baseline", "lift", "approvals", "noReturnApprovals", "score", "reason"],
    result.rings.flatMap((r) => r.insiders.map((i) => [i.employeeId, r.id, i.share, i.baseline, i.lift, i.approvals, i.noReturnApprovals, i.score, i.reason])));
  await checkpoint("analyze:before-swap");
  await exec("BEGIN TRANSACTION");
  try {
    await exec("MATCH (r:Ring) DETACH DELETE r");
    await exec(`LOAD WITH HEADERS (id STRING, size INT64, score DOUBLE, level STRING, reasons STRING, hubs STRING, countries STRING,
        refundCount INT64, refundValue DOUBLE, noReturnShare DOUBLE, insiderCount INT64) FROM '${ringsFile}' (header=true, parallel=false)
      CREATE (:Ring {id: id, size: size, score: score, level: level, reasons: reasons, hubs: hubs,
        countries: CASE WHEN nullif(countries, '') IS NULL THEN CAST([] AS STRING[]) ELSE string_split(countries, '${LIST_SEPARATOR}') END,
        refundCount: refundCount, refundValue: refundValue, noReturnShare: noReturnShare, insiderCount: insiderCount,
        analysedAt: timestamp('${analysedAt}')})`);
    await exec(`LOAD WITH HEADERS (accountId STRING, ringId STRING) FROM '${membersFile}' (header=true)
      MATCH (a:Account {id: accountId}) MATCH (r:Ring {id: ringId}) CREATE (a)-[:MEMBER_OF]->(r)`);
    await checkpoint("analyze:inside-write-back");
    await exec(`LOAD WITH HEADERS (employeeId STRING, ringId STRING, share DOUBLE, baseline DOUBLE, lift DOUBLE, approvals INT64,
        noReturnApprovals INT64, score DOUBLE, reason STRING) FROM '${suspectsFile}' (header=true, parallel=false)
      MATCH (e:Employee {id: employeeId}) MATCH (r:Ring {id: ringId})
      CREATE (e)-[:SUSPECTED_IN {share: share, baseline: baseline, lift: lift, approvals: approvals,
        noReturnApprovals: noReturnApprovals, score: score, reason: reason}]->(r)`);
    await exec("COMMIT");
  } catch (error) {
    await exec("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
