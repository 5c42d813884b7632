/**
 * The targets of issues 7 and 18 and whether a bench run met them, each judged on the median of its
 * per-run values. A target that needs another scale or a skipped section is "not measured".
 * On Neo4j only the engine-neutral targets are judged (the components phase against a bare
 * union-find, and no API errors): the others were set against the embedded engine.
 */
import { ratio, summarise, type Figure } from "../figure.ts";
import type { BenchResults } from "./bench-results.ts";

export type Status = "met" | "missed" | "not measured";

export interface TargetCheck {
  target: string;
  measured: string;
  status: Status;
  /** Judged whatever the store: it measures ringlens' in-memory work, or correctness. */
  engineNeutral?: boolean;
}

const judge = (value: number | undefined, ok: (x: number) => boolean): Status =>
  value === undefined || !Number.isFinite(value) ? "not measured" : ok(value) ? "met" : "missed";

const spread = (f: Figure | undefined, unit: string, digits = 2): string => {
  if (!f || !Number.isFinite(f.median)) return "—";
  const v = (x: number) => x.toFixed(digits);
  return f.runs.length > 1 ? `${v(f.median)}${unit} (${v(f.min)}–${v(f.max)})` : `${v(f.median)}${unit}`;
};

export function checkTargets(r: BenchResults): TargetCheck[] {
  const all = allTargets(r);
  return r.store === "neo4j" ? all.filter((t) => t.engineNeutral) : [...all, ...scaleTargets(r)];
}

/** Issue 18's targets: each is set at one scale (L, or XL for memory) and "not measured" at the others. */
function scaleTargets(r: BenchResults): TargetCheck[] {
  const { load, analyze, api, viewer } = r.sections;
  const at = (scale: string, f: Figure | undefined) => (r.scale === scale ? f : undefined);
  const shown = (f: Figure | undefined, unit: string, digits: number) =>
    f && Number.isFinite(f.median) ? `${spread(f, unit, digits)}${r.scale === "L" || r.scale === "XL" ? "" : ` at ${r.scale}`}` : "—";
  const figure = (label: string, f: Figure | undefined, unit: string, digits: number, ok: (x: number) => boolean, scale = "L") => ({
    target: label,
    measured: shown(f, unit, digits),
    status: judge(at(scale, f)?.median, ok),
  });
  const reimportRatio = load ? ratio(load.reimport.seconds.runs, load.ringlens.seconds.runs) : undefined;
  const cold = (name: string) => api?.endpoints.find((e) => e.name === name)?.coldMs;
  const xlPeak = load || analyze ? summarise([Math.max(load?.ringlens.peakRssMb.median ?? 0, analyze?.peakRssMb.median ?? 0)]) : undefined;
  const neighbourhood = viewer ? summarise([viewer.wide.serverFirstGraphMs]) : undefined;
  return [
    figure("L: `ringlens load` ≤ 60 s", load?.ringlens.seconds, " s", 1, (x) => x <= 60),
    figure("L: load peak RSS ≤ 3 GB", load?.ringlens.peakRssMb, " MB", 0, (x) => x <= 3072),
    figure("L: re-import of the same folder ≤ 2× the load", reimportRatio, "×", 2, (x) => x <= 2),
    figure("L: `ringlens analyze` ≤ 15 s wall", analyze?.processSeconds, " s", 1, (x) => x <= 15),
    figure("L: analyze peak RSS ≤ 3 GB", analyze?.peakRssMb, " MB", 0, (x) => x <= 3072),
    figure("XL: load and analyze peak RSS ≤ 10 GB", xlPeak, " MB", 0, (x) => x <= 10_240, "XL"),
    figure("L: ring list, first request after start ≤ 200 ms", cold("GET /api/rings"), " ms", 0, (x) => x <= 200),
    figure("L: ring detail, first request ≤ 200 ms", cold("GET /api/rings/:id (largest ring)"), " ms", 0, (x) => x <= 200),
    figure("L: ring graph, first request ≤ 200 ms", cold("GET /api/rings/:id/graph (largest ring)"), " ms", 0, (x) => x <= 200),
    figure("L: search, first request ≤ 200 ms", cold("GET /api/search (a member's email)"), " ms", 0, (x) => x <= 200),
    figure(`L: ${viewSize(r)} neighbourhood's graph, cold ≤ 500 ms`, neighbourhood, " ms", 0, (x) => x <= 500),
  ];
}

function allTargets(r: BenchResults): TargetCheck[] {
  const { load, analyze, api, viewer } = r.sections;
  const atS = r.scale === "S" ? "" : ` (set for S; this run is ${r.scale})`;
  const endpoint = (prefix: string) => api?.endpoints.find((e) => e.name.startsWith(prefix));
  const rings = endpoint("GET /api/rings");
  const graph = endpoint("GET /api/rings/:id/graph");
  const totalAtL = r.scale === "L" ? analyze?.totalSeconds : undefined;
  const apiErrors = api?.endpoints.reduce((s, e) => s + e.errors, 0);
  return [
    {
      target: "load ≥ 0.5× the engine's LOAD FROM … MERGE",
      measured: spread(load?.vsMerge, "×"),
      status: judge(load?.vsMerge.median, (x) => x >= 0.5),
    },
    {
      target: "link reading ≥ 0.5× the engine's COPY (MATCH …) TO",
      measured: spread(analyze?.readVsCopyTo, "×"),
      status: judge(analyze?.readVsCopyTo.median, (x) => x >= 0.5),
    },
    {
      target: "components ≤ 3× a bare union-find",
      measured: spread(analyze?.componentsVsBare, "×"),
      status: judge(analyze?.componentsVsBare.median, (x) => x <= 3),
      engineNeutral: true,
    },
    {
      target: "L-scale analysis < 15 s in total",
      measured: totalAtL ? spread(totalAtL, " s") : analyze ? `${spread(analyze.totalSeconds, " s")} at ${r.scale}` : "—",
      status: judge(totalAtL?.median, (x) => x < 15),
    },
    {
      target: `GET /api/rings p99 < 50 ms${atS}`,
      measured: spread(rings?.p99Ms, " ms", 0),
      status: judge(rings?.p99Ms.median, (x) => x < 50),
    },
    {
      target: `ring graph p99 < 150 ms${atS}`,
      measured: spread(graph?.p99Ms, " ms", 0),
      status: judge(graph?.p99Ms.median, (x) => x < 150),
    },
    {
      target: "API: no non-2xx responses or errors",
      measured: apiErrors === undefined ? "—" : String(apiErrors),
      status: judge(apiErrors, (x) => x === 0),
      engineNeutral: true,
    },
    {
      target: `first frame < 1 s, ${viewSize(r)} view`,
      measured: spread(viewer?.wide.firstFrameSeconds, " s"),
      status: judge(viewer?.wide.firstFrameSeconds.median, (x) => x < 1),
    },
    {
      target: `settled layout < 5 s, ${viewSize(r)} view`,
      measured: spread(viewer?.wide.settledSeconds, " s"),
      status: judge(viewer?.wide.settledSeconds.median, (x) => x < 5),
    },
  ];
}

function viewSize(r: BenchResults): string {
  const wide = r.sections.viewer?.wide;
  return wide ? `${wide.nodesOnScreen.toLocaleString("en")}-node / ${wide.wireEdges.toLocaleString("en")}-edge` : "5,000-node";
}
