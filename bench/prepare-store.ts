/**
 * Stores the sections need when an earlier section did not leave one: the demo loaded with
 * `ringlens load`, then analysed with `ringlens analyze` (real CLI, untimed).
 */
import path from "node:path";
import type { BenchContext } from "./bench-context.ts";
import { CLI, runChild } from "./child/run-child.ts";
import { ticking } from "./progress.ts";

/** A store with the demo loaded (from the load section, or loaded now). */
export async function loadedStore(ctx: BenchContext): Promise<string> {
  if (ctx.loadedStore) return ctx.loadedStore;
  const dir = ctx.scratch("store");
  const store = path.join(dir, "store");
  await ticking(ctx.progress, "preparing: ringlens load of the demo", () =>
    runChild(CLI, ["--db", store, "load", ctx.demo.folder, "--json", "--rejects", path.join(dir, "rejects.csv")]));
  ctx.progress.say("prepared: demo loaded");
  ctx.loadedStore = store;
  return store;
}

/** A store with the demo loaded and analysed with default settings. */
export async function analysedStore(ctx: BenchContext): Promise<string> {
  if (ctx.analysedStore) return ctx.analysedStore;
  const store = await loadedStore(ctx);
  await ticking(ctx.progress, "preparing: ringlens analyze", () => runChild(CLI, ["--db", store, "analyze", "--json"]));
  ctx.progress.say("prepared: demo analysed");
  ctx.analysedStore = store;
  return store;
}
