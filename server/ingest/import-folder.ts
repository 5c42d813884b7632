/**
 * Imports a folder of CSV/JSONL files into a GraphStore: streams each file in FILE_KINDS
 * order, checks every record, hands the valid ones to their kind's stager (stagers/), writes
 * the staged rows in batches and accounts for every record (row-accounting.ts), rejects
 * included. Invariant per file: read = loaded + rejected + duplicates.
 */
import v8 from "node:v8";
import { checkpoint } from "../checkpoints.ts";
import type { GraphStore } from "../store/graph-store.ts";
import { checkRecord, missingColumns, unreadableRejections } from "./check-record.ts";
import { FILE_KINDS, FILE_SPECS, type FileKind } from "./file-specs.ts";
import { locateFiles } from "./locate-files.ts";
import { EMPTY_MAPPING, headerRenamer, type Mapping } from "./mapping.ts";
import { PendingBatch, WriteChain, type BatchLimits } from "./pending-batch.ts";
import { ProgressMeter, type ImportProgress } from "./progress-meter.ts";
import { readRecords } from "./read-records.ts";
import { RejectReport } from "./reject-report.ts";
import { RowAccounting, emptyFileReport, type FileReport, type RecordOutcome } from "./row-accounting.ts";
import { createStagingMemory, type StagingMemory } from "./stagers/stager.ts";
import { STAGERS } from "./stagers/stagers.ts";
import { AddressSlips } from "./address-slips.ts";
import { toAddress } from "./to-entities.ts";
import type { AddressMerge } from "../domain/normalise/street-slips.ts";

export type { FileReport, ImportProgress, RecordOutcome };

export interface ImportReport {
  folder: string;
  files: FileReport[];
  rejectFile: string;
  read: number;
  loaded: number;
  rejected: number;
  placeholders: number;
  /** Street spellings one slip apart from a more common one at the same house, loaded as it. */
  addressMerges: AddressMerge[];
  ms: number;
  rowsPerSecond: number;
}

export interface ImportOptions {
  folder: string;
  store: GraphStore;
  rejectFile: string;
  mapping?: Mapping;
  batchSize?: number;
  /** Also flush once the pending rows hold this many characters of input (default 32M, less under a small heap: batchLimitsForHeap), so wide rows do not grow a batch without bound. */
  batchChars?: number;
  onProgress?: (progress: ImportProgress) => void;
  onRecord?: (outcome: RecordOutcome) => void;
}

/** What the files of one import share. */
interface ImportRun {
  store: GraphStore;
  mapping: Mapping;
  limits: BatchLimits;
  rejects: RejectReport;
  progress: ProgressMeter;
  memory: StagingMemory;
  /** Every write of the import, in order; a file's last batch is written while the next file is staged. */
  writes: WriteChain;
  onRecord: ((outcome: RecordOutcome) => void) | undefined;
}

/**
 * @example const report = await importFolder({ folder: "data/demo", store, rejectFile: "rejects.csv" })
 */
export async function importFolder(options: ImportOptions): Promise<ImportReport> {
  const progress = new ProgressMeter(options.onProgress);
  const mapping = options.mapping ?? EMPTY_MAPPING;
  const files = locateFiles(options.folder, mapping);
  const rejects = new RejectReport(options.rejectFile);
  const run: ImportRun = {
    store: options.store,
    mapping,
    limits: batchLimits(options),
    rejects,
    progress,
    memory: createStagingMemory(files.contacts !== null),
    writes: new WriteChain(),
    onRecord: options.onRecord,
  };
  const reports: FileReport[] = [];
  let addressMerges: AddressMerge[] = [];
  await options.store.ensureSchema();
  try {
    for (const kind of FILE_KINDS) {
      const file = files[kind];
      if (kind === "addresses" && file) addressMerges = await planAddressMerges(file, run);
      reports.push(file ? await importFile(kind, file, run) : emptyFileReport(kind, null));
    }
    await run.writes.done();
  } finally {
    // On a failure, a write may still be running: let it end before the caller closes the store.
    await run.writes.done().catch(() => undefined);
    await rejects.close();
  }
  return { ...summarise(options, reports, progress), addressMerges };
}

/**
 * First pass over addresses.csv: which normalised keys are typos of another spelling at the
 * same house (address-slips.ts). Decided over the whole file before any row is staged, so a
 * merge does not depend on row order or batch boundaries. Rejected rows are left to the main pass.
 */
async function planAddressMerges(file: string, run: ImportRun): Promise<AddressMerge[]> {
  const slips = new AddressSlips();
  const specs = FILE_SPECS.addresses;
  let missing: string[] = [];
  for await (const events of readRecords(file, { rename: headerRenamer(run.mapping, "addresses") })) {
    for (const event of events) {
      if (event.type === "header") {
        missing = file.toLowerCase().endsWith(".csv") ? missingColumns(specs, event.columns) : [];
        continue;
      }
      if (event.type === "unreadable") continue;
      const checked = checkRecord(event.values, missing, specs, run.memory.known);
      if (checked.ok) slips.add(toAddress(checked.values).address.id);
    }
  }
  const { into, merges } = slips.plan();
  run.memory.addressInto = into;
  return merges;
}

/** Streams one file through checks, its stager and the batch; announces `import:<kind>:done` once its rows are in the store. */
async function importFile(kind: FileKind, file: string, run: ImportRun): Promise<FileReport> {
  const rows = new RowAccounting(kind, file, run.rejects, run.onRecord);
  const batch = new PendingBatch(run.store, kind, run.limits, run.writes);
  const stage = STAGERS[kind];
  const specs = FILE_SPECS[kind];
  let missing: string[] = [];
  for await (const events of readRecords(file, { rename: headerRenamer(run.mapping, kind) })) {
    for (const event of events) {
      if (event.type === "header") {
        // A JSON Lines header is the first object's keys, not a promise about the others.
        missing = file.toLowerCase().endsWith(".csv") ? missingColumns(specs, event.columns) : [];
        continue;
      }
      rows.read();
      run.progress.count();
      if (event.type === "unreadable") {
        await rows.reject(event, unreadableRejections(event));
        continue;
      }
      const checked = checkRecord(event.values, missing, specs, run.memory.known);
      if (!checked.ok) {
        await rows.reject(event, checked.rejections);
        continue;
      }
      rows.accept(event, stage(checked.values, batch.rows, run.memory));
      if (batch.add(event.chars)) await batch.flush();
      run.progress.announceIfRound(kind, rows.report.read);
    }
  }
  await batch.flush();
  run.progress.announce(kind, rows.report.read);
  run.writes.after(() => checkpoint(`import:${kind}:done`));
  return rows.report;
}

function batchLimits(options: ImportOptions): BatchLimits {
  const fit = batchLimitsForHeap(v8.getHeapStatistics().heap_size_limit);
  return { rows: options.batchSize ?? fit.rows, chars: options.batchChars ?? fit.chars };
}

/**
 * Each engine statement has a fixed cost (tens to hundreds of ms) whatever its size, so batches
 * are large: up to 200,000 rows or 32 M characters. Two are alive at once (one written while the
 * next is staged), at up to ~600 bytes of heap a staged row, so under a small heap (`--max-old-space-size`)
 * batches shrink to keep both within a quarter of it.
 * @example batchLimitsForHeap(256 * 2 ** 20) // { rows: 55924, chars: 16777216 }
 */
export function batchLimitsForHeap(heapBytes: number): BatchLimits {
  const rows = Math.floor(heapBytes / 4 / (2 * 600));
  return { rows: Math.max(10_000, Math.min(200_000, rows)), chars: Math.min(32 * 2 ** 20, Math.floor(heapBytes / 16)) };
}

function summarise(options: ImportOptions, files: FileReport[], progress: ProgressMeter): Omit<ImportReport, "addressMerges"> {
  const sum = (key: "read" | "loaded" | "rejected" | "placeholders") => files.reduce((s, r) => s + r[key], 0);
  return {
    folder: options.folder,
    files,
    rejectFile: options.rejectFile,
    read: sum("read"),
    loaded: sum("loaded"),
    rejected: sum("rejected"),
    placeholders: sum("placeholders"),
    ms: Math.round(progress.elapsedMs()),
    rowsPerSecond: progress.rowsPerSecond(),
  };
}
