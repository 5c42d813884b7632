/**
 * One analysis, end to end: read links (and the current rings' members) from the store in
 * bulk, detect rings (pure domain code), match them to the previous rings (lineage), write the
 * result back replacing the previous analysis as one unit, record a summary, then move cases
 * along the lineage and raise alerts (server/investigation/). Returns the result with every
 * phase timed.
 */
import type { AnalysisResult, AnalysisSummary, LinkFact, PhaseTiming } from "../domain/analysis-types.ts";
import { eachLinkFact } from "../domain/rings/link-columns.ts";
import { detectInStore } from "./detect-in-store.ts";
import { analysisHeapProblem } from "./analysis-memory.ts";
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
  /** Detect in the store with its graph algorithms (Neo4j with GDS: detect-in-store.ts) instead of reading the links in. */
  inStore?: boolean;
  /** The heap an in-process analysis may use, in bytes (default: this process's limit); checked before reading. */
  heapLimit?: number;
}

type Timed = <T>(phase: string, run: () => Promise<T> | T) => Promise<{ value: T; timing: PhaseTiming }>;

interface Detected {
  previous: Map<string, string[]>;
  result: AnalysisResult;
  linksAround: (accountIds: readonly string[]) => Promise<Iterable<LinkFact>>;
  /** Phases timed here, before the detection's own. */
  phases: PhaseTiming[];
}

async function detectInProcess(store: GraphStore, options: Partial<DetectOptions>, timed: Timed, heapLimit?: number): Promise<Detected> {
  const tooBig = analysisHeapProblem(await store.counts(), heapLimit);
  if (tooBig) throw tooBig;
  const read = await timed("read links", async () => ({
    previous: await currentRingMembers(store),
    input: await store.readAnalysisInput(),
  }));
  const detect = await timed("detect", () => detectRings(read.value.input, options));
  return {
    previous: read.value.previous,
    result: detect.value,
    // Iterable again on every pass (the alerts index the links by identifier and by account).
    linksAround: async () => ({ [Symbol.iterator]: () => eachLinkFact(read.value.input) }),
    phases: [read.timing],
  };
}

async function detectWhereTheDataIs(
  store: GraphStore,
  options: Partial<DetectOptions>,
  timed: Timed,
  onPhase: (phase: string) => void,
): Promise<Detected> {
  const read = await timed("read rings", async () => ({ graph: await store.inStoreGraph(), previous: await currentRingMembers(store) }));
  const detection = await detectInStore(read.value.graph, options, (phase) => onPhase(`in-store ${phase}`));
  return { previous: read.value.previous, result: detection.result, linksAround: detection.linksAround, phases: [read.timing] };
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
  const detected = hooks.inStore
    ? await detectWhereTheDataIs(store, options, timed, onPhase)
    : await detectInProcess(store, options, timed, hooks.heapLimit);
  const { previous, result, linksAround } = detected;
  const lineage = await timed("lineage", () => {
    const matched = matchLineage(
      [...previous].map(([id, accountIds]) => ({ id, accountIds })),
      result.rings,
    );
    for (const ring of result.rings) ring.lineage = matched.get(ring.id);
    return matched;
  });
  await checkpoint("analyze:detected");
  const write = await timed("write back", () => store.writeAnalysis(result));
  const investigation = await timed("investigation", () =>
    investigateAnalysis(store, {
      previousMembers: previous,
      lineage: lineage.value,
      linksAround,
      result,
      linking: new Set(linkingLabels(resolveLinkPolicy(resolveDetectOptions(options).linkPolicy))),
      catalogue: hooks.catalogue ?? loadCatalogue(),
      queryTimeoutMs: hooks.queryTimeoutMs ?? 10_000,
      webhook: hooks.alertWebhook,
    }),
  );
  const phases = [...detected.phases, ...result.phases, lineage.timing, write.timing, investigation.timing];
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
