/**
 * Rewrites ringlens' staged rows (see staged-rows-store.ts) as the files the engine's
 * `COPY … FROM` takes into empty tables, following the embedded store's own copy plan
 * (`LOAD_SPECS[kind].copies`: which tables, which columns, in table order): each row once
 * (the first staged row of a key, as `stagedKey` defines it). Values are already normalised;
 * nothing is parsed beyond splitting the CSV. Imports no engine.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify/sync";
import { UPSERT_ORDER, type UpsertKind } from "../../server/store/graph-store.ts";
import { LOAD_SPECS, stagedKey } from "../../server/store/embedded-loads.ts";

export interface CopyFile {
  table: string;
  file: string;
}

/** Where writeCopyFiles records the files in COPY order (node tables before relationships). */
export const COPY_ORDER_FILE = "copy-order.json";

/**
 * Writes `<out>/<table>.csv` for every table fed by a staged file that exists, and
 * `<out>/copy-order.json`; returns the files in COPY order.
 *
 * @example const files = await writeCopyFiles((kind) => staged.file(kind), "/tmp/copy");
 */
export async function writeCopyFiles(stagedFile: (kind: UpsertKind) => string, out: string): Promise<CopyFile[]> {
  fs.mkdirSync(out, { recursive: true });
  const written: CopyFile[] = [];
  for (const kind of UPSERT_ORDER) {
    const source = stagedFile(kind);
    if (!fs.existsSync(source)) continue;
    const names = LOAD_SPECS[kind].columns.map((c) => c.name);
    for (const copy of LOAD_SPECS[kind].copies) {
      const file = path.join(out, `${copy.table}.csv`);
      await writeOne(
        source,
        file,
        copy.columns.map((c) => names.indexOf(c)),
        copy.columns,
        copy.onlyWhen === undefined ? -1 : names.indexOf(copy.onlyWhen),
        (record) => stagedKey(kind, record),
      );
      written.push({ table: copy.table, file });
    }
  }
  fs.writeFileSync(path.join(out, COPY_ORDER_FILE), JSON.stringify(written));
  return written;
}

async function writeOne(
  source: string,
  file: string,
  picked: number[],
  header: string[],
  onlyWhen: number,
  keyOf: (record: string[]) => string,
): Promise<void> {
  const sink = fs.openSync(file, "w");
  try {
    fs.writeSync(sink, stringify([header]));
    const seen = new Set<string>();
    let batch: string[][] = [];
    let first = true;
    for await (const record of fs.createReadStream(source).pipe(parse()) as AsyncIterable<string[]>) {
      if (first) {
        first = false;
        continue;
      }
      if (onlyWhen !== -1 && record[onlyWhen] === "") continue;
      const key = keyOf(record);
      if (seen.has(key)) continue;
      seen.add(key);
      batch.push(picked.map((i) => record[i] ?? ""));
      if (batch.length >= 10_000) {
        fs.writeSync(sink, stringify(batch));
        batch = [];
      }
    }
    fs.writeSync(sink, stringify(batch));
  } finally {
    fs.closeSync(sink);
  }
}
