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
import { stopChildren } from "./child/run-child.ts";
import { SCALES } from "./scales.ts";
import { measureLoad } from "./load/measure-load.ts";
import { measureAnalyze } from "./analyze/measure-analyze.ts";
import { measureApi } from "./api/measure-api.ts";
import { measureViewer } from "./viewer/measure-viewer.ts";
import { machineSnapshot } from "./report/machine.ts";
import type { BenchResults } from "./report/bench-results.ts";
import { formatReport } from "./report/format-report.ts";

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const scale = SCALES[options.scale];
  const progress = createProgress(`bench ${options.scale}`);
  const scratch = createScratch();
  // Ctrl+C or kill: stop the children and leave no stores behind.
  const onSignal = (signal: NodeJS.Signals) => {
    stopChildren();
    scratch.remove();
    process.stderr.write(`bench: stopped by ${signal}\n`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const startedAt = new Date();
  const machineBefore = machineSnapshot();
  const started = performance.now();
  try {
    const demo = await ensureDemo(options.cache, { name: options.scale, ...scale, seed: options.seed }, progress);
    if (demo.reused) progress.say(`demo data: reusing ${demo.folder}`);
    const ctx: BenchContext = { options, demo, progress, notes: [], failures: [], scratch: scratch.make };
    const results: BenchResults = {
      scale: options.scale, accounts: scale.accounts, plantedRings: scale.rings, seed: options.seed,
      demoRows: demo.rows, runs: { load: options.loadRuns, analyze: options.runs, api: options.apiRuns, viewer: options.viewerRuns }, startedAt: startedAt.toISOString(), seconds: 0,
      machine: { before: machineBefore, after: machineBefore },
      sections: {}, notes: ctx.notes, failures: ctx.failures,
    };
    // A failing section is reported and the others still run; the exit code says so.
    const section = async <K extends keyof BenchResults["sections"]>(name: K, measure: (c: BenchContext) => Promise<BenchResults["sections"][K]>) => {
      if (!options.only.includes(name)) return;
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
