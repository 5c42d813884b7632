/**
 * One bulk upsert on the embedded engine. Rows the store does not hold yet go in through the
 * engine's `COPY … FROM` (about 50× faster than merging); rows it holds are merged with
 * `LOAD FROM … MERGE`. Which is which comes from one keyed lookup exported by the engine
 * itself. A process killed between the two leaves rows that the next run merges.
 * Staged files are streamed: the lookup gets only each row's key columns, then each row is
 * turned into its CSV line once, for its COPY or MERGE file; memory stays near the rows.
 * A table that was empty when this store first wrote to it needs no lookup: the store keeps
 * the fingerprints of the keys it has written there (`WrittenKeys`), and a row whose key is not
 * among them is new. A fingerprint shared by two keys only sends a new row the MERGE way.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { UpsertBatch, UpsertKind } from "./graph-store.ts";
import type { Exec } from "./embedded-connection.ts";
import { CsvLineFile } from "../csv/csv-line-file.ts";
import { KeyDigests } from "../ingest/key-digests.ts";
import {
  LOAD_SPECS,
  copyStatement,
  countStatement,
  existingStatement,
  keyColumns,
  keyOfRecord,
  loadStatements,
  stageKey,
  stageRecord,
} from "./embedded-loads.ts";

/** Keys a store has written to a table it found empty; null when the table held rows before (the engine is asked). */
export type WrittenKeys = KeyDigests | null;

/** What a store remembers of the tables it writes, from the first write of each kind on. */
export async function writtenKeysOf(exec: Exec, kind: UpsertKind): Promise<WrittenKeys> {
  const { rows } = await exec(countStatement(kind));
  return Number(rows[0]?.n ?? 1) === 0 ? new KeyDigests() : null;
}

export async function bulkUpsert<K extends UpsertKind>(
  exec: Exec,
  tmp: string,
  kind: K,
  rows: UpsertBatch[K],
  written: WrittenKeys,
): Promise<void> {
  const spec = LOAD_SPECS[kind];
  const names = spec.columns.map((c) => c.name);
  const held = written === null ? await heldKeys(exec, tmp, kind, rows) : null;

  const copies = spec.copies.map((copy) => ({
    table: copy.table,
    picked: copy.columns.map((c) => names.indexOf(c)),
    only: copy.onlyWhen === undefined ? -1 : names.indexOf(copy.onlyWhen),
    out: new CsvLineFile(path.join(tmp, `${copy.table}-copy.csv`), copy.columns),
  }));
  const merge = new CsvLineFile(path.join(tmp, `${kind}-merge.csv`), names);
  const key = keyOfRecord(kind);
  for (const row of rows) {
    const record = stageRecord(kind, row);
    const k = key(record);
    // Remembered before the write, not after: a write that fails halfway leaves its rows to MERGE.
    if (held ? held.has(k) : written?.remember(k, 0) === "same") {
      merge.write(record);
      continue;
    }
    for (const copy of copies) {
      if (copy.only === -1 || record[copy.only] !== "") copy.out.write(copy.picked.map((i) => record[i]!));
    }
  }
  for (const copy of copies) copy.out.close();
  merge.close();

  for (const copy of copies) {
    if (copy.out.lines > 0) await exec(copyStatement(copy.table, copy.out.file));
  }
  if (merge.lines > 0) {
    for (const statement of loadStatements(kind, merge.file)) await exec(statement);
  }
}

/** The keys among `rows` that the store holds, from one keyed lookup exported by the engine. */
async function heldKeys<K extends UpsertKind>(exec: Exec, tmp: string, kind: K, rows: UpsertBatch[K]): Promise<Set<string>> {
  const keys = new CsvLineFile(path.join(tmp, `${kind}-keys.csv`), keyColumns(kind));
  for (const row of rows) keys.write(stageKey(kind, row));
  keys.close();
  const existingFile = path.join(tmp, `${kind}-existing.csv`);
  await exec(existingStatement(kind, keys.file, existingFile));
  return new Set(
    fs.existsSync(existingFile)
      ? (parse(fs.readFileSync(existingFile), { relax_column_count: true }) as string[][]).map((r) => r.join("\u0000"))
      : [],
  );
}
