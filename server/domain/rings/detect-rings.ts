/**
 * Ring detection, start to end: index links → hubs → components (union-find) → split of
 * bridged crews → split of groups still oversized (Louvain) → relatives' accounts attached,
 * not members → insiders → measures, scores and ring-to-ring links. Pure and engine-agnostic:
 * plain data in, plain data out; no I/O, no clock except the analysis time (options.now).
 */
import type { AnalysisInput, AnalysisResult, PhaseTiming } from "../analysis-types.ts";
import { refundsOf, tabulateAccounts } from "./account-table.ts";
import { compareStrings } from "./compare-strings.ts";
import { type DetectOptions, insiderRuleOf, resolveDetectOptions, splitOptionsOf } from "./detect-options.ts";
import { findComponents, groupList } from "./find-components.ts";
import { selectHubs } from "./hub-policy.ts";
import { approvalBaseline, findInsiders } from "./insiders.ts";
import { indexLinks, linkingOnly } from "./link-index.ts";
import { linkingLabels, policyOf, resolveLinkPolicy } from "./link-policy.ts";
import { LINK_KINDS, type LinkLabel } from "../model.ts";
import { measureRing } from "./ring-facts.ts";
import { ringHubUses } from "./ring-hubs.ts";
import { assembleRings, type RingDraft } from "./assemble-rings.ts";
import { splitCommunities } from "./split-communities.ts";
import { splitBridges } from "./split-bridges.ts";
import { attachRelatives, describeAttachment, type Attachment } from "./attach-relatives.ts";
import { linkRings } from "./link-rings.ts";

export const DETECT_PHASES = ["index", "hubs", "components", "bridges", "split", "attach", "insiders", "scores"] as const;
export type DetectPhase = (typeof DETECT_PHASES)[number];

/**
 * Finds and scores the rings of `input`. Rings come highest score first (then by id); every
 * candidate group of at least minRingSize linked accounts is a ring unless minScore drops it.
 *
 * @example
 *   const result = detectRings(input, { maxRingSize: 30, now: Date.UTC(2024, 0, 1) });
 *   result.rings.filter((ring) => ring.level === "high");
 */
export function detectRings(input: AnalysisInput, options: Partial<DetectOptions> = {}): AnalysisResult {
  const settings = resolveDetectOptions(options);
  const phases: PhaseTiming[] = [];
  const timed = <T>(phase: DetectPhase, run: () => T): T => {
    const started = performance.now();
    const value = run();
    phases.push({ phase, ms: Math.round((performance.now() - started) * 10) / 10 });
    return value;
  };

  const policy = resolveLinkPolicy(settings.linkPolicy);
  const linking = new Set(linkingLabels(policy));
  const kindWeights: Partial<Record<LinkLabel, number>> = {};
  const hubThresholds: Partial<Record<LinkLabel, number | "auto" | null>> = {};
  for (const { label } of LINK_KINDS) {
    if (!linking.has(label)) continue;
    kindWeights[label] = policyOf(policy, label).weight;
    hubThresholds[label] = policyOf(policy, label).hubThreshold;
  }

  const { index, table } = timed("index", () => {
    // Kinds that do not link (IP by default) stay in the store and the viewer, not in detection.
    const index = indexLinks({ accounts: input.accounts, links: linkingOnly(input.links, linking) });
    return { index, table: tabulateAccounts(index, input) };
  });
  const hubs = timed("hubs", () =>
    selectHubs(index, settings.hubThreshold, { minimum: settings.hubMinimum, fence: settings.hubFence }, hubThresholds),
  );
  const components = timed("components", () => findComponents(index, hubs.isHub, settings.minRingSize));
  // Bridged crews are told apart first, so a pair above maxRingSize is not cut by Louvain elsewhere than at its bridge.
  const crews = timed("bridges", () => groupList(components).flatMap((group) => splitBridges(index, table, hubs.isHub, group)));
  const pieces = timed("split", () =>
    crews.flatMap((group) => splitCommunities(index, hubs.isHub, group, splitOptionsOf(settings, kindWeights))),
  );
  const { groups, attachments } = timed("attach", () => {
    const groups: Int32Array[] = [];
    const attachments: Attachment[][] = [];
    for (const piece of pieces) {
      const { members, attached } = attachRelatives(index, table, hubs.isHub, piece);
      if (members.length < settings.minRingSize) continue;
      groups.push(members);
      attachments.push(attached);
    }
    return { groups, attachments };
  });
  const insiders = timed("insiders", () => {
    const baseline = approvalBaseline(input.refunds);
    const rule = insiderRuleOf(settings);
    return groups.map((group) => findInsiders(refundsOf(table, group), baseline, rule));
  });
  const rings = timed("scores", () => {
    const ringOf = new Int32Array(index.accountIds.length).fill(-1);
    groups.forEach((group, r) => {
      for (const a of group) ringOf[a] = r;
    });
    const hubUses = ringHubUses(index, hubs, ringOf, groups.length);
    const links = linkRings(index, hubs.isHub, groups);
    const drafts: RingDraft[] = groups.map((group, r) => ({
      memberIds: Array.from(group, (a) => index.accountIds[a]).sort(compareStrings),
      facts: measureRing(index, table, group, kindWeights),
      insiders: insiders[r],
      hubs: hubUses[r],
      links: links[r],
      attached: attachments[r].map((attachment) => describeAttachment(index, attachment)),
    }));
    return assembleRings(drafts, settings.minScore);
  });

  return { rings, hubs: hubs.hubs, hubThreshold: hubs.threshold, phases, analysedAt: settings.now ?? Date.now() };
}
