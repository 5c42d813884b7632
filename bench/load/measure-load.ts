/**
 * The load section: rows/s of `ringlens load` on the demo (the real CLI in a child process,
 * fresh store each run) beside the engine alone loading the same rows pre-normalised, with
 * ringlens' LOAD FROM … MERGE statements and with COPY FROM into empty tables; peak RSS of
 * each. The three alternate their order from run to run; each run compares within itself.
 * Right after each `ringlens load`, the same folder is loaded again into the store it filled
 * (a re-import: every row already held). `--no-ceilings` leaves the engine's paths out.
 * On Neo4j (--store neo4j) only `ringlens load` is measured (the database wiped before each
 * run), with the JVM's peak RSS beside ringlens' own when the bench started the server: both
 * ceilings are the embedded engine's own statements.
 */
import fs from "node:fs";
import path from "node:path";
import type { BenchContext } from "../bench-context.ts";
import { CLI, runChild } from "../child/run-child.ts";
import { ratio, summarise, type Figure } from "../figure.ts";
import { ticking } from "../progress.ts";
import { stagedDemo } from "./stage-demo.ts";

const WORKER = path.resolve(import.meta.dirname, "../workers/engine-load-worker.ts");

export interface LoadPath {
  rowsPerSecond: Figure;
  seconds: Figure;
  peakRssMb: Figure;
  /** Peak RSS of the store's server process during the load (Neo4j's JVM, when the bench started it). */
  storePeakRssMb?: Figure;
}

export interface LoadSection {
  runs: number;
  rows: number;
  ringlens: LoadPath;
  /** `ringlens load` of the same folder again, into the store the load filled. */
  reimport: LoadPath;
  engineMerge: LoadPath;
  engineCopy: LoadPath;
  /** ringlens rows/s ÷ engine rows/s, per run. */
  vsMerge: Figure;
  vsCopy: Figure;
  /** ringlens' import into a store that only writes CSV: its own share of the work (1 run); absent with --no-ceilings. */
  stagingOnly?: { seconds: number; rowsPerSecond: number };
  /** Median seconds per engine statement (by table), for finding the slow one. */
  mergeStatements: Record<string, number>;
  copyStatements: Record<string, number>;
}

type PathName = "ringlens" | "reimport" | "engineMerge" | "engineCopy";
interface Sample {
  seconds: number;
  rss: number;
  serverRss?: number;
  statements?: { label: string; ms: number }[];
}

export async function measureLoad(ctx: BenchContext): Promise<LoadSection> {
  const runs = ctx.options.loadRuns;
  const rows = ctx.demo.rows;
  const staged = ctx.options.ceilings ? await stagedDemo(ctx) : null;

  const samples: Record<PathName, Sample[]> = { ringlens: [], reimport: [], engineMerge: [], engineCopy: [] };
  const steps: Record<PathName, (run: number) => Promise<Sample>> = {
    ringlens: (run) => ringlensLoad(ctx, run),
    reimport: (run) => ringlensReimport(ctx, run),
    engineMerge: (run) => engineLoad(ctx, "merge", staged!.mergeDir, run),
    engineCopy: (run) => engineLoad(ctx, "copy", staged!.copyDir, run),
  };
  // The ceilings are the embedded engine's LOAD FROM and COPY FROM: nothing to set beside Neo4j.
  const order: PathName[] = ctx.store.kind === "neo4j" || !staged ? ["ringlens"] : ["ringlens", "engineMerge", "engineCopy"];
  if (!staged) ctx.notes.push("load: --no-ceilings: the engine's own COPY FROM and LOAD FROM … MERGE were not timed");
  else if (ctx.store.kind === "neo4j")
    ctx.notes.push(
      "load: the engine ceilings (LOAD FROM … MERGE, COPY FROM) are the embedded engine's (kuzu) own statements and are skipped on Neo4j",
    );
  // A path that fails is reported once and not retried; the others are still measured.
  const failed = new Set<PathName>();
  for (let run = 0; run < runs; run++) {
    for (let k = 0; k < order.length; k++) {
      const first = order[(k + run) % order.length]!;
      if (failed.has(first)) continue;
      // The re-import goes right after the load whose store it loads into again.
      for (const name of first === "ringlens" ? (["ringlens", "reimport"] as const) : [first]) {
        if (failed.has(name)) continue;
        try {
          const sample = await steps[name](run);
          samples[name].push(sample);
          const server = sample.serverRss === undefined ? "" : `, Neo4j JVM ${sample.serverRss} MB`;
          ctx.progress.say(
            `load ${run + 1}/${runs}: ${LABELS[name]} ${rate(rows, sample.seconds).toLocaleString("en")} rows/s (${sample.seconds.toFixed(1)} s, ${mb(sample.rss)} MB${server})`,
          );
        } catch (error) {
          failed.add(name);
          const message = error instanceof Error ? error.message : String(error);
          ctx.failures.push(`load: ${LABELS[name]} failed in run ${run + 1}: ${message}`);
          ctx.progress.say(`load ${run + 1}/${runs}: ${LABELS[name]} failed: ${message}`);
          if (name === "ringlens") {
            ctx.ringlensLoadFailure = message;
            failed.add("reimport");
          }
        }
      }
    }
  }
  if (runs < 3) ctx.notes.push(`load: ${runs === 1 ? "1 run" : `${runs} runs`} (slow part; --load-runs N or --runs N for more)`);
  const pathOf = (name: PathName): LoadPath => ({
    rowsPerSecond: summarise(samples[name].map((s) => rate(rows, s.seconds))),
    seconds: summarise(samples[name].map((s) => s.seconds)),
    peakRssMb: summarise(samples[name].map((s) => mb(s.rss))),
    ...(name === "ringlens" && ctx.store.serverRss
      ? { storePeakRssMb: summarise(samples[name].map((s) => s.serverRss ?? Number.NaN)) }
      : {}),
  });
  const seconds = (name: PathName) => samples[name].map((s) => s.seconds);
  return {
    runs,
    rows,
    ringlens: pathOf("ringlens"),
    reimport: pathOf("reimport"),
    engineMerge: pathOf("engineMerge"),
    engineCopy: pathOf("engineCopy"),
    // rows/s ratio = inverse time ratio, run by run.
    vsMerge: ratio(seconds("engineMerge"), seconds("ringlens")),
    vsCopy: ratio(seconds("engineCopy"), seconds("ringlens")),
    ...(staged ? { stagingOnly: { seconds: staged.stagingSeconds, rowsPerSecond: rate(rows, staged.stagingSeconds) } } : {}),
    mergeStatements: statementMedians(samples.engineMerge),
    copyStatements: statementMedians(samples.engineCopy),
  };
}

const LABELS: Record<PathName, string> = {
  ringlens: "ringlens load",
  reimport: "ringlens load again (re-import)",
  engineMerge: "engine LOAD FROM … MERGE",
  engineCopy: "engine COPY FROM",
};

/** `ringlens load` of the demo again into the store the last load filled: every row is already held. */
async function ringlensReimport(ctx: BenchContext, run: number): Promise<Sample> {
  const store = ctx.loadedStore!;
  ctx.store.serverRss?.reset();
  const result = await ticking(ctx.progress, `load ${run + 1}/${ctx.options.loadRuns}: ringlens load again (re-import)`, () =>
    runChild(
      CLI,
      ctx.store.args(store, ["load", ctx.demo.folder, "--json", "--rejects", path.join(path.dirname(store), "rejects-again.csv")]),
      {
        env: ctx.store.env,
      },
    ),
  );
  const report = JSON.parse(result.stdout) as { read: number; ms: number };
  if (report.read !== ctx.demo.rows) ctx.notes.push(`load: the re-import read ${report.read} rows where the demo has ${ctx.demo.rows}`);
  return { seconds: report.ms / 1000, rss: result.maxRssBytes, serverRss: ctx.store.serverRss?.peakMb() };
}

async function ringlensLoad(ctx: BenchContext, run: number): Promise<Sample> {
  const db = ctx.scratch(`load-ringlens-${run}`);
  const store = path.join(db, "store");
  await ticking(ctx.progress, `load ${run + 1}/${ctx.options.loadRuns}: emptying the store`, () => ctx.store.wipe());
  ctx.store.serverRss?.reset();
  const result = await ticking(ctx.progress, `load ${run + 1}/${ctx.options.loadRuns}: ringlens load`, () =>
    runChild(CLI, ctx.store.args(store, ["load", ctx.demo.folder, "--json", "--rejects", path.join(db, "rejects.csv")]), {
      env: ctx.store.env,
    }),
  );
  const serverRss = ctx.store.serverRss?.peakMb();
  const report = JSON.parse(result.stdout) as { read: number; loaded: number; rejected: number; ms: number };
  if (report.read !== ctx.demo.rows) ctx.notes.push(`load: ringlens read ${report.read} rows where the demo has ${ctx.demo.rows}`);
  // The last store stays for the analysis; earlier ones are removed to keep the disk free.
  if (ctx.loadedStore) fs.rmSync(path.dirname(ctx.loadedStore), { recursive: true, force: true });
  ctx.loadedStore = store;
  return { seconds: report.ms / 1000, rss: result.maxRssBytes, serverRss };
}

async function engineLoad(ctx: BenchContext, mode: "merge" | "copy", dir: string, run: number): Promise<Sample> {
  const db = ctx.scratch(`load-${mode}-${run}`);
  try {
    const result = await ticking(ctx.progress, `load ${run + 1}/${ctx.options.loadRuns}: engine ${mode}`, () =>
      engineLoadChild(mode, dir, path.join(db, "store")),
    );
    return { seconds: result.ms / 1000, rss: result.maxRssBytes, statements: result.statements };
  } finally {
    fs.rmSync(db, { recursive: true, force: true });
  }
}

/** The engine alone loads staged (`merge`) or COPY-ready (`copy`) files into a fresh store. */
export async function engineLoadChild(mode: "merge" | "copy", dir: string, store: string) {
  const result = await runChild(WORKER, [mode, dir, store]);
  const { ms, statements } = JSON.parse(result.stdout) as { ms: number; statements: { label: string; ms: number }[] };
  return { ms, statements, maxRssBytes: result.maxRssBytes };
}

function statementMedians(samples: Sample[]): Record<string, number> {
  const byLabel = new Map<string, number[]>();
  for (const sample of samples) {
    const perRun = new Map<string, number>();
    for (const s of sample.statements ?? []) perRun.set(s.label, (perRun.get(s.label) ?? 0) + s.ms / 1000);
    for (const [label, seconds] of perRun) byLabel.set(label, [...(byLabel.get(label) ?? []), seconds]);
  }
  return Object.fromEntries([...byLabel].map(([label, values]) => [label, round3(summarise(values).median)]));
}

const rate = (rows: number, seconds: number) => Math.round(rows / seconds);
const mb = (bytes: number) => Math.round(bytes / 1_048_576);
const round3 = (x: number) => Math.round(x * 1000) / 1000;
