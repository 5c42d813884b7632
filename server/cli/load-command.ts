/**
 * `ringlens load DIR`: imports a folder into the store with progress and a per-file report.
 * Exit code is non-zero only when nothing could be loaded or the store failed.
 */
import path from "node:path";
import type { Config } from "../config.ts";
import { EMPTY_MAPPING, readMapping } from "../ingest/mapping.ts";
import { createStore } from "../store/create-store.ts";
import { auditCli } from "./cli-audit.ts";
import type { GraphStore } from "../store/graph-store.ts";
import { type ImportRun, defaultRejectFile, runImport } from "../tasks/run-import.ts";
import { createProgressLine } from "./progress-line.ts";
import { formatTable } from "./format-table.ts";

export interface LoadFlags {
  mapping?: string;
  json?: boolean;
  rejects?: string;
}

export async function runLoad(folder: string, flags: LoadFlags, config: Config, out: NodeJS.WritableStream): Promise<number> {
  const mapping = flags.mapping ? readMapping(flags.mapping) : EMPTY_MAPPING;
  const store = await createStore(config, { command: "load" });
  try {
    const report = await loadInto(store, folder, mapping, flags.rejects ?? defaultRejectFile(config), !flags.json);
    await auditCli(store, "import", { folder: report.folder, loaded: report.loaded, rejected: report.rejected });
    out.write(flags.json ? `${JSON.stringify(toJson(report))}\n` : `${formatReport(report)}\n`);
    return report.loaded === 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

export async function loadInto(
  store: GraphStore,
  folder: string,
  mapping: typeof EMPTY_MAPPING,
  rejectFile: string,
  showProgress: boolean,
): Promise<ImportRun> {
  const progress = createProgressLine();
  const report = await runImport({
    folder,
    store,
    mapping,
    rejectFile,
    onProgress: showProgress
      ? (p) =>
          progress.update(
            `load: ${p.kind} ${p.read.toLocaleString("en")} rows · ${p.totalRead.toLocaleString("en")} total · ${p.rowsPerSecond.toLocaleString("en")} rows/s`,
          )
      : undefined,
  });
  progress.done();
  return report;
}

export function formatReport(report: ImportRun): string {
  const rows = report.files.map((f) => [
    f.file ? path.basename(f.file) : `${f.kind} (none)`,
    f.read,
    f.loaded,
    f.rejected,
    f.duplicates,
    f.placeholders,
  ]);
  return [
    formatTable(["file", "read", "loaded", "rejected", "duplicates", "placeholders"], rows),
    "",
    `${report.loaded.toLocaleString("en")} rows loaded of ${report.read.toLocaleString("en")} in ${(report.ms / 1000).toFixed(1)} s (${report.rowsPerSecond.toLocaleString("en")} rows/s)`,
    ...(report.searchIndex
      ? [`search index built in ${(report.searchIndex.ms / 1000).toFixed(1)} s (${(report.searchIndex.bytes / 1e6).toFixed(1)} MB)`]
      : []),
    report.rejected > 0 ? `${report.rejected} rows rejected: see ${report.rejectFile}` : `no rows rejected (report: ${report.rejectFile})`,
    ...(report.placeholders > 0
      ? [
          `${report.placeholders.toLocaleString("en")} rows had a placeholder identifier (test@test.com, 000-000-0000, a constant device id): loaded, but that value does not link`,
        ]
      : []),
    ...(report.addressMerges.length > 0
      ? [
          `${report.addressMerges.length.toLocaleString("en")} address spellings one slip from another at the same house were loaded as it:`,
          ...report.addressMerges.map((m) => `  ${m.from} → ${m.to} (${m.rows} ${m.rows === 1 ? "row" : "rows"})`),
        ]
      : []),
  ].join("\n");
}

export function toJson(report: ImportRun) {
  const files: Record<string, unknown> = {};
  for (const f of report.files) {
    files[f.kind] = {
      file: f.file,
      read: f.read,
      loaded: f.loaded,
      rejected: f.rejected,
      duplicates: f.duplicates,
      replaced: f.replaced,
      placeholders: f.placeholders,
    };
  }
  return {
    folder: report.folder,
    files,
    read: report.read,
    loaded: report.loaded,
    rejected: report.rejected,
    placeholders: report.placeholders,
    addressMerges: report.addressMerges,
    rejectFile: report.rejectFile,
    ms: report.ms,
    rowsPerSecond: report.rowsPerSecond,
    searchIndex: report.searchIndex,
  };
}
