/**
 * One analysis, end to end: read links (and the current rings' members) from the store in
 * bulk, detect rings (pure domain code), match them to the previous rings (lineage), write the
 * result back replacing the previous analysis as one unit, record a summary, then move cases
 * along the lineage and raise alerts (server/investigation/). Returns the result with every
 * phase timed.
 */
import type { AnalysisResult, AnalysisSummary, PhaseTiming } from "../domain/analysis-types.ts";
import { checkpoint } from "../checkpoints.ts";
import { detectRings } from "../domain/rings/detect-rings.ts";
import { resolveDetectOptions, type DetectOptions } from "../domain/rings/detect-options.ts";
import { linkingLabels, resolveLinkPolicy } from "../domain/rings/link-policy.ts";
import { matchLineage } from "../domain/investigation/ring-lineage.ts";
import type { GraphStore } from "../store/graph-store.ts";
import { writeMeta } from "../store/meta.ts";
import { currentRingMembers } from "../investigation/investigation-records.ts";
import { investigateAnalysis, type InvestigationOutcome } from "../investigation/investigate-analysis.ts";
import { loadCatalogue, type Catalogue } from "../queries/catalogue.ts";

/** What an analysis needs besides detection settings: where alerts go, the saved queries watches run. */
export interface AnalysisHooks {
  alertWebhook?: string;
  catalogue?: Catalogue;
  queryTimeoutMs?: number;
}

export async function runAnalysis(
  store: GraphStore,
  options: Partial<DetectOptions> = {},
  onPhase: (phase: string) => void = () => {},
  hooks: AnalysisHooks = {},
): Promise<AnalysisResult & { summary: AnalysisSummary; investigation: InvestigationOutcome }> {
  const timed = async <T>(phase: string, run: () => Promise<T> | T): Promise<{ value: T; timing: PhaseTiming }> => {
    onPhase(phase);
    const started = performance.now();
    const value = await run();
    return { value, timing: { phase, ms: Math.round(performance.now() - started) } };
  };
  // The rings about to be replaced are read first: lineage matches against them.
  const read = await timed("read links", async () => ({
    previous: await currentRingMembers(store),
    input: await store.readAnalysisInput(),
  }));
  const detect = await timed("detect", () => detectRings(read.value.input, options));
  const result = detect.value;
  const lineage = await timed("lineage", () => {
    const matched = matchLineage(
      [...read.value.previous].map(([id, accountIds]) => ({ id, accountIds })),
      result.rings,
    );
    for (const ring of result.rings) ring.lineage = matched.get(ring.id);
    return matched;
  });
  await checkpoint("analyze:detected");
  const write = await timed("write back", () => store.writeAnalysis(result));
  const investigation = await timed("investigation", () =>
    investigateAnalysis(store, {
      previousMembers: read.value.previous,
      lineage: lineage.value,
      input: read.value.input,
      result,
      linking: new Set(linkingLabels(resolveLinkPolicy(resolveDetectOptions(options).linkPolicy))),
      catalogue: hooks.catalogue ?? loadCatalogue(),
      queryTimeoutMs: hooks.queryTimeoutMs ?? 10_000,
      webhook: hooks.alertWebhook,
    }),
  );
  const phases = [read.timing, ...result.phases, lineage.timing, write.timing, investigation.timing];
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
  return { ...result, phases, summary, investigation: investigation.value };
}
