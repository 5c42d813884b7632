/**
 * Streams the records of one CSV or JSON Lines file without holding the file in memory.
 * Yields each record with its first line number, or the line and reason when a record cannot
 * be read (broken quoting, wrong field count, bad JSON), so no row vanishes silently.
 */
import fs from "node:fs";
import readline from "node:readline";
import { parse } from "csv-parse";

export type RecordEvent =
  | { type: "header"; columns: string[] }
  | { type: "record"; line: number; values: Record<string, string> }
  | { type: "unreadable"; line: number; reason: string };

export interface ReadOptions {
  /** Maps a header as written to its contract name. */
  rename: (header: string) => string;
}

export function readRecords(file: string, options: ReadOptions): AsyncGenerator<RecordEvent> {
  return file.toLowerCase().endsWith(".jsonl") ? readJsonLines(file, options) : readCsv(file, options);
}

async function* readCsv(file: string, { rename }: ReadOptions): AsyncGenerator<RecordEvent> {
  const skipped: RecordEvent[] = [];
  const parser = fs.createReadStream(file).pipe(parse({
    bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true,
    skip_records_with_error: true, max_record_size: 64 * 1024 * 1024,
  }));
  parser.on("skip", (error: Error & { lines?: number }) => {
    skipped.push({ type: "unreadable", line: error.lines ?? 0, reason: `cannot be read as CSV: ${error.message}` });
  });
  let header: string[] | null = null;
  for await (const item of parser as AsyncIterable<{ record: string[]; raw: string; info: { lines: number } }>) {
    while (skipped.length > 0) yield skipped.shift()!;
    const { record, raw, info } = item;
    const line = info.lines - countNewlines(raw.replace(/\r?\n$/, ""));
    if (!header) {
      header = record.map(rename);
      yield { type: "header", columns: header };
      continue;
    }
    if (record.length !== header.length) {
      yield { type: "unreadable", line, reason: `has ${record.length} fields where the header has ${header.length}` };
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => { values[name] = record[i]!; });
    yield { type: "record", line, values };
  }
  while (skipped.length > 0) yield skipped.shift()!;
  if (!header) yield { type: "header", columns: [] };
}

async function* readJsonLines(file: string, { rename }: ReadOptions): AsyncGenerator<RecordEvent> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let line = 0;
  let announced = false;
  for await (const text of lines) {
    line++;
    if (text.trim() === "") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line === 1 ? text.replace(/^\uFEFF/, "") : text);
    } catch (error) {
      yield { type: "unreadable", line, reason: `is not valid JSON: ${(error as Error).message}` };
      continue;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      yield { type: "unreadable", line, reason: "is not a JSON object" };
      continue;
    }
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed)) {
      if (v === null || v === undefined) continue;
      values[rename(k)] = typeof v === "object" ? JSON.stringify(v) : String(v);
    }
    if (!announced) {
      announced = true;
      yield { type: "header", columns: Object.keys(values) };
    }
    yield { type: "record", line, values };
  }
  if (!announced) yield { type: "header", columns: [] };
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
