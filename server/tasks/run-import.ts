/**
 * One import, as the CLI and the API's import job run it: the folder into the store, then the
 * `lastImport` meta record. Also where a reject report goes when nobody says (beside the store).
 */
import path from "node:path";
import type { Config } from "../config.ts";
import { importFolder, type ImportOptions, type ImportReport } from "../ingest/import-folder.ts";
import { writeMeta } from "../store/meta.ts";
import type { BuiltIndex } from "../read-model/search-fields.ts";

/** `rejects-<timestamp>.csv` in the folder holding the embedded store's folder. */
export function defaultRejectFile(config: Pick<Config, "db">): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return path.resolve(config.db, "..", `rejects-${stamp}.csv`);
}

/**
 * importFolder, then the summary recorded as `lastImport`, then the store's prefix index for
 * search built for it (none on a store that keeps none).
 *
 * @example await runImport({ folder: "data/demo", store, rejectFile: defaultRejectFile(config) })
 */
export type ImportRun = ImportReport & { searchIndex: BuiltIndex | null };

export async function runImport(options: ImportOptions): Promise<ImportRun> {
  const report = await importFolder(options);
  await writeMeta(options.store, "lastImport", {
    at: new Date().toISOString(),
    folder: path.resolve(options.folder),
    read: report.read,
    loaded: report.loaded,
    rejected: report.rejected,
  });
  return { ...report, searchIndex: await options.store.buildPrefixIndex() };
}
