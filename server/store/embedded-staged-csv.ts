/**
 * Writes a staged analysis table (analysis-rows.ts) as a CSV file for the engine's LOAD, in
 * large synchronous chunks: a million members never become one string. Every non-empty text
 * cell is wrapped in CELL_QUOTE, a control character that import refuses in any input value
 * and JSON.stringify always escapes, so no cell is ever scanned or escaped: RFC 4180 quoting of
 * the reasons JSON (a doubled quote every few characters) cost more than the engine's COPY.
 */
import fs from "node:fs";
import type { StagedTable } from "./analysis-rows.ts";
import { CELL_QUOTE, LIST_SEPARATOR } from "./embedded-analysis-writes.ts";

const CHUNK_CHARS = 1 << 22;

/**
 * One cell as the LOAD in embedded-analysis-writes.ts reads it. Empty text and missing values
 * stay bare, which the engine reads as null, as it did before cells were quoted.
 */
function cell(value: unknown, list: boolean): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = list ? (value as string[]).join(LIST_SEPARATOR) : String(value);
  return text === "" ? "" : CELL_QUOTE + text + CELL_QUOTE;
}

/** @example writeStagedCsv("/tmp/x/rings.csv", ringTable(result)) // one line per ring, after a header */
export function writeStagedCsv(file: string, table: StagedTable): void {
  const lists = table.columns.map((c) => c.type === "string[]");
  const fd = fs.openSync(file, "w");
  try {
    let chunk = `${table.columns.map((c) => c.name).join(",")}\n`;
    for (const row of table.rows) {
      let line = cell(row[0], lists[0]!);
      for (let i = 1; i < lists.length; i++) line += `,${cell(row[i], lists[i]!)}`;
      chunk += `${line}\n`;
      if (chunk.length >= CHUNK_CHARS) {
        fs.writeSync(fd, chunk);
        chunk = "";
      }
    }
    fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}
