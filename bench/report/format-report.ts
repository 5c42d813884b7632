/**
 * Renders bench results as markdown: a header with scale and machine load, the targets with
 * met/missed, then one table per section (median, min, max over runs; ratios beside). On
 * Neo4j: the engine-neutral targets only, no engine ceilings, and the JVM's peak RSS beside
 * ringlens' when the bench started the server.
 */
import { ratio, type Figure } from "../figure.ts";
import type { AnalyzeSection } from "../analyze/measure-analyze.ts";
import type { ApiSection } from "../api/measure-api.ts";
import type { LoadSection } from "../load/measure-load.ts";
import type { ViewerSection } from "../viewer/measure-viewer.ts";
import type { BenchResults } from "./bench-results.ts";
import { checkTargets } from "./targets.ts";

type Format = (x: number) => string;
const int: Format = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en") : "—");
const secs: Format = (x) => (!Number.isFinite(x) ? "—" : x >= 10 ? x.toFixed(1) : x >= 0.1 ? x.toFixed(2) : x.toFixed(4));
const times = (f: Figure) =>
  !Number.isFinite(f.median)
    ? "—"
    : f.runs.length > 1
      ? `${f.median.toFixed(2)}× (${f.min.toFixed(2)}–${f.max.toFixed(2)})`
      : `${f.median.toFixed(2)}×`;
const spread = (f: Figure, fmt: Format) => (f.runs.length > 1 ? `${fmt(f.median)} (${fmt(f.min)}–${fmt(f.max)})` : fmt(f.median));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const FIGURE_HEADER = ["figure", "median", "min", "max", "beside it (per-run ratio)"];

function table(header: string[], rows: string[][]): string {
  const align = header.map((_, i) => (i === 0 ? "---" : "---:"));
  return [header, align, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

const figureRow = (label: string, f: Figure, fmt: Format, beside = "") => [label, fmt(f.median), fmt(f.min), fmt(f.max), beside];

/** @example process.stdout.write(formatReport(results)) */
export function formatReport(r: BenchResults): string {
  const { load, analyze, api, viewer } = r.sections;
  const onNeo4j = r.store === "neo4j";
  const parts = [
    header(r),
    onNeo4j
      ? "### Targets (engine-neutral only: the others were set against the embedded engine and are not judged on Neo4j)"
      : "### Targets",
    table(
      ["target", "measured (median, min–max)", "status"],
      checkTargets(r).map((t) => [
        t.target,
        t.measured,
        t.status === "met" ? "✅ met" : t.status === "missed" ? "❌ missed" : "not measured",
      ]),
    ),
    load ? (onNeo4j ? formatLoadNeo4j(load) : formatLoad(load)) : null,
    analyze ? (onNeo4j ? formatAnalyzeNeo4j(analyze) : formatAnalyze(analyze, r.scale)) : null,
    api ? formatApi(api) : null,
    viewer ? formatViewer(viewer) : null,
    r.failures.length > 0 ? ["Failed:", ...r.failures.map((f) => `- ${f}`)].join("\n") : null,
    r.notes.length > 0 ? ["Notes:", ...r.notes.map((n) => `- ${n}`)].join("\n") : null,
  ];
  return parts.filter((p) => p !== null).join("\n\n");
}

function header(r: BenchResults): string {
  const { before, after } = r.machine;
  return [
    `## ringlens bench — scale ${r.scale}: ${int(r.accounts)} accounts, ${r.plantedRings} planted rings, ${int(r.demoRows)} rows`,
    "",
    `Runs per figure: load ${r.runs.load}, analyze ${r.runs.analyze}, api ${r.runs.api}, viewer ${r.runs.viewer}.`,
    "",
    `Store: ${storeLine(r)}.`,
    "",
    `${before.cpus} × ${before.cpuModel}, ${before.memoryGb} GB; Node ${before.node}, ${before.engine}. ` +
      `Load average (1/5/15 min) ${before.loadAverage.join(" / ")} at start, ${after.loadAverage.join(" / ")} at the end. ` +
      `Started ${r.startedAt}, took ${r.seconds} s.`,
  ].join("\n");
}

function storeLine(r: BenchResults): string {
  const n = r.neo4j;
  if (r.store !== "neo4j" || !n) return "embedded (a fresh folder per load)";
  const memory = n.heapMb === null ? "" : `, heap ${int(n.heapMb)} MB, page cache ${int(n.pageCacheMb ?? Number.NaN)} MB`;
  return `${n.version} (${n.source === "local" ? "a local server started by the bench" : `NEO4J_URI ${n.uri}`}${memory}; the database wiped before each load)`;
}

/** The staging-alone row (absent with --no-ceilings). */
function stagingRows(load: LoadSection): string[][] {
  const staging = load.stagingOnly;
  if (!staging) return [];
  const share = Number.isFinite(load.ringlens.seconds.median)
    ? `${Math.round((100 * staging.seconds) / load.ringlens.seconds.median)}% of ringlens load`
    : "ringlens load not measured";
  return [
    [
      "ringlens staging alone (read, validate, normalise; no store), rows/s",
      int(staging.rowsPerSecond),
      "",
      "",
      `1 run: ${secs(staging.seconds)} s, ${share}`,
    ],
  ];
}

/** The re-import's rows: its time beside the fresh load's. */
function reimportRows(load: LoadSection): string[][] {
  return [
    figureRow(
      "ringlens load again (re-import, every row held), s",
      load.reimport.seconds,
      secs,
      `${times(ratio(load.reimport.seconds.runs, load.ringlens.seconds.runs))} the fresh load`,
    ),
    figureRow("re-import peak RSS, MB", load.reimport.peakRssMb, int),
  ];
}

function formatLoadNeo4j(load: LoadSection): string {
  const rows = [
    figureRow("ringlens load, rows/s", load.ringlens.rowsPerSecond, int),
    figureRow("ringlens load, s", load.ringlens.seconds, secs),
    figureRow("ringlens load peak RSS, MB", load.ringlens.peakRssMb, int),
  ];
  if (load.ringlens.storePeakRssMb) rows.push(figureRow("Neo4j JVM peak RSS during the load, MB", load.ringlens.storePeakRssMb, int));
  rows.push(...reimportRows(load), ...stagingRows(load));
  return [
    `### Load: ${int(load.rows)} demo rows into an emptied Neo4j database, ${plural(load.runs, "run")}`,
    "",
    table(FIGURE_HEADER, rows),
  ].join("\n");
}

function formatAnalyzeNeo4j(analyze: AnalyzeSection): string {
  const beside = (phase: string) =>
    phase === "components"
      ? `${times(analyze.componentsVsBare)} a bare union-find (both warm in one process: ${secs(analyze.componentsSameProcessSeconds.median)} s vs ${secs(analyze.bareUnionFindSeconds.median)} s)`
      : "";
  const rows = analyze.phases.map(({ phase, seconds }) => figureRow(`${phase}, s`, seconds, secs, beside(phase)));
  rows.push(
    figureRow("total of the phases, s", analyze.totalSeconds, secs),
    figureRow("`ringlens analyze` process, wall s", analyze.processSeconds, secs, "start-up, store open and close included"),
    figureRow("peak RSS, MB", analyze.peakRssMb, int),
  );
  if (analyze.storePeakRssMb) rows.push(figureRow("Neo4j JVM peak RSS during `ringlens analyze`, MB", analyze.storePeakRssMb, int));
  const section = analyzeSection(analyze, rows);
  const within = analyze.inStore;
  if (!within) return section;
  const inStoreRows = within.phases.map(({ phase, seconds }) => figureRow(`${phase}, s`, seconds, secs));
  inStoreRows.push(
    figureRow("`ringlens analyze --in-store` process, wall s", within.processSeconds, secs, "start-up, store open and close included"),
    figureRow("peak RSS, MB", within.peakRssMb, int, `in process: ${int(analyze.peakRssMb.median)} MB`),
  );
  if (within.storePeakRssMb) inStoreRows.push(figureRow("Neo4j JVM peak RSS during `--in-store`, MB", within.storePeakRssMb, int));
  return [
    section,
    "",
    `### Analyze in the store (GDS): ${int(within.rings)} rings, ${int(within.sameRings)} with the same members as in process`,
    "",
    table(FIGURE_HEADER, inStoreRows),
  ].join("\n");
}

function formatLoad(load: LoadSection): string {
  return [
    `### Load: ${int(load.rows)} demo rows into a fresh store, ${plural(load.runs, "run")}`,
    "",
    table(FIGURE_HEADER, [
      figureRow(
        "ringlens load, rows/s",
        load.ringlens.rowsPerSecond,
        int,
        `${times(load.vsMerge)} engine MERGE · ${times(load.vsCopy)} engine COPY`,
      ),
      figureRow(
        "engine LOAD FROM … MERGE (ringlens' statements, rows pre-normalised), rows/s",
        load.engineMerge.rowsPerSecond,
        int,
        "ceiling, idempotent",
      ),
      figureRow("engine COPY FROM into empty tables, rows/s", load.engineCopy.rowsPerSecond, int, "ceiling, bulk"),
      figureRow("ringlens load, s", load.ringlens.seconds, secs),
      figureRow(
        "ringlens load peak RSS, MB",
        load.ringlens.peakRssMb,
        int,
        `engine MERGE ${int(load.engineMerge.peakRssMb.median)} MB · COPY ${int(load.engineCopy.peakRssMb.median)} MB`,
      ),
      ...reimportRows(load),
      ...stagingRows(load),
    ]),
    "",
    `Engine MERGE per statement (median s): ${Object.entries(load.mergeStatements)
      .map(([k, v]) => `${k} ${v}`)
      .join(" · ")}`,
  ].join("\n");
}

function formatAnalyze(analyze: AnalyzeSection, scale: string): string {
  const beside = (phase: string) =>
    phase === "read links"
      ? `${times(analyze.readVsCopyTo)} the engine's COPY … TO speed (${secs(analyze.copyToSeconds.median)} s)`
      : phase === "components"
        ? `${times(analyze.componentsVsBare)} a bare union-find (both warm in one process: ${secs(analyze.componentsSameProcessSeconds.median)} s vs ${secs(analyze.bareUnionFindSeconds.median)} s)`
        : "";
  const rows = analyze.phases.map(({ phase, seconds }) => figureRow(`${phase}, s`, seconds, secs, beside(phase)));
  rows.push(
    figureRow("total of the phases, s", analyze.totalSeconds, secs, scale === "L" ? "target < 15 s" : "target < 15 s applies at L"),
    figureRow("`ringlens analyze` process, wall s", analyze.processSeconds, secs, "start-up, store open and close included"),
    figureRow("peak RSS, MB", analyze.peakRssMb, int),
    figureRow("engine COPY (MATCH …) TO of the same rows, s", analyze.copyToSeconds, secs),
  );
  return analyzeSection(analyze, rows);
}

/** The rows both stores' analyze sections end with (the bare union-find and graphology beside ringlens), and the section. */
function analyzeSection(analyze: AnalyzeSection, rows: string[][]): string {
  rows.push(
    figureRow(
      "bare typed-array union-find (warm), s",
      analyze.bareUnionFindSeconds,
      secs,
      `${int(analyze.groups.bare)} groups (ringlens ${int(analyze.groups.ringlens)})`,
    ),
  );
  if (analyze.graphology) {
    rows.push(
      figureRow(
        "graphology-components connectedComponents, s",
        analyze.graphology.componentsSeconds,
        secs,
        `+ ${secs(analyze.graphology.buildSeconds.median)} s to build the graph; ${int(analyze.groups.graphology ?? Number.NaN)} groups`,
      ),
    );
  }
  return [
    `### Analyze: ${int(analyze.accounts)} accounts, ${int(analyze.links)} non-hub links, ${int(analyze.rings)} rings, ${plural(analyze.runs, "run")}`,
    "",
    table(FIGURE_HEADER, rows),
  ].join("\n");
}

function formatApi(api: ApiSection): string {
  return [
    `### API: ${api.connections} connections, ${api.seconds} s per endpoint, ${plural(api.runs, "run")}; largest ring ${api.largestRing.id} ` +
      `(${api.largestRing.size} accounts); server peak RSS ${int(api.serverPeakRssMb)} MB` +
      (api.storePeakRssMb === undefined ? "" : `; Neo4j JVM peak RSS ${int(api.storePeakRssMb)} MB`),
    "",
    table(
      ["endpoint", "req/s", "p50 ms", "p99 ms", "requests", "non-2xx + errors", "first request of a run, ms"],
      api.endpoints.map((e) => [
        e.name,
        spread(e.requestsPerSecond, int),
        spread(e.p50Ms, int),
        spread(e.p99Ms, int),
        int(e.requests),
        String(e.errors),
        spread(e.coldMs, int),
      ]),
    ),
  ].join("\n");
}

function formatViewer(viewer: ViewerSection): string {
  const views = [
    ["largest demo ring", viewer.demoRing],
    ["synthetic large neighbourhood", viewer.wide],
  ] as const;
  const triple = (f: Figure) => `${secs(f.median)}, ${secs(f.min)}, ${secs(f.max)}`;
  const errors = [...viewer.demoRing.pageErrors, ...viewer.wide.pageErrors];
  return [
    `### Viewer: headless Chromium (software WebGL), ${plural(viewer.runs, "run")} per view, fresh context each`,
    "",
    table(
      [
        "view",
        "nodes on screen",
        "edges sent",
        "first frame s (median, min, max)",
        "settled s (median, min, max)",
        "server's first graph ms",
      ],
      views.map(([name, v]) => [
        `${name} ${v.ringId} (${int(v.accounts)} accounts)`,
        int(v.nodesOnScreen),
        int(v.wireEdges),
        triple(v.firstFrameSeconds),
        triple(v.settledSeconds),
        int(v.serverFirstGraphMs),
      ]),
    ),
    ...(errors.length > 0 ? ["", `Page errors: ${errors.slice(0, 5).join(" | ")}`] : []),
  ].join("\n");
}
