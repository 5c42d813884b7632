/**
 * Accounts for every record of one input file: loaded, rejected (each problem a row of the
 * reject report with file, line, column and reason), or a duplicate of an earlier key, either
 * identical or changed (the later row wins). Keeps read = loaded + rejected + duplicates and
 * tells the optional `onRecord` audit what became of each record. Does not stage or write.
 */
import path from "node:path";
import type { FileKind } from "./file-specs.ts";
import { KeyDigests } from "./key-digests.ts";
import type { RejectReport } from "./reject-report.ts";
import type { Staged } from "./stagers/stager.ts";

export interface FileReport {
  kind: FileKind;
  file: string | null;
  read: number;
  loaded: number;
  rejected: number;
  /** Rows not loaded because another row had the same key (identical, or replaced by a later one). */
  duplicates: number;
  /** Of the duplicates: keys whose later row differed and won. */
  replaced: number;
  /** Loaded rows with a placeholder identifier (`test@test.com`, `000-000-0000`, a constant device id) that was not linked. */
  placeholders: number;
}

/** What became of one input record (for audits and tests: every line is accounted for). */
export interface RecordOutcome {
  kind: FileKind;
  firstLine: number;
  lastLine: number;
  outcome: "loaded" | "rejected" | "duplicate";
}

/** Where a record sits in its file: its first line, and its last when it spans several. */
export interface RecordLines {
  line: number;
  lastLine?: number;
}

/** One reason a record was not loaded; the file and line come from the record. */
export interface CellRejection {
  column: string;
  reason: string;
}

export const emptyFileReport = (kind: FileKind, file: string | null): FileReport => ({
  kind,
  file,
  read: 0,
  loaded: 0,
  rejected: 0,
  duplicates: 0,
  replaced: 0,
  placeholders: 0,
});

export class RowAccounting {
  readonly report: FileReport;
  private readonly name: string;
  private readonly keys = new KeyDigests();

  constructor(
    kind: FileKind,
    file: string,
    private readonly rejects: RejectReport,
    private readonly onRecord: ((outcome: RecordOutcome) => void) | undefined,
  ) {
    this.report = emptyFileReport(kind, file);
    this.name = path.basename(file);
  }

  /** Counts a record read, before it is judged. */
  read(): void {
    this.report.read++;
  }

  /** Counts a record rejected and writes one reject row per reason, in the order given. */
  async reject(at: RecordLines, reasons: readonly CellRejection[]): Promise<void> {
    if (this.onRecord) this.onRecord(this.outcome(at, "rejected"));
    this.report.rejected++;
    for (const r of reasons) await this.rejects.add({ file: this.name, line: at.line, column: r.column, reason: r.reason });
  }

  /** Counts a staged record as loaded, or as a duplicate when its key was seen before in this file. */
  accept(at: RecordLines, staged: Staged): void {
    const verdict = this.keys.remember(staged.key, staged.content);
    if (this.onRecord) this.onRecord(this.outcome(at, verdict === "new" ? "loaded" : "duplicate"));
    if (verdict === "new") {
      this.report.loaded++;
      if (staged.placeholder) this.report.placeholders++;
    } else {
      this.report.duplicates++;
      if (verdict === "changed") this.report.replaced++;
    }
  }

  private outcome(at: RecordLines, outcome: RecordOutcome["outcome"]): RecordOutcome {
    return { kind: this.report.kind, firstLine: at.line, lastLine: at.lastLine ?? at.line, outcome };
  }
}
