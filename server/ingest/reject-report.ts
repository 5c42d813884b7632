/**
 * The import's reject report: one CSV row per input row that was not loaded, with file, line,
 * column and reason. Streams to disk so a file full of bad rows does not fill memory.
 */
import fs from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify";

export interface Rejection {
  file: string;
  line: number;
  column: string;
  reason: string;
}

export class RejectReport {
  private readonly out: ReturnType<typeof stringify>;
  private readonly done: Promise<void>;
  count = 0;

  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.out = stringify({ header: true, columns: ["file", "line", "column", "reason"] });
    const sink = fs.createWriteStream(file);
    this.out.pipe(sink);
    this.done = new Promise((resolve, reject) => {
      sink.on("finish", () => resolve());
      sink.on("error", reject);
    });
  }

  async add(rejection: Rejection): Promise<void> {
    this.count++;
    if (!this.out.write(rejection)) await new Promise((resolve) => this.out.once("drain", resolve));
  }

  async close(): Promise<void> {
    this.out.end();
    await this.done;
  }
}
