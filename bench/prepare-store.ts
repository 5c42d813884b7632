/**
 * Stores the sections need when an earlier section did not leave one: the demo loaded with
 * `ringlens load`, then analysed with `ringlens analyze` (real CLI, untimed). When `ringlens
 * load` fails (it is not retried), the store is built instead by the engine's COPY FROM from
 * ringlens' own staged rows, so analysis, API and viewer can still be measured; a note says so.
 * `--prepare copy` asks for that directly (scales where `ringlens load` is known to fail).
 * On Neo4j the database is wiped before the load, and there is no COPY fallback.
 */
import path from "node:path";
import type { BenchContext } from "./bench-context.ts";
import { CLI, runChild } from "./child/run-child.ts";
import { engineLoadChild } from "./load/measure-load.ts";
import { stagedDemo } from "./load/stage-demo.ts";
import { ticking } from "./progress.ts";

/** A store with the demo loaded (from the load section, or loaded now). */
export async function loadedStore(ctx: BenchContext): Promise<string> {
  if (ctx.loadedStore) return ctx.loadedStore;
  const dir = ctx.scratch("store");
  if (ctx.options.loadedStore) {
    const given = ctx.options.loadedStore;
    ctx.notes.push(
      given === "neo4j"
        ? "analyze, api: NEO4J_URI's database as it was, holding this scale's demo (--loaded-store neo4j); not loaded by this run"
        : `analyze, api, viewer: the store at ${given}, holding this scale's demo (--loaded-store); not loaded by this run`,
    );
    // On Neo4j ringlens ignores the folder (the graph is in the database); its side files go there.
    ctx.loadedStore = given === "neo4j" ? path.join(dir, "store") : given;
    return ctx.loadedStore;
  }
  const store = path.join(dir, "store");
  if (ctx.options.prepare === "copy") {
    ctx.notes.push(
      "the store for analyze, api and viewer was built by the engine's COPY FROM from ringlens' own staged rows (--prepare copy)",
    );
  } else if (!ctx.ringlensLoadFailure) {
    try {
      await ctx.store.wipe();
      await ticking(ctx.progress, "preparing: ringlens load of the demo", () =>
        runChild(CLI, ctx.store.args(store, ["load", ctx.demo.folder, "--json", "--rejects", path.join(dir, "rejects.csv")]), {
          env: ctx.store.env,
        }),
      );
      ctx.progress.say("prepared: demo loaded");
      ctx.loadedStore = store;
      return store;
    } catch (error) {
      ctx.ringlensLoadFailure = error instanceof Error ? error.message : String(error);
      ctx.failures.push(`preparing the store: ${ctx.ringlensLoadFailure}`);
    }
  }
  if (ctx.store.kind === "neo4j")
    throw new Error(
      `no store to measure: \`ringlens load\` into Neo4j failed (${ctx.ringlensLoadFailure}), and the embedded engine's COPY fallback has no Neo4j counterpart`,
    );
  const staged = await stagedDemo(ctx);
  const copyStore = path.join(ctx.scratch("store-by-copy"), "store");
  await ticking(ctx.progress, "preparing: engine COPY FROM of ringlens' staged rows", () =>
    engineLoadChild("copy", staged.copyDir, copyStore),
  );
  if (ctx.options.prepare !== "copy") {
    ctx.notes.push(
      "the store for analyze, api and viewer was built by the engine's COPY FROM from ringlens' own staged rows, because `ringlens load` failed (see Failed)",
    );
  }
  ctx.progress.say("prepared: demo copied into a store by the engine");
  ctx.loadedStore = copyStore;
  return copyStore;
}

/** A store with the demo loaded and analysed with default settings. */
export async function analysedStore(ctx: BenchContext): Promise<string> {
  if (ctx.analysedStore) return ctx.analysedStore;
  const store = await loadedStore(ctx);
  await ticking(ctx.progress, "preparing: ringlens analyze", () =>
    runChild(CLI, ctx.store.args(store, ["analyze", "--json"]), { env: ctx.store.env }),
  );
  ctx.progress.say("prepared: demo analysed");
  ctx.analysedStore = store;
  return store;
}
