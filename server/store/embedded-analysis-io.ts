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
import type { AccountFact, AnalysisInput, AnalysisResult, LinkFact, RefundFact } from "../domain/analysis-types.ts";
import { CONTACT_LINK_KINDS } from "../domain/model.ts";
import type { Exec } from "./embedded-connection.ts";
import { checkpoint } from "../checkpoints.ts";
import { CsvRecordSplitter, type RawRecord } from "../csv/csv-records.ts";
import { cypher } from "../cypher/cypher-files.ts";
import { propertyDefault } from "../schema/graph-specs.ts";
import { memberTable, ringTable, suspectTable, type StagedTable } from "./analysis-rows.ts";
import { LIST_SEPARATOR, createRingsStatement, createRelsStatement } from "./embedded-analysis-writes.ts";

const READS = { accounts: cypher("store/kuzu-analysis-accounts").kuzu, refunds: cypher("store/kuzu-analysis-refunds").kuzu };
const DELETE_RINGS = cypher("store/kuzu-delete-rings").kuzu;
/** A refund stored without a status has the description's default. */
const STATUS_DEFAULT = propertyDefault("Refund", "status");

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
  for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity }))
    take(splitter.push(line, ++n));
  take(splitter.end());
  fs.rmSync(file, { force: true });
  return rows;
}

const orNull = (v: string | undefined): string | null => (v === undefined || v === "" ? null : v);
const numOrNull = (v: string | undefined): number | null => (v === undefined || v === "" ? null : Number(v));

export async function readInput(exec: Exec, tmp: string): Promise<AnalysisInput> {
  const accounts: AccountFact[] = await exportRows(exec, tmp, "accounts", READS.accounts, ([id, createdAt, country]) => ({
    id: id!,
    createdAt: numOrNull(createdAt),
    country: orNull(country),
  }));
  const links: LinkFact[] = [];
  for (const { label, rel } of IDENTIFIER_KINDS) {
    const rows = await exportRows(
      exec,
      tmp,
      `links-${label}`,
      `MATCH (a:Account)-[:${rel}]->(x:${label}) RETURN DISTINCT a.id, x.id`,
      ([accountId, identifierId]): LinkFact => ({ accountId: accountId!, kind: label, identifierId: identifierId! }),
    );
    for (const link of rows) links.push(link);
  }
  // An identifier in a support contact links the account the contact was about, as its own kind.
  for (const { label, node, rel } of CONTACT_LINK_KINDS) {
    const rows = await exportRows(
      exec,
      tmp,
      `links-${label}`,
      `MATCH (a:Account)-[:HAS_CONTACT]->(:Contact)-[:${rel}]->(x:${node}) RETURN DISTINCT a.id, x.id`,
      ([accountId, identifierId]): LinkFact => ({ accountId: accountId!, kind: label, identifierId: identifierId! }),
    );
    for (const link of rows) links.push(link);
  }
  const refunds: RefundFact[] = await exportRows(
    exec,
    tmp,
    "refunds",
    READS.refunds,
    ([id, accountId, employeeId, amount, category, returned, requestedAt, status]) => ({
      id: id!,
      accountId: accountId!,
      employeeId: orNull(employeeId),
      amount: Number(amount),
      category: orNull(category),
      returned: returned === "" || returned === undefined ? null : returned === "True",
      requestedAt: numOrNull(requestedAt),
      status: status || STATUS_DEFAULT,
    }),
  );
  return { accounts, links, refunds };
}

/** Writes a staged table in chunks of 10,000 rows, so a million members never become one string; lists joined by LIST_SEPARATOR. */
function writeCsv(file: string, table: StagedTable): void {
  const lists = table.columns.map((c) => c.type === "string[]");
  const fd = fs.openSync(file, "w");
  try {
    let chunk: unknown[][] = [table.columns.map((c) => c.name)];
    const flush = () => {
      fs.writeSync(fd, stringify(chunk));
      chunk = [];
    };
    for (const row of table.rows) {
      chunk.push(row.map((v, i) => (lists[i] ? (v as string[]).join(LIST_SEPARATOR) : v)));
      if (chunk.length >= 10_000) flush();
    }
    flush();
  } finally {
    fs.closeSync(fd);
  }
}

/** Replaces the previous analysis in one transaction; on failure the engine rolls back. */
export async function writeResult(exec: Exec, tmp: string, result: AnalysisResult): Promise<void> {
  const rings = { file: path.join(tmp, "rings.csv"), table: ringTable(result) };
  const members = { file: path.join(tmp, "members.csv"), table: memberTable(result) };
  const suspects = { file: path.join(tmp, "suspects.csv"), table: suspectTable(result) };
  for (const staged of [rings, members, suspects]) writeCsv(staged.file, staged.table);
  await checkpoint("analyze:before-swap");
  await exec("BEGIN TRANSACTION");
  try {
    await exec(DELETE_RINGS);
    await exec(createRingsStatement(rings.table.columns, rings.file, result.analysedAt));
    // Members keep the parallel reader they always had (the bulk of the write); an account id
    // holding a quoted line break would need parallel=false like the other two files.
    await exec(createRelsStatement("MEMBER_OF", members.table.columns, members.file, true));
    await checkpoint("analyze:inside-write-back");
    await exec(createRelsStatement("SUSPECTED_IN", suspects.table.columns, suspects.file, false));
    await exec("COMMIT");
  } catch (error) {
    await exec("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
