/**
 * A CSV file written through csv-stringify (header first, RFC 4180 quoting, CRLF records)
 * with backpressure: writing waits for 'drain' whenever the stream's buffer is full, so a
 * million-row file never piles up in memory. The only file-writing code of the demo.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";

/** Bytes buffered per file before writers wait; large enough that waits are rare. */
const BUFFER_BYTES = 1 << 20;

export class CsvSink<Row extends Record<string, string>> {
  rows = 0;
  private readonly stringifier;
  private readonly done: Promise<void>;

  constructor(
    path: string,
    private readonly columns: readonly (keyof Row & string)[],
  ) {
    this.stringifier = stringify({
      header: true,
      columns: [...columns],
      record_delimiter: "windows",
      readableHighWaterMark: BUFFER_BYTES,
      writableHighWaterMark: 1024,
    });
    this.done = pipeline(this.stringifier, createWriteStream(path, { highWaterMark: BUFFER_BYTES }));
    // A failure surfaces in writeAll() or close(); this only keeps it from being reported as unhandled.
    this.done.catch(() => undefined);
  }

  async writeAll(rows: readonly Row[]): Promise<void> {
    for (const row of rows) {
      this.rows += 1;
      // Cells in column order: csv-stringify then skips its per-cell property-path lookup.
      if (!this.stringifier.write(this.columns.map((column) => row[column]))) {
        await Promise.race([once(this.stringifier, "drain"), this.done]);
      }
    }
  }

  /** Ends the file and waits until every byte is on disk. */
  async close(): Promise<number> {
    this.stringifier.end();
    await this.done;
    return this.rows;
  }

  /** Abandons the file after a failure elsewhere, releasing its handle. */
  destroy(): void {
    this.stringifier.destroy();
  }
}
