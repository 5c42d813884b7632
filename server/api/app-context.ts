/** What every router receives from the composition root: plain collaborators, no container. */
import type { Config } from "../config.ts";
import type { GraphStore } from "../store/graph-store.ts";
import type { Catalogue } from "../queries/catalogue.ts";
import type { JobRunner, JobTask } from "../tasks/job-runner.ts";
import type { DetectOptions } from "../domain/rings/detect-options.ts";

export interface WriteTasks {
  /** Imports a folder already checked to be inside the import root. */
  importFolder(folder: string): JobTask;
  /** Runs detection with these settings (checked already) over the defaults; in the store when inStore (its graph algorithms checked already). */
  analyze(options?: Partial<DetectOptions>, run?: { inStore?: boolean }): JobTask;
}

export interface AppContext {
  store: GraphStore;
  config: Config;
  catalogue: Catalogue;
  jobs: JobRunner;
  tasks: WriteTasks;
  version: string;
}
