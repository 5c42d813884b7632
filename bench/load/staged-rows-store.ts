/**
 * A GraphStore that stores nothing: it writes every batch ringlens' import hands to `upsert`
 * as the embedded store's staged CSV (same columns, same `stageRecord`), one file per kind.
 * Running importFolder against it yields ringlens' own normalised rows, for the engine-only
 * ceilings, without copying any normaliser. Imports no engine.
 */
import fs from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { RinglensError } from "../../server/errors.ts";
import type { GraphStore, UpsertBatch, UpsertKind } from "../../server/store/graph-store.ts";
import { LOAD_SPECS, stageRecord } from "../../server/store/embedded-loads.ts";

export class StagedRowsStore implements GraphStore {
  readonly info = { engine: "embedded" as const, engineVersion: "none (staging only)", location: "" };
  readonly dialect = "kuzu" as const;
  /** Rows written per kind. */
  readonly rows: Partial<Record<UpsertKind, number>> = {};

  constructor(readonly folder: string) {
    fs.mkdirSync(folder, { recursive: true });
    this.info.location = folder;
  }

  /** The staged file of `kind` (it has a header row). */
  file(kind: UpsertKind): string {
    return path.join(this.folder, `${kind}.csv`);
  }

  async ensureSchema(): Promise<void> {}

  async upsert<K extends UpsertKind>(kind: K, rows: UpsertBatch[K]): Promise<void> {
    const file = this.file(kind);
    if (this.rows[kind] === undefined) {
      fs.writeFileSync(file, stringify([LOAD_SPECS[kind].columns.map((c) => c.name)]));
      this.rows[kind] = 0;
    }
    fs.appendFileSync(file, stringify(rows.map((r) => stageRecord(kind, r))));
    this.rows[kind]! += rows.length;
  }

  inStoreGraph(): never {
    return unsupported("inStoreGraph");
  }
  readAnalysisInput(): never {
    return unsupported("readAnalysisInput");
  }
  writeAnalysis(): never {
    return unsupported("writeAnalysis");
  }
  query(): never {
    return unsupported("query");
  }
  write(): never {
    return unsupported("write");
  }
  counts(): never {
    return unsupported("counts");
  }
  async prefixIndex(): Promise<null> {
    return null;
  }
  async buildPrefixIndex(): Promise<null> {
    return null;
  }
  async getMeta(): Promise<string | null> {
    return null;
  }
  async setMeta(): Promise<void> {}
  async ping(): Promise<boolean> {
    return true;
  }
  async close(): Promise<void> {}
}

function unsupported(method: string): never {
  throw new RinglensError("unavailable", `bench: the staging store only records upserts (${method} is not available)`);
}
