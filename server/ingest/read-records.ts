/**
 * Streams the records of one CSV or JSON Lines file line by line, never holding the file in
 * memory. Yields the records of a few megabytes at a time (one promise per chunk, not per
 * line), each with its first line number, or the lines and reason when a record
 * cannot be read (broken quoting, wrong field count, bytes that are not UTF-8, bad JSON), so no
 * row vanishes silently.
 */
import { CsvRecordSplitter, type RawRecord } from "../csv/csv-records.ts";
import { readLineChunks } from "../csv/line-chunks.ts";

/** U+FFFD (bytes that were not UTF-8) or control characters other than tab and line breaks. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
const UNREADABLE_TEXT = /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

export type RecordEvent =
  | { type: "header"; columns: string[] }
  | {
      type: "record";
      line: number;
      lastLine?: number;
      values: Record<string, string> /** Characters of its cells, to bound batches by size. */;
      chars: number;
    }
  | { type: "unreadable"; line: number; lastLine?: number; reason: string };

export interface ReadOptions {
  /** Maps a header as written to its contract name. */
  rename: (header: string) => string;
}

export function readRecords(file: string, options: ReadOptions): AsyncGenerator<RecordEvent[]> {
  return file.toLowerCase().endsWith(".jsonl") ? readJsonLines(file, options) : readCsv(file, options);
}

async function* readCsv(file: string, { rename }: ReadOptions): AsyncGenerator<RecordEvent[]> {
  const splitter = new CsvRecordSplitter();
  let header: string[] | null = null;
  let lineNumber = 0;
  const emit = (records: RawRecord[], events: RecordEvent[]) => {
    for (const r of records) {
      if (header || !Array.isArray(r.cells)) {
        events.push(csvEvent(r, header ?? []));
      } else {
        header = r.cells.map(rename);
        events.push({ type: "header", columns: header });
      }
    }
  };
  for await (const lines of readLineChunks(file)) {
    const events: RecordEvent[] = [];
    for (const raw of lines) {
      lineNumber++;
      emit(splitter.push(lineNumber === 1 ? raw.replace(/^\uFEFF/, "") : raw, lineNumber), events);
    }
    yield events;
  }
  const events: RecordEvent[] = [];
  emit(splitter.end(), events);
  if (!header) events.push({ type: "header", columns: [] });
  yield events;
}

/** A CSV record after the header: its cells by column name, or why it cannot be read. */
function csvEvent(r: RawRecord, header: string[]): RecordEvent {
  if (!Array.isArray(r.cells)) {
    return { type: "unreadable", line: r.firstLine, lastLine: r.lastLine, reason: `cannot be read as CSV: ${r.cells.error}` };
  }
  const cells = r.cells;
  if (cells.length !== header.length) {
    return {
      type: "unreadable",
      line: r.firstLine,
      lastLine: r.lastLine,
      reason: `has ${cells.length} fields where the header has ${header.length}`,
    };
  }
  const bad = cells.findIndex(isUnreadableText);
  if (bad !== -1) {
    return {
      type: "unreadable",
      line: r.firstLine,
      lastLine: r.lastLine,
      reason: `column ${header[bad]} is not valid UTF-8 text (binary or Latin-1 bytes; save the file as UTF-8)`,
    };
  }
  const values: Record<string, string> = {};
  let chars = 0;
  // A plain loop, not forEach: a closure made per record costs measurable time at 100k+ rows.
  for (let i = 0; i < header.length; i++) {
    values[header[i]!] = cells[i]!;
    chars += cells[i]!.length;
  }
  return { type: "record", line: r.firstLine, lastLine: r.lastLine, values, chars };
}

const isUnreadableText = (cell: string) => UNREADABLE_TEXT.test(cell);

async function* readJsonLines(file: string, { rename }: ReadOptions): AsyncGenerator<RecordEvent[]> {
  let line = 0;
  let announced = false;
  for await (const lines of readLineChunks(file)) {
    const events: RecordEvent[] = [];
    for (const text of lines) {
      line++;
      if (text.trim() === "") continue;
      const event = jsonEvent(line === 1 ? text.replace(/^\uFEFF/, "") : text, line, rename);
      if (!announced && event.type === "record") {
        announced = true;
        events.push({ type: "header", columns: Object.keys(event.values) });
      }
      events.push(event);
    }
    yield events;
  }
  if (!announced) yield [{ type: "header", columns: [] }];
}

function jsonEvent(text: string, line: number, rename: (header: string) => string): RecordEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { type: "unreadable", line, reason: `is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { type: "unreadable", line, reason: "is not a JSON object" };
  }
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (v === null || v === undefined) continue;
    values[rename(k)] = typeof v === "object" ? JSON.stringify(v) : String(v);
  }
  return { type: "record", line, values, chars: text.length };
}
