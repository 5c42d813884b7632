/**
 * Pre-normalises the demo once per bench run: ringlens' import (read, validate, normalise,
 * deduplicate) into the staging store, then the COPY files. Also times that staging alone,
 * which splits ringlens' import time into its own work and the engine's.
 */
import path from "node:path";
import { importFolder } from "../../server/ingest/import-folder.ts";
import type { BenchContext, StagedDemo } from "../bench-context.ts";
import { writeCopyFiles } from "./copy-files.ts";
import { StagedRowsStore } from "./staged-rows-store.ts";

/** The run's staged demo, staged on first use. */
export async function stagedDemo(ctx: BenchContext): Promise<StagedDemo> {
  if (!ctx.staged) {
    ctx.staged = await stageDemo(ctx);
    ctx.progress.say(
      `load: staged ${ctx.demo.rows.toLocaleString("en")} rows with ringlens' normalisers in ${ctx.staged.stagingSeconds.toFixed(1)} s (not timed against)`,
    );
  }
  return ctx.staged;
}

async function stageDemo(ctx: BenchContext): Promise<StagedDemo> {
  const mergeDir = ctx.scratch("staged");
  const store = new StagedRowsStore(mergeDir);
  ctx.progress.update("load: staging ringlens' normalised rows");
  const started = performance.now();
  await importFolder({
    folder: ctx.demo.folder,
    store,
    rejectFile: path.join(mergeDir, "rejects.csv"),
    onProgress: (p) => ctx.progress.update(`load: staging ${p.kind} ${p.read.toLocaleString("en")} rows`),
  });
  const stagingSeconds = (performance.now() - started) / 1000;
  const copyDir = ctx.scratch("copy-files");
  await writeCopyFiles((kind) => store.file(kind), copyDir);
  return { mergeDir, copyDir, stagingSeconds, stagedRows: { ...store.rows } };
}
