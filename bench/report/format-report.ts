/**
 * Renders bench results as markdown: a header with scale and machine load, the targets with
 * met/missed, then one table per section (median, min, max over runs; ratios beside).
 */
import type { Figure } from "../figure.ts";
import type { BenchResults } from "./bench-results.ts";
import { checkTargets } from "./targets.ts";

const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en") : "—");
const fixed = (digits: number) => (x: number) => (Number.isFinite(x) ? x.toFixed(digits) : "—");
const secs = (x: number) => (!Number.isFinite(x) ? "—" : x >= 10 ? x.toFixed(1) : x >= 0.1 ? x.toFixed(2) : x.toFixed(4));
const times = (f: Figure) => (f.runs.length > 1 ? `${f.median.toFixed(2)}× (${f.min.toFixed(2)}–${f.max.toFixed(2)})` : `${f.median.toFixed(2)}×`);

function table(header: string[], rows: string[][]): string {
  const align = header.map((_, i) => (i === 0 ? "---" : "---:"));
  return [header, align, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

const figureRow = (label: string, f: Figure, fmt: (x: number) => string, beside = "") => [label, fmt(f.median), fmt(f.min), fmt(f.max), beside];

export function formatReport(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`## ringlens bench — scale ${r.scale}: ${int(r.accounts)} accounts, ${r.plantedRings} planted rings, ${int(r.demoRows)} rows; ${r.runs} run${r.runs === 1 ? "" : "s"} per figure`);
  out.push("");
  out.push(`${m.before.cpus} × ${m.before.cpuModel}, ${m.before.memoryGb} GB; ${m.before.node}, ${m.before.engine}. ` +
    `Load average (1/5/15 min) ${m.before.loadAverage.join(" / ")} at start, ${m.after.loadAverage.join(" / ")} at the end. ` +
    `Started ${r.startedAt}, took ${r.seconds} s.`);
  out.push("");
  out.push("### Targets");
  out.push("");
  out.push(table(["target", "measured (median, min–max)", "status"], checkTargets(r).map((t) => [t.target, t.measured, t.status === "met" ? "✅ met" : t.status === "missed" ? "❌ missed" : "not measured"])));
  const { load, analyze, api, viewer } = r.sections;
  if (load) {
    out.push("", `### Load: ${int(load.rows)} demo rows into a fresh store`, "");
    out.push(table(["figure", "median", "min", "max", "beside it (per-run ratio)"], [
      figureRow("ringlens load, rows/s", load.ringlens.rowsPerSecond, int, `${times(load.vsMerge)} engine MERGE · ${times(load.vsCopy)} engine COPY`),
      figureRow("engine LOAD FROM … MERGE (ringlens' statements, rows pre-normalised), rows/s", load.engineMerge.rowsPerSecond, int, "ceiling: idempotent"),
      figureRow("engine COPY FROM into empty tables, rows/s", load.engineCopy.rowsPerSecond, int, "ceiling: bulk"),
      figureRow("ringlens load, s", load.ringlens.seconds, secs),
      figureRow("ringlens load peak RSS, MB", load.ringlens.peakRssMb, int, `engine MERGE ${int(load.engineMerge.peakRssMb.median)} MB · COPY ${int(load.engineCopy.peakRssMb.median)} MB`),
      ["ringlens staging alone (read, validate, normalise; no store), rows/s", int(load.stagingOnly.rowsPerSecond), "", "", `1 run; ${secs(load.stagingOnly.seconds)} s = ${Math.round((100 * load.stagingOnly.seconds) / load.ringlens.seconds.median)}% of ringlens load`],
    ]));
    out.push("", `Engine MERGE by table (median s): ${Object.entries(load.mergeStatements).map(([k, v]) => `${k} ${v}`).join(" · ")}`);
  }
  if (analyze) {
    out.push("", `### Analyze: ${int(analyze.accounts)} accounts, ${int(analyze.links)} non-hub links, ${int(analyze.rings)} rings`, "");
    const rows = analyze.phases.map(({ phase, seconds }) => {
      const beside = phase === "read links" ? `${times(analyze.readVsCopyTo)} the engine's COPY … TO speed (${secs(analyze.copyToSeconds.median)} s)`
        : phase === "components" ? `${times(analyze.componentsVsBare)} a bare union-find (both warm in one process: ${secs(analyze.componentsSameProcessSeconds.median)} s vs ${secs(analyze.bareUnionFindSeconds.median)} s)` : "";
      return figureRow(`${phase}, s`, seconds, secs, beside);
    });
    rows.push(figureRow("total of the phases, s", analyze.totalSeconds, secs, r.scale === "L" ? "target < 15 s" : "target < 15 s applies at L"));
    rows.push(figureRow("`ringlens analyze` process, wall s", analyze.processSeconds, secs, "start-up and store open included"));
    rows.push(figureRow("peak RSS, MB", analyze.peakRssMb, int));
    rows.push(figureRow("engine COPY (MATCH …) TO of the same rows, s", analyze.copyToSeconds, secs));
    rows.push(figureRow("bare typed-array union-find (warm), s", analyze.bareUnionFindSeconds, secs, `${analyze.groups.bare} groups (ringlens ${analyze.groups.ringlens})`));
    if (analyze.graphology) {
      rows.push(figureRow("graphology-components connectedComponents, s", analyze.graphology.componentsSeconds, secs,
        `+ ${secs(analyze.graphology.buildSeconds.median)} s to build the graph; ${analyze.groups.graphology} groups`));
    }
    out.push(table(["figure", "median", "min", "max", "beside it (per-run ratio)"], rows));
  }
  if (api) {
    out.push("", `### API: ${api.connections} connections, ${api.seconds} s per endpoint, ${api.runs} run${api.runs === 1 ? "" : "s"}; largest ring ${api.largestRing.id} (${api.largestRing.size} accounts); server peak RSS ${int(api.serverPeakRssMb)} MB`, "");
    const cell = (f: Figure, fmt: (x: number) => string) => (f.runs.length > 1 ? `${fmt(f.median)} (${fmt(f.min)}–${fmt(f.max)})` : fmt(f.median));
    out.push(table(["endpoint", "req/s", "p50 ms", "p99 ms", "requests", "non-2xx + errors", "first request ms"], api.endpoints.map((e) => [
      e.name, cell(e.requestsPerSecond, int), cell(e.p50Ms, int), cell(e.p99Ms, int), int(e.requests), String(e.errors), fixed(1)(e.coldMs),
    ])));
  }
  if (viewer) {
    out.push("", `### Viewer: headless Chromium, ${viewer.runs} run${viewer.runs === 1 ? "" : "s"} per view, fresh context each`, "");
    const views = [["largest demo ring", viewer.demoRing], ["synthetic large neighbourhood", viewer.wide]] as const;
    out.push(table(["view", "nodes on screen", "edges sent", "first frame s (median, min, max)", "settled s (median, min, max)", "server's first graph ms"], views.map(([name, v]) => [
      `${name} ${v.ringId} (${int(v.accounts)} accounts)`, int(v.nodesOnScreen), int(v.wireEdges),
      `${secs(v.firstFrameSeconds.median)}, ${secs(v.firstFrameSeconds.min)}, ${secs(v.firstFrameSeconds.max)}`,
      `${secs(v.settledSeconds.median)}, ${secs(v.settledSeconds.min)}, ${secs(v.settledSeconds.max)}`,
      int(v.serverFirstGraphMs),
    ])));
    const errors = [...viewer.demoRing.pageErrors, ...viewer.wide.pageErrors];
    if (errors.length > 0) out.push("", `Page errors: ${errors.slice(0, 5).join(" | ")}`);
  }
  if (r.failures.length > 0) out.push("", "Failed:", ...r.failures.map((f) => `- ${f}`));
  if (r.notes.length > 0) out.push("", "Notes:", ...r.notes.map((n) => `- ${n}`));
  return out.join("\n");
}
