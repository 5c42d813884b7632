/**
 * Decides which identifiers are hubs: used by so many distinct accounts (a warehouse, a
 * reshipper, a store kiosk) that linking through them would glue unrelated people together.
 * Hubs do not link; they are reported. Pure; imports only domain types.
 */
import type { HubInfo } from "../analysis-types.ts";
import { compareStrings } from "./compare-strings.ts";
import type { LinkLabel } from "../model.ts";
import { identifierDegree, identifierKey, type LinkIndex } from "./link-index.ts";

export interface HubRule {
  /** The automatic threshold never goes below this (protects small data sets). */
  minimum: number;
  /** Tukey fence multiplier on log degree; 3 is Tukey's "far out". */
  fence: number;
}

/**
 * The automatic hub threshold: an identifier with more distinct accounts than this is a hub.
 *
 * Rule: take the degrees d ≥ 2 of identifiers that could link (a degree-1 identifier links
 * nothing and would only drag the quantiles down), work on log d (degrees are heavy-tailed,
 * so spread is multiplicative), and put the fence at Tukey's far-out point
 *   log Q3 + fence · (log Q3 − log Q1)   i.e.   Q3 · (Q3 / Q1)^fence,
 * then never below `minimum`. In typical data most shared identifiers are shared by 2–3
 * accounts, the fence sits below the minimum and the minimum rules; when sharing is normally
 * wider (large households, shared IPs) the fence rises with it instead of cutting real groups.
 * A small data set has no far tail and loses nothing below `minimum` accounts.
 * Quantiles are nearest-rank on a degree histogram: O(identifiers), no sort.
 *
 * @example
 *   autoHubThreshold(Int32Array.from([2, 2, 3, 2, 500]), { minimum: 30, fence: 3 }); // 30
 */
export function autoHubThreshold(degrees: Int32Array, rule: HubRule): number {
  let maxDegree = 0;
  for (const d of degrees) if (d >= 2 && d > maxDegree) maxDegree = d;
  const histogram = new Int32Array(maxDegree + 1);
  for (const d of degrees) if (d >= 2) histogram[d]++;
  return autoHubThresholdOfHistogram(histogram, rule);
}

/**
 * The same threshold from a degree histogram (histogram[d] identifiers of degree d; degrees
 * below 2 are ignored): what a store that counts degrees itself hands over.
 *
 * @example autoHubThresholdOfHistogram([0, 0, 3, 1], { minimum: 30, fence: 3 }); // 30
 */
export function autoHubThresholdOfHistogram(histogram: ArrayLike<number>, rule: HubRule): number {
  let n = 0;
  for (let d = 2; d < histogram.length; d++) n += histogram[d]!;
  if (n === 0) return rule.minimum;
  const counted = Int32Array.from(histogram, (c, d) => (d >= 2 ? c : 0));
  const q1 = nearestRank(counted, Math.ceil(0.25 * n));
  const q3 = nearestRank(counted, Math.ceil(0.75 * n));
  const fence = Math.floor(q3 * (q3 / q1) ** rule.fence);
  return Math.max(rule.minimum, fence);
}

/** The smallest degree whose cumulative count reaches `rank` (1-based). */
function nearestRank(histogram: Int32Array, rank: number): number {
  let seen = 0;
  for (let d = 0; d < histogram.length; d++) {
    seen += histogram[d];
    if (seen >= Math.max(1, rank)) return d;
  }
  return histogram.length - 1;
}

export interface HubSelection {
  threshold: number;
  /** The threshold each kind present was held to (its own, or `threshold`). */
  thresholds: Partial<Record<LinkLabel, number>>;
  /** isHub[i] === 1 when identifier i is a hub. */
  isHub: Uint8Array;
  /** Hubs sorted by accounts descending, then key. */
  hubs: HubInfo[];
  /** Identifier indices of the hubs, in the order of `hubs`. */
  hubIndices: number[];
}

/**
 * Marks hubs given an explicit threshold, or the automatic one when `threshold` is "auto".
 * `perKind` overrides it for some kinds: a number, or "auto" for a fence on that kind's own
 * degrees (null or absent: the shared threshold).
 */
export function selectHubs(
  index: LinkIndex,
  threshold: number | "auto",
  rule: HubRule,
  perKind: Partial<Record<LinkLabel, number | "auto" | null>> = {},
): HubSelection {
  const count = index.identifierIds.length;
  const degrees = new Int32Array(count);
  for (let i = 0; i < count; i++) degrees[i] = identifierDegree(index, i);
  const resolved = threshold === "auto" ? autoHubThreshold(degrees, rule) : threshold;
  const thresholds: Partial<Record<LinkLabel, number>> = {};
  for (const kind of new Set(index.identifierKinds)) {
    const own = perKind[kind];
    if (own === "auto")
      thresholds[kind] = autoHubThreshold(
        degrees.filter((_, i) => index.identifierKinds[i] === kind),
        rule,
      );
    else thresholds[kind] = own ?? resolved;
  }
  const isHub = new Uint8Array(count);
  const hubIndices: number[] = [];
  for (let i = 0; i < count; i++) {
    if (degrees[i] > thresholds[index.identifierKinds[i]]!) {
      isHub[i] = 1;
      hubIndices.push(i);
    }
  }
  hubIndices.sort((a, b) => degrees[b] - degrees[a] || compareStrings(identifierKey(index, a), identifierKey(index, b)));
  const hubs = hubIndices.map((i) => ({
    kind: index.identifierKinds[i],
    identifierId: index.identifierIds[i],
    accounts: degrees[i],
  }));
  return { threshold: resolved, thresholds, isHub, hubs, hubIndices };
}
