/**
 * The analyze section: `ringlens analyze` (real CLI, child process) on the loaded demo, its
 * phases in seconds and its peak RSS; beside it, in a second child of the same run, the
 * engine's own COPY (MATCH …) TO of what link reading exports, a bare typed-array union-find
 * over the same links, and graphology-components for the record. On Neo4j the COPY TO is
 * skipped (it is the embedded engine's statement); the worker reads the links with ringlens'
 * Neo4j adapter, and the union-find beside findComponents is the same in-memory work.
 */
import type { BenchContext } from "../bench-context.ts";
import { CLI, runChild } from "../child/run-child.ts";
import { ratio, summarise, type Figure } from "../figure.ts";
import { loadedStore } from "../prepare-store.ts";
import { ticking } from "../progress.ts";
import fs from "node:fs";
import path from "node:path";

const WORKER = path.resolve(import.meta.dirname, "../workers/analyze-baselines-worker.ts");
/** Above this many links graphology would need gigabytes; it is left out (said in the notes). */
const GRAPHOLOGY_MAX_LINKS = 4_000_000;

export interface AnalyzeSection {
  runs: number;
  /** Seconds per phase as `ringlens analyze` reports them, in order. */
  phases: { phase: string; seconds: Figure }[];
  /** Sum of the phases. */
  totalSeconds: Figure;
  /** Wall time of the whole `ringlens analyze` process (start-up and store open included). */
  processSeconds: Figure;
  peakRssMb: Figure;
  /** Peak RSS of the store's server process during `ringlens analyze` (Neo4j's JVM, when the bench started it). */
  storePeakRssMb?: Figure;
  copyToSeconds: Figure;
  /** COPY TO time ÷ read-links time, per run: link reading's speed as a share of the engine's. */
  readVsCopyTo: Figure;
  bareUnionFindSeconds: Figure;
  /** findComponents (the components phase) re-timed beside the bare union-find, warm, same process. */
  componentsSameProcessSeconds: Figure;
  /** componentsSameProcess ÷ bare union-find, per run. */
  componentsVsBare: Figure;
  graphology: { buildSeconds: Figure; componentsSeconds: Figure } | null;
  links: number;
  accounts: number;
  groups: { ringlens: number; bare: number; graphology: number | null };
  rings: number;
  /** On Neo4j: `ringlens analyze --in-store` (GDS), the same runs, beside the in-process figures. */
  inStore?: InStoreFigures;
}

export interface InStoreFigures {
  phases: { phase: string; seconds: Figure }[];
  processSeconds: Figure;
  peakRssMb: Figure;
  storePeakRssMb?: Figure;
  rings: number;
  /** Rings whose members the in-process run found too (the same ring id), of `rings`. */
  sameRings: number;
}

interface Baselines {
  /** null on Neo4j. */
  copyToMs: number | null;
  readMs: number;
  componentsMs: number;
  bareMs: number;
  graphologyBuildMs: number | null;
  graphologyMs: number | null;
  links: number;
  accounts: number;
  groups: { ringlens: number; bare: number; graphology: number | null };
}

export async function measureAnalyze(ctx: BenchContext): Promise<AnalyzeSection> {
  const store = await loadedStore(ctx);
  const { runs } = ctx.options;
  const cli: { phases: { phase: string; ms: number }[]; rings: number; wallMs: number; rss: number; serverRss?: number }[] = [];
  const onNeo4j = ctx.store.kind === "neo4j";
  const baselines: Baselines[] = [];
  const inStore: { phases: { phase: string; ms: number }[]; rings: number; wallMs: number; rss: number; serverRss?: number }[] = [];
  let sameRings = 0;
  for (let run = 0; run < runs; run++) {
    // For the record only: graphology runs once, in the first run, and not at sizes it cannot hold.
    const withGraphology = run === 0 && ctx.demo.rows <= GRAPHOLOGY_MAX_LINKS;
    ctx.store.serverRss?.reset();
    const result = await ticking(ctx.progress, `analyze ${run + 1}/${runs}: ringlens analyze`, () =>
      runChild(CLI, ctx.store.args(store, ["analyze", "--json"]), { env: ctx.store.env }),
    );
    const serverRss = ctx.store.serverRss?.peakMb();
    const summary = JSON.parse(result.stdout) as { rings: number; phases: { phase: string; ms: number }[] };
    cli.push({ phases: summary.phases, rings: summary.rings, wallMs: result.wallMs, rss: result.maxRssBytes, serverRss });
    if (onNeo4j) {
      const inProcessRings = run === 0 ? await ringMembers(ctx, store, `in-process-${run}`) : null;
      ctx.store.serverRss?.reset();
      const within = await ticking(ctx.progress, `analyze ${run + 1}/${runs}: ringlens analyze --in-store`, () =>
        runChild(CLI, ctx.store.args(store, ["analyze", "--in-store", "--json"]), { env: ctx.store.env }),
      );
      const s = JSON.parse(within.stdout) as { rings: number; phases: { phase: string; ms: number }[] };
      inStore.push({
        phases: s.phases,
        rings: s.rings,
        wallMs: within.wallMs,
        rss: within.maxRssBytes,
        serverRss: ctx.store.serverRss?.peakMb(),
      });
      if (inProcessRings) {
        const found = await ringMembers(ctx, store, `in-store-${run}`);
        sameRings = [...found].filter(([id, members]) => inProcessRings.get(id) === members).length;
      }
      ctx.progress.say(
        `analyze ${run + 1}/${runs}: --in-store ${(within.wallMs / 1000).toFixed(2)} s wall, peak RSS ${Math.round(within.maxRssBytes / 1_048_576)} MB (${phaseLine(s.phases)})`,
      );
    }
    const tmp = ctx.scratch(`analyze-baselines-${run}`);
    const worker = await ticking(ctx.progress, `analyze ${run + 1}/${runs}: ${onNeo4j ? "" : "engine COPY TO and "}bare union-find`, () =>
      runChild(WORKER, [store, tmp, String(run % 2), withGraphology ? "graphology" : "no-graphology", ctx.store.kind], {
        env: ctx.store.env,
      }),
    );
    const b = JSON.parse(worker.stdout) as Baselines;
    baselines.push(b);
    const total = summary.phases.reduce((s, p) => s + p.ms, 0);
    const copyTo = b.copyToMs === null ? "" : `; COPY TO ${(b.copyToMs / 1000).toFixed(2)} s`;
    const jvm = serverRss === undefined ? "" : `; Neo4j JVM ${serverRss} MB`;
    ctx.progress.say(
      `analyze ${run + 1}/${runs}: ${(total / 1000).toFixed(2)} s in phases (${phaseLine(summary.phases)})${copyTo}; bare union-find ${b.bareMs.toFixed(1)} ms${jvm}`,
    );
  }
  ctx.analysedStore = store;
  const phaseNames = cli[0]!.phases.map((p) => p.phase);
  const phaseMs = (name: string) => cli.map((c) => c.phases.find((p) => p.phase === name)?.ms ?? Number.NaN);
  const graphologyRuns = baselines.filter((b) => b.graphologyMs !== null);
  ctx.notes.push(
    graphologyRuns.length > 0
      ? "analyze: graphology-components is timed in run 1 only (for the record, not a target)"
      : `analyze: graphology-components left out above ${GRAPHOLOGY_MAX_LINKS.toLocaleString("en")} input rows (it would need gigabytes)`,
  );
  if (onNeo4j)
    ctx.notes.push(
      "analyze: the engine's COPY (MATCH …) TO is the embedded engine's (kuzu) own statement and is skipped on Neo4j; the bare union-find reads the same links through ringlens' Neo4j adapter",
    );
  const last = baselines[baselines.length - 1]!;
  const copyToMs = baselines.map((b) => b.copyToMs ?? Number.NaN);
  return {
    runs,
    phases: phaseNames.map((phase) => ({ phase, seconds: summarise(phaseMs(phase).map(toSeconds)) })),
    totalSeconds: summarise(cli.map((c) => c.phases.reduce((s, p) => s + p.ms, 0) / 1000)),
    processSeconds: summarise(cli.map((c) => c.wallMs / 1000)),
    peakRssMb: summarise(cli.map((c) => Math.round(c.rss / 1_048_576))),
    ...(ctx.store.serverRss ? { storePeakRssMb: summarise(cli.map((c) => c.serverRss ?? Number.NaN)) } : {}),
    copyToSeconds: summarise(copyToMs.map(toSeconds)),
    readVsCopyTo: ratio(copyToMs, phaseMs("read links")),
    bareUnionFindSeconds: summarise(baselines.map((b) => b.bareMs / 1000)),
    componentsVsBare: ratio(
      baselines.map((b) => b.componentsMs),
      baselines.map((b) => b.bareMs),
    ),
    componentsSameProcessSeconds: summarise(baselines.map((b) => b.componentsMs / 1000)),
    graphology:
      graphologyRuns.length === 0
        ? null
        : {
            buildSeconds: summarise(graphologyRuns.map((b) => b.graphologyBuildMs! / 1000)),
            componentsSeconds: summarise(graphologyRuns.map((b) => b.graphologyMs! / 1000)),
          },
    links: last.links,
    accounts: last.accounts,
    groups: baselines[0]!.groups,
    rings: cli[0]!.rings,
    ...(onNeo4j
      ? {
          inStore: {
            phases: inStore[0]!.phases.map(({ phase }) => ({
              phase,
              seconds: summarise(inStore.map((c) => (c.phases.find((p) => p.phase === phase)?.ms ?? Number.NaN) / 1000)),
            })),
            processSeconds: summarise(inStore.map((c) => c.wallMs / 1000)),
            peakRssMb: summarise(inStore.map((c) => Math.round(c.rss / 1_048_576))),
            ...(ctx.store.serverRss ? { storePeakRssMb: summarise(inStore.map((c) => c.serverRss ?? Number.NaN)) } : {}),
            rings: inStore[0]!.rings,
            sameRings,
          },
        }
      : {}),
  };
}

/** Each ring's members (ring id → sorted ids joined) as `ringlens rings` exports the store's analysis. */
async function ringMembers(ctx: BenchContext, store: string, name: string): Promise<Map<string, string>> {
  const file = path.join(ctx.scratch(`rings-${name}`), "rings.csv");
  await runChild(CLI, ctx.store.args(store, ["rings", "--format", "json", "--out", file]), { env: ctx.store.env });
  const rows = JSON.parse(fs.readFileSync(file, "utf8")) as { ring_id: string; account_id: string; role: string }[];
  const byRing = new Map<string, string[]>();
  for (const row of rows) if (row.role === "member") byRing.set(row.ring_id, [...(byRing.get(row.ring_id) ?? []), row.account_id]);
  return new Map([...byRing].map(([id, members]) => [id, members.sort().join(",")]));
}

const toSeconds = (ms: number) => ms / 1000;
const phaseLine = (phases: { phase: string; ms: number }[]) => phases.map((p) => `${p.phase} ${p.ms} ms`).join(", ");
