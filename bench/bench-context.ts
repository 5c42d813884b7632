/**
 * What every section of a bench run shares: the options, the demo data, a scratch folder
 * for stores (removed at the end), progress, and notes that end up under the table.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchOptions } from "./bench-options.ts";
import type { DemoData } from "./demo-cache.ts";
import type { Progress } from "./progress.ts";
import type { StoreTarget } from "./store-target.ts";

/** ringlens' normalised rows of the demo (bench/load/stage-demo.ts stages them). */
export interface StagedDemo {
  /** Staged rows per kind, as the embedded store's LOAD FROM takes them. */
  mergeDir: string;
  /** One file per table, as COPY FROM takes them. */
  copyDir: string;
  /** Seconds of ringlens' import with a store that only writes CSV. */
  stagingSeconds: number;
  stagedRows: Record<string, number>;
}

export interface BenchContext {
  options: BenchOptions;
  demo: DemoData;
  progress: Progress;
  /** The store ringlens runs on (--store): how to point the CLI at it, wipe it, read its server's RSS. */
  store: StoreTarget;
  /** Lines printed under the table and kept in the JSON (fewer runs, skipped parts, caveats). */
  notes: string[];
  /** What could not be measured, with the reason (printed under the table; exit code 1). */
  failures: string[];
  /** A new empty folder under the run's scratch folder. */
  scratch(name: string): string;
  /** The analysed store of the demo data, prepared on first use (see prepare-store.ts); on Neo4j a folder for its side files, the graph being in the one database. */
  analysedStore?: string;
  /** A loaded (not yet analysed) store left by the load section, reusable by the others (on Neo4j: as above). */
  loadedStore?: string;
  /** ringlens' own normalised rows of the demo, staged once per bench run. */
  staged?: StagedDemo;
  /** Why `ringlens load` failed, if it did: later sections do not retry it. */
  ringlensLoadFailure?: string;
}

export function createScratch(): { root: string; make(name: string): string; remove(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ringlens-bench-"));
  let n = 0;
  return {
    root,
    make(name) {
      const dir = path.join(root, `${String(++n).padStart(3, "0")}-${name}`);
      fs.mkdirSync(dir, { recursive: true });
      return dir;
    },
    remove() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
