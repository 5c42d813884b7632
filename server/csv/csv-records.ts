/**
 * Splits CSV text into records by physical lines, so every line of a file is accounted for
 * even when quoting is broken. A record spans several lines only while a quoted cell is open
 * (odd count of `"`) and only if the joined text parses as exactly one record; otherwise each
 * of its lines stands alone and is loaded or rejected by itself. A streaming parser would
 * instead swallow everything after a stray quote.
 */

export interface RawRecord {
  firstLine: number;
  lastLine: number;
  /** Parsed cells, or why the record cannot be read. */
  cells: string[] | { error: string };
}

/** Longest span of lines one quoted cell may have before its lines are taken one by one. */
const MAX_SPAN_LINES = 10_000;

/**
 * Parses the text of one CSV record (RFC 4180: `"` quotes a cell, `""` inside it is a quote).
 * A quote inside an unquoted cell is kept as text, as spreadsheets write `5" screen`. Hand
 * written because a general parser per line cost more than the rest of the import together.
 */
export function parseCsvRecord(text: string): string[] | { error: string } {
  if (!text.includes('"')) return text.split(",");
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let cell = "";
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) return { error: `a quoted cell opened at column ${cells.length + 1} is not closed` };
        cell += text.slice(j, q);
        if (text[q + 1] === '"') {
          cell += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      cells.push(cell);
      if (i === text.length) return cells;
      if (text[i] !== ",") return { error: `unexpected text after the quoted cell in column ${cells.length}` };
      i++;
    } else {
      const comma = text.indexOf(",", i);
      if (comma === -1) {
        cells.push(text.slice(i));
        return cells;
      }
      cells.push(text.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** Feeds physical lines in, takes records out; call `end()` after the last line. */
export class CsvRecordSplitter {
  private pending: string[] = [];
  private pendingFirst = 0;
  private quotes = 0;

  push(line: string, lineNumber: number): RawRecord[] {
    if (this.pending.length === 0) {
      if (line.trim() === "") return [];
      const q = countQuotes(line);
      if (q % 2 === 0) return [{ firstLine: lineNumber, lastLine: lineNumber, cells: parseCsvRecord(line) }];
      this.pending = [line];
      this.pendingFirst = lineNumber;
      this.quotes = q;
      return [];
    }
    this.pending.push(line);
    this.quotes += countQuotes(line);
    if (this.quotes % 2 === 0) return this.flush();
    if (this.pending.length >= MAX_SPAN_LINES) return this.lineByLine();
    return [];
  }

  end(): RawRecord[] {
    return this.pending.length > 0 ? this.lineByLine() : [];
  }

  private flush(): RawRecord[] {
    const cells = parseCsvRecord(this.pending.join("\n"));
    if (Array.isArray(cells)) {
      const record = { firstLine: this.pendingFirst, lastLine: this.pendingFirst + this.pending.length - 1, cells };
      this.reset();
      return [record];
    }
    return this.lineByLine();
  }

  private lineByLine(): RawRecord[] {
    const out = this.pending
      .map((line, i) => ({ line, n: this.pendingFirst + i }))
      .filter(({ line }) => line.trim() !== "")
      .map(({ line, n }) => ({ firstLine: n, lastLine: n, cells: parseCsvRecord(line) }));
    this.reset();
    return out;
  }

  private reset(): void {
    this.pending = [];
    this.quotes = 0;
  }
}

function countQuotes(line: string): number {
  let n = 0;
  for (let i = line.indexOf('"'); i !== -1; i = line.indexOf('"', i + 1)) n++;
  return n;
}
