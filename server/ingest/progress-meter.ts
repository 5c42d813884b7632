/**
 * Counts the rows an import has read across its files and announces progress (rows of the
 * current file, rows in all, rows per second) every 10,000 rows and at the end of each file.
 */
import type { FileKind } from "./file-specs.ts";

export interface ImportProgress {
  kind: FileKind;
  read: number;
  totalRead: number;
  rowsPerSecond: number;
}

const EVERY = 10_000;

export class ProgressMeter {
  private readonly started = performance.now();
  totalRead = 0;

  constructor(private readonly onProgress: ((progress: ImportProgress) => void) | undefined) {}

  count(): void {
    this.totalRead++;
  }

  /** Announces when the rows read in all are a multiple of 10,000. */
  announceIfRound(kind: FileKind, read: number): void {
    if (this.totalRead % EVERY === 0) this.announce(kind, read);
  }

  announce(kind: FileKind, read: number): void {
    this.onProgress?.({ kind, read, totalRead: this.totalRead, rowsPerSecond: this.rowsPerSecond() });
  }

  elapsedMs(): number {
    return performance.now() - this.started;
  }

  rowsPerSecond(): number {
    return Math.round(this.totalRead / Math.max(this.elapsedMs() / 1000, 1e-3));
  }
}
