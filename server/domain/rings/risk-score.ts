/**
 * The risk score of a ring, 0–100, as a sum of reasons so an analyst sees why. Each reason
 * measures one value, maps it to a strength in [0, 1] and contributes strength × weight; the
 * weights add up to 100. Pure.
 */
import type { Reason, RingLevel } from "../analysis-types.ts";
import { contactKindOf } from "../model.ts";
import type { RingFacts } from "./ring-facts.ts";

interface ScoreInput {
  facts: RingFacts;
  /** The strongest insider finding's score (0–1), 0 when none. */
  insiderScore: number;
  /** Hubs shared by at least two members. */
  hubCount: number;
}

interface Factor {
  code: string;
  /** What the reason measures, as most rings show it. */
  label: string;
  /** A ring's own label, when the reason names what it measured in this ring. */
  ownLabel?: (ring: ScoreInput) => string;
  weight: number;
  value: (ring: ScoreInput) => number;
  /** In [0, 1]; reads the ring too when the value needs support (a share of two refunds proves little). */
  strength: (value: number, ring: ScoreInput) => number;
}

const ramp = (from: number, to: number) => (x: number) => Math.min(1, Math.max(0, (x - from) / (to - from)));
/** Shares count fully from SUPPORT refunds on, so one unreturned parcel is not "100% no-return". */
const SUPPORT = 5;
const supported = (count: number): number => Math.min(1, count / SUPPORT);
const noReturnRamp = ramp(0.1, 0.9);
const valueRamp = ramp(3, 5);

const SHARING_LABEL = "Accounts per shared identifier (weighted by kind)";

/**
 * The identifier-sharing reason names a support contact's identifier when that is what the
 * members share most: a refund-as-a-service ring is tied only by its operator's contacts.
 * @example sharingLabel(ring) // "9 accounts served from the same support-contact device"
 */
function sharingLabel(ring: ScoreInput): string {
  const { sharingKind, sharingTop } = ring.facts;
  const contact = sharingKind === null ? undefined : contactKindOf(sharingKind);
  if (!contact || sharingTop < 2) return SHARING_LABEL;
  return contact.label === "Handle"
    ? `${sharingTop} accounts served through the same chat handle in support contacts`
    : `${sharingTop} accounts served from the same support-contact ${contact.noun}`;
}

/**
 * Why these weights (they sum to 100):
 * - no-return (20): refunds without return are the loss itself in refund fraud; honest
 *   customers mostly send things back, so the ramp starts at 10% and is full at 90%
 *   (scaled down below SUPPORT unreturned refunds).
 * - insiders (15): a support employee approving far beyond their normal share is the mark of
 *   an organised ring (REKK bribed agents) that honest groups cannot produce.
 * - high-value (12): rings target what resells (HIGH_VALUE_CATEGORIES); scaled down below
 *   SUPPORT such refunds.
 * - countries (10), young-accounts (10): many-country groups and accounts that refund within a
 *   month of opening suggest accounts made for the purpose, not a family.
 * - value (10): prioritises by money at stake (log scale, 1k → 0, 100k → full; currencies
 *   are summed as given).
 * - velocity (8), identifier-sharing (8), hubs (7): corroboration only, since families also
 *   share a computer or a card, shop at Christmas and use a reshipper. Identifier sharing is
 *   weighted per kind by the link policy (a shared device or card counts more than an address).
 */
const FACTORS: readonly Factor[] = [
  {
    code: "no-return",
    label: "Refunds without return",
    weight: 20,
    value: (r) => r.facts.noReturnShare,
    strength: (v, r) => noReturnRamp(v) * supported(r.facts.noReturnCount),
  },
  { code: "insiders", label: "Suspected insider approvals", weight: 15, value: (r) => r.insiderScore, strength: ramp(0, 1) },
  {
    code: "high-value",
    label: "High-value categories",
    weight: 12,
    value: (r) => r.facts.highValueShare,
    strength: (v, r) => v * supported(r.facts.highValueCount),
  },
  { code: "countries", label: "Countries of the accounts", weight: 10, value: (r) => r.facts.countries.length, strength: ramp(1, 4) },
  {
    code: "young-accounts",
    label: "Accounts refunding within 30 days of opening",
    weight: 10,
    value: (r) => r.facts.youngAccountShare,
    strength: ramp(0, 1),
  },
  {
    code: "value",
    label: "Refunded value",
    weight: 10,
    value: (r) => r.facts.refundValue,
    strength: (v) => valueRamp(Math.log10(Math.max(1, v))),
  },
  { code: "velocity", label: "Most refunds in 7 days", weight: 8, value: (r) => r.facts.maxRefundsInWindow, strength: ramp(2, 10) },
  {
    code: "identifier-sharing",
    label: SHARING_LABEL,
    ownLabel: sharingLabel,
    weight: 8,
    value: (r) => r.facts.sharing,
    strength: ramp(1, 5),
  },
  { code: "hubs", label: "Hubs (reshippers, kiosks) shared by members", weight: 7, value: (r) => r.hubCount, strength: ramp(0, 2) },
];

/** Each reason code's usual label: stores keep a reason's label only where it differs (stored-reasons.ts). */
export const REASON_LABELS: ReadonlyMap<string, string> = new Map(FACTORS.map((f) => [f.code, f.label]));

/** Score thresholds of the levels: high from 60, medium from 35, low below. */
export const LEVEL_THRESHOLDS = { high: 60, medium: 35 } as const;

export function levelOf(score: number): RingLevel {
  return score >= LEVEL_THRESHOLDS.high ? "high" : score >= LEVEL_THRESHOLDS.medium ? "medium" : "low";
}

/**
 * Scores a measured ring. Contributions are rounded to one decimal first and the score is
 * their sum (computed in tenths, so it is exact): the reasons always add up to the score.
 * Reasons come strongest first.
 *
 * @example
 *   const { score, reasons } = scoreRing(facts, insiderScore, hubCount);
 *   reasons.reduce((s, r) => s + r.contribution, 0).toFixed(1) === score.toFixed(1); // true
 */
export function scoreRing(
  facts: RingFacts,
  insiderScore: number,
  hubCount: number,
): { score: number; level: RingLevel; reasons: Reason[] } {
  const ring: ScoreInput = { facts, insiderScore, hubCount };
  let tenths = 0;
  const reasons = FACTORS.map((factor) => {
    const value = factor.value(ring);
    const contributionTenths = Math.round(factor.weight * factor.strength(value, ring) * 10);
    tenths += contributionTenths;
    const label = factor.ownLabel ? factor.ownLabel(ring) : factor.label;
    return { code: factor.code, label, value: Math.round(value * 1000) / 1000, contribution: contributionTenths / 10 };
  });
  reasons.sort((a, b) => b.contribution - a.contribution);
  const score = tenths / 10;
  return { score, level: levelOf(score), reasons };
}
