/**
 * `npm run bench`: measures ringlens at a demo scale beside the engine's own bulk paths and
 * bare algorithms, prints a markdown table with the targets, and writes the figures as JSON
 * to `<out>/<date>-<scale>.json`. Run with `node --import tsx bench/run-bench.ts --help`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CommanderError } from "commander";
import { benchCommand, type BenchOptions } from "./bench-options.ts";
import { createScratch, type BenchContext } from "./bench-context.ts";
import { ensureDemo } from "./demo-cache.ts";
import { createProgress } from "./progress.ts";
import { setChildHeap, stopChildren } from "./child/run-child.ts";
import { SCALES } from "./scales.ts";
import { measureLoad } from "./load/measure-load.ts";
import { measureAnalyze } from "./analyze/measure-analyze.ts";
import { measureApi } from "./api/measure-api.ts";
import { measureViewer } from "./viewer/measure-viewer.ts";
import { openStoreTarget, type StoreTarget } from "./store-target.ts";
import { machineSnapshot } from "./report/machine.ts";
import type { BenchResults } from "./report/bench-results.ts";
import { formatReport } from "./report/format-report.ts";

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const scale = SCALES[options.scale];
  const progress = createProgress(`bench ${options.scale}`);
  const scratch = createScratch();
  let store: StoreTarget | undefined;
  // Ctrl+C or kill: stop the children (a local Neo4j too) and leave no stores behind.
  const onSignal = (signal: NodeJS.Signals) => {
    stopChildren();
    scratch.remove();
    process.stderr.write(`bench: stopped by ${signal}\n`);
    const exit = () => process.exit(signal === "SIGINT" ? 130 : 143);
    if (store) void store.stop().finally(exit);
    else exit();
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const startedAt = new Date();
  const machineBefore = machineSnapshot();
  const started = performance.now();
  try {
    const demo = await ensureDemo(options.cache, { name: options.scale, ...scale, seed: options.seed }, progress);
    if (demo.reused) progress.say(`demo data: reusing ${demo.folder}`);
    store = await openStoreTarget(options, (line) => progress.say(line));
    const ctx: BenchContext = { options, demo, progress, store, notes: [], failures: [], scratch: scratch.make };
    setChildHeap(options.heapMb);
    if (options.heapMb)
      ctx.notes.push(`every ringlens process and worker ran with --max-old-space-size=${options.heapMb} (not Node's default)`);
    const results: BenchResults = {
      scale: options.scale,
      store: options.store,
      ...(store.neo4j ? { neo4j: store.neo4j } : {}),
      accounts: scale.accounts,
      plantedRings: scale.rings,
      seed: options.seed,
      demoRows: demo.rows,
      runs: { load: options.loadRuns, analyze: options.runs, api: options.apiRuns, viewer: options.viewerRuns },
      startedAt: startedAt.toISOString(),
      seconds: 0,
      machine: { before: machineBefore, after: machineBefore },
      sections: {},
      notes: ctx.notes,
      failures: ctx.failures,
    };
    // A failing section is reported and the others still run; the exit code says so.
    const section = async <K extends keyof BenchResults["sections"]>(
      name: K,
      measure: (c: BenchContext) => Promise<BenchResults["sections"][K]>,
    ) => {
      if (!options.only.includes(name)) return;
      if (name === "viewer" && options.store === "neo4j") {
        ctx.notes.push(
          "viewer: not measured on Neo4j (its synthetic ring needs a second store beside the demo's, and Neo4j community has one database); run it with --store embedded",
        );
        return;
      }
      try {
        results.sections[name] = await measure(ctx);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        results.failures.push(`${name}: ${message}`);
        progress.say(`${name} failed: ${message}`);
      }
    };
    await section("load", measureLoad);
    await section("analyze", measureAnalyze);
    await section("api", measureApi);
    await section("viewer", measureViewer);
    results.machine.after = machineSnapshot();
    results.seconds = Math.round((performance.now() - started) / 100) / 10;
    return results;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await store?.stop();
    scratch.remove();
  }
}

/** Parses argv, runs, prints the table on stdout and writes the JSON; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const command = benchCommand(async (options) => {
    const results = await runBench(options);
    fs.mkdirSync(options.out, { recursive: true });
    const file = path.join(options.out, `${results.startedAt.slice(0, 16).replace(/:/g, "")}-${options.scale}.json`);
    fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${formatReport(results)}\n\nfigures: ${path.relative(process.cwd(), file) || file}\n`);
    if (results.failures.length > 0) exitCode = 1;
  })
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
  try {
    await command.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}${os.EOL}`);
    exitCode = 1;
  }
  return exitCode;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("run-bench.ts")) {
  process.exitCode = await main(process.argv);
}
