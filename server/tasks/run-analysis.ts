/**
 * One analysis, end to end: read links from the store in bulk, detect rings (pure domain
 * code), write the result back replacing the previous analysis as one unit, and record a
 * summary. Returns the result with every phase timed.
 */
import type { AnalysisResult, AnalysisSummary, PhaseTiming } from "../domain/analysis-types.ts";
import { checkpoint } from "../checkpoints.ts";
import { detectRings } from "../domain/rings/detect-rings.ts";
import type { DetectOptions } from "../domain/rings/detect-options.ts";
import type { GraphStore } from "../store/graph-store.ts";
import { writeMeta } from "../store/meta.ts";

export async function runAnalysis(
  store: GraphStore,
  options: Partial<DetectOptions> = {},
  onPhase: (phase: string) => void = () => {},
): Promise<AnalysisResult & { summary: AnalysisSummary }> {
  const timed = async <T>(phase: string, run: () => Promise<T> | T): Promise<{ value: T; timing: PhaseTiming }> => {
    onPhase(phase);
    const started = performance.now();
    const value = await run();
    return { value, timing: { phase, ms: Math.round(performance.now() - started) } };
  };
  const read = await timed("read links", () => store.readAnalysisInput());
  const detect = await timed("detect", () => detectRings(read.value, options));
  const result = detect.value;
  await checkpoint("analyze:detected");
  const write = await timed("write back", () => store.writeAnalysis(result));
  const phases = [read.timing, ...result.phases, write.timing];
  const summary: AnalysisSummary = {
    at: new Date(result.analysedAt).toISOString(),
    rings: result.rings.length,
    flagged: result.rings.filter((r) => r.level !== "low").length,
    high: result.rings.filter((r) => r.level === "high").length,
    hubs: result.hubs.length,
    hubThreshold: result.hubThreshold,
    phases,
  };
  await writeMeta(store, "lastAnalysis", summary);
  return { ...result, phases, summary };
}
