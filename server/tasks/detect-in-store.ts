/**
 * Ring detection done where the data is (`ringlens analyze --in-store`, Neo4j with Graph Data
 * Science): the store counts identifier degrees (the hub fence is computed here from its
 * histogram, by the domain's rule), finds the linked groups with hubs left out (gds.wcc), and
 * aggregates each ring's counts; ringlens reads groups and counts, never the whole link table.
 * Only groups that may need the bridge, split or attachment rules (some member behaves like a
 * ring, or the group is above maxRingSize) have their own small graph read, and those rules are
 * the in-process ones, with Louvain done by the store. Scores, insiders and ring ids come from
 * the same domain code as the in-process path (assembleRings).
 */
import type { AnalysisResult, HubInfo, HubUse, LinkFact, PhaseTiming } from "../domain/analysis-types.ts";
import { RinglensError } from "../errors.ts";
import type { LinkLabel } from "../domain/model.ts";
import { assembleRings, type DraftLink, type RingDraft } from "../domain/rings/assemble-rings.ts";
import { attachRelatives, describeAttachment } from "../domain/rings/attach-relatives.ts";
import { tabulateAccounts } from "../domain/rings/account-table.ts";
import { compareStrings } from "../domain/rings/compare-strings.ts";
import { insiderRuleOf, resolveDetectOptions, splitOptionsOf, type DetectOptions } from "../domain/rings/detect-options.ts";
import { autoHubThresholdOfHistogram } from "../domain/rings/hub-policy.ts";
import { insidersFromTally } from "../domain/rings/insiders.ts";
import { indexLinks } from "../domain/rings/link-index.ts";
import { linkingLabels, policyOf, resolveLinkPolicy } from "../domain/rings/link-policy.ts";
import { linkRings } from "../domain/rings/link-rings.ts";
import { factsFromTallies } from "../domain/rings/ring-facts.ts";
import { splitBridges } from "../domain/rings/split-bridges.ts";
import { splitCommunitiesWith } from "../domain/rings/split-communities.ts";
import type { InStoreComponent, InStoreGraph } from "../store/graph-store.ts";

/** Accounts whose own graphs are read in one go. */
const LOCAL_BATCH_ACCOUNTS = 20_000;

const IN_STORE_PHASES = ["hubs", "components", "groups", "counts", "scores"] as const;

export interface InStoreDetection {
  result: AnalysisResult;
  /** Every linking, non-hub link through an identifier these accounts use (for the alerts about confirmed rings). */
  linksAround(accountIds: readonly string[]): Promise<LinkFact[]>;
}

/** @example const { result } = await detectInStore(await store.inStoreGraph(), { maxRingSize: 40 }); */
export async function detectInStore(
  graph: InStoreGraph,
  options: Partial<DetectOptions> = {},
  onPhase: (phase: string) => void = () => {},
): Promise<InStoreDetection> {
  const settings = resolveDetectOptions(options, "analyze --in-store");
  if (settings.louvainResolution !== 1)
    throw new RinglensError(
      "invalid-input",
      `analyze --in-store: GDS's Louvain has no resolution setting, so louvainResolution must stay 1 (it is ${settings.louvainResolution}); analyse without --in-store to change it`,
      { key: "louvainResolution" },
    );
  const phases: PhaseTiming[] = [];
  const timed = async <T>(phase: (typeof IN_STORE_PHASES)[number], run: () => Promise<T> | T): Promise<T> => {
    onPhase(phase);
    const started = performance.now();
    const value = await run();
    phases.push({ phase: `in-store ${phase}`, ms: Math.round(performance.now() - started) });
    return value;
  };

  const policy = resolveLinkPolicy(settings.linkPolicy);
  const linking = linkingLabels(policy);
  const kindWeights: Partial<Record<LinkLabel, number>> = {};
  for (const label of linking) kindWeights[label] = policyOf(policy, label).weight;

  const hubs = await timed("hubs", async () => {
    const histograms = new Map<LinkLabel, number[]>();
    for (const kind of linking) histograms.set(kind, await graph.degreeHistogram(kind));
    const rule = { minimum: settings.hubMinimum, fence: settings.hubFence };
    const shared =
      settings.hubThreshold === "auto" ? autoHubThresholdOfHistogram(sumHistograms([...histograms.values()]), rule) : settings.hubThreshold;
    const thresholds = new Map<LinkLabel, number>();
    for (const kind of linking) {
      const own = policyOf(policy, kind).hubThreshold;
      thresholds.set(kind, own === "auto" ? autoHubThresholdOfHistogram(histograms.get(kind)!, rule) : (own ?? shared));
    }
    const list: HubInfo[] = [];
    for (const kind of linking) {
      for (const hub of await graph.hubs(kind, thresholds.get(kind)!)) list.push({ kind, ...hub });
    }
    list.sort((x, y) => y.accounts - x.accounts || compareStrings(`${x.kind}:${x.identifierId}`, `${y.kind}:${y.identifierId}`));
    const ids = new Map<LinkLabel, string[]>(linking.map((kind) => [kind, []]));
    for (const hub of list) ids.get(hub.kind)!.push(hub.identifierId);
    return { shared, thresholds, list, ids };
  });

  const components = await timed("components", async () => {
    const found = await graph.components(hubs.thresholds, settings.minRingSize);
    for (const c of found) c.members.sort(compareStrings);
    return found;
  });

  const needsOwnGraph = (c: InStoreComponent) => c.behaving > 0 || c.members.length > settings.maxRingSize;
  const drafts = await timed("groups", async () => {
    const out: Omit<RingDraft, "facts" | "insiders" | "hubs">[] = [];
    const waiting: InStoreComponent[] = [];
    let waitingAccounts = 0;
    const flush = async () => {
      if (waiting.length === 0) return;
      out.push(...(await splitGroups(graph, waiting, linking, hubs.ids, settings, kindWeights, out.length)));
      waiting.length = 0;
      waitingAccounts = 0;
    };
    for (const c of components) {
      if (!needsOwnGraph(c)) {
        out.push({ memberIds: c.members, links: [], attached: [] });
        continue;
      }
      waiting.push(c);
      waitingAccounts += c.members.length;
      if (waitingAccounts >= LOCAL_BATCH_ACCOUNTS) await flush();
    }
    await flush();
    return out;
  });

  const counts = await timed("counts", () =>
    graph.ringTallies(
      drafts.map((d) => d.memberIds),
      linking.filter((kind) => kindWeights[kind]),
      hubs.ids,
    ),
  );

  const rings = await timed("scores", async () => {
    const baseline = await graph.approvalBaseline();
    const rule = insiderRuleOf(settings);
    const hubOrder = new Map(hubs.list.map((hub, position) => [`${hub.kind}:${hub.identifierId}`, position]));
    const hubAccounts = new Map(hubs.list.map((hub) => [`${hub.kind}:${hub.identifierId}`, hub.accounts]));
    const full: RingDraft[] = drafts.map((draft, r) => {
      const { tallies, approvals, hubs: used } = counts[r]!;
      const key = (u: { kind: LinkLabel; identifierId: string }) => `${u.kind}:${u.identifierId}`;
      // Most members first, then in hub order, as ringHubUses lists them.
      const hubUses: HubUse[] = [...used]
        .sort((x, y) => y.members - x.members || hubOrder.get(key(x))! - hubOrder.get(key(y))!)
        .map((u) => ({ kind: u.kind, identifierId: u.identifierId, accounts: hubAccounts.get(key(u))!, members: u.members }));
      return {
        ...draft,
        facts: factsFromTallies(tallies, kindWeights),
        insiders: insidersFromTally(approvals, baseline, rule),
        hubs: hubUses,
      };
    });
    return assembleRings(full, settings.minScore);
  });

  return {
    result: { rings, hubs: hubs.list, hubThreshold: hubs.shared, phases, analysedAt: settings.now ?? Date.now() },
    linksAround: (accountIds) => graph.linksAround(accountIds, linking),
  };
}

/** histogram[d] summed over kinds: the analysis-wide hub fence is on every linking identifier's degree. */
function sumHistograms(histograms: readonly number[][]): number[] {
  const sum: number[] = new Array(Math.max(0, ...histograms.map((h) => h.length))).fill(0);
  for (const h of histograms) for (let d = 0; d < h.length; d++) sum[d] += h[d]!;
  return sum;
}

/**
 * The in-process rules on some groups' own graphs: bridged crews told apart, oversized pieces
 * split by the store's Louvain, relatives' accounts attached; links between the rings one
 * group became. `offset` is the position of the first draft made here among all drafts.
 */
async function splitGroups(
  graph: InStoreGraph,
  groups: readonly InStoreComponent[],
  linking: readonly LinkLabel[],
  hubIds: ReadonlyMap<LinkLabel, readonly string[]>,
  settings: DetectOptions,
  kindWeights: Partial<Record<LinkLabel, number>>,
  offset: number,
): Promise<Omit<RingDraft, "facts" | "insiders" | "hubs">[]> {
  const input = await graph.groupInput(
    groups.flatMap((g) => g.members),
    linking,
    hubIds,
  );
  const index = indexLinks(input);
  const table = tabulateAccounts(index, input);
  // Hubs were left out of the read: nothing here is a hub.
  const isHub = new Uint8Array(index.identifierIds.length);
  const split = splitOptionsOf(settings, kindWeights);
  const out: Omit<RingDraft, "facts" | "insiders" | "hubs">[] = [];
  for (const group of groups) {
    const positions = Int32Array.from(group.members, (id) => index.accounts.indexOf(id)).sort();
    const pieces: Int32Array[] = [];
    for (const crew of splitBridges(index, table, isHub, positions))
      pieces.push(...(await splitCommunitiesWith(index, isHub, crew, split, (n, pairs) => graph.louvain(n, pairs))));
    const made: Int32Array[] = [];
    const first = offset + out.length;
    for (const piece of pieces) {
      const { members, attached } = attachRelatives(index, table, isHub, piece);
      if (members.length < settings.minRingSize) continue;
      made.push(members);
      out.push({
        memberIds: Array.from(members, (a) => index.accountIds[a]!).sort(compareStrings),
        links: [],
        attached: attached.map((attachment) => describeAttachment(index, attachment)),
      });
    }
    linkRings(index, isHub, made).forEach((links: DraftLink[], r) => {
      out[first - offset + r]!.links = links.map((link) => ({ ring: first + link.ring, via: link.via }));
    });
  }
  return out;
}
