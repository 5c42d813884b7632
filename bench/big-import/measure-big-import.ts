/**
 * Imports a generated folder whose refunds.csv is `mb` megabytes through the real
 * `ringlens load` in its own process and reports what it took: rows, time, rows/s, MB/s, the
 * peak RSS and the RSS over time (flat means memory does not grow with the file), and whether
 * every row was loaded or accounted for exactly as planted.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CLI, runChild } from "../child/run-child.ts";
import { writeBigFolder, type BigFolderSummary } from "./write-big-folder.ts";

export interface BigImportOptions {
  mb: number;
  /** Accounts the refunds point at (default 200,000). */
  accounts?: number;
  /** Engine buffer pool for the load (RINGLENS_DB_MEMORY_MB); ringlens' default when unset. */
  dbMemoryMb?: number;
  /** Extra Node options for the load process, e.g. a heap limit. */
  nodeOptions?: string;
  onProgress?: (line: string) => void;
}

export interface FileCounts {
  read: number;
  loaded: number;
  rejected: number;
  duplicates: number;
  replaced: number;
}

export interface BigImportResult {
  planted: BigFolderSummary;
  refunds: FileCounts;
  /** Rows the refunds file should have had loaded, rejected and so on, from what was planted. */
  expected: FileCounts;
  totalRows: number;
  generateSeconds: number;
  loadSeconds: number;
  rowsPerSecond: number;
  mbPerSecond: number;
  peakRssBytes: number;
  /** RSS at 10 %, 25 %, 50 %, 75 % and 90 % of the load's wall time. */
  rssOverTime: { at: number; bytes: number }[];
  storedRefunds: number;
}

export async function measureBigImport(options: BigImportOptions): Promise<BigImportResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringlens-big-import-"));
  try {
    const data = path.join(dir, "data");
    const started = performance.now();
    const planted = await writeBigFolder(data, { refundBytes: options.mb * 1024 * 1024, accounts: options.accounts });
    const generateSeconds = (performance.now() - started) / 1000;
    options.onProgress?.(
      `generated ${(planted.refundBytes / 1e6).toFixed(0)} MB of refunds (${planted.refundRows.toLocaleString("en-US")} rows) in ${generateSeconds.toFixed(1)} s`,
    );
    const env: Record<string, string> = { BENCH_RSS_EVERY_MS: "500" };
    if (options.dbMemoryMb) env.RINGLENS_DB_MEMORY_MB = String(options.dbMemoryMb);
    if (options.nodeOptions) env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} ${options.nodeOptions}`.trim();
    const db = path.join(dir, "db");
    const load = await runChild(CLI, ["load", data, "--db", db, "--json", "--rejects", path.join(dir, "rejects.csv")], {
      env,
      onStderrLine: options.onProgress,
    });
    const report = JSON.parse(load.stdout) as { read: number; files: Record<string, FileCounts> };
    const health = await runChild(CLI, ["health", "--db", db]);
    const storedRefunds = Number(/\bRefund=(\d+)/.exec(health.stdout)?.[1] ?? Number.NaN);
    const repeats = planted.identicalRepeats + planted.changedRepeats;
    const expected: FileCounts = {
      read: planted.refundRows,
      rejected: planted.badRows,
      duplicates: repeats,
      replaced: planted.changedRepeats,
      loaded: planted.refundRows - planted.badRows - repeats,
    };
    const loadSeconds = load.wallMs / 1000;
    const samples = load.rssSamples;
    const at = (share: number) => {
      const ms = share * load.wallMs;
      const sample = samples.reduce((best, s) => (Math.abs(s[0] - ms) < Math.abs(best[0] - ms) ? s : best), samples[0] ?? [0, Number.NaN]);
      return { at: share, bytes: sample[1] };
    };
    return {
      planted,
      refunds: pick(report.files.refunds!),
      expected,
      totalRows: report.read,
      generateSeconds,
      loadSeconds,
      rowsPerSecond: report.read / loadSeconds,
      mbPerSecond: (planted.refundBytes + fs.statSync(path.join(data, "accounts.csv")).size) / 1e6 / loadSeconds,
      peakRssBytes: load.maxRssBytes,
      rssOverTime: [0.1, 0.25, 0.5, 0.75, 0.9].map(at),
      storedRefunds,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function pick(counts: FileCounts): FileCounts {
  const { read, loaded, rejected, duplicates, replaced } = counts;
  return { read, loaded, rejected, duplicates, replaced };
}
