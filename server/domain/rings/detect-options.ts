/**
 * The settings of ring detection, their defaults, and their resolution and validation in one
 * place (settings → defaults → resolve → validate). Pure; imports the error typology only.
 */
import { RinglensError } from "../../errors.ts";
import type { Millis } from "../model.ts";
import { resolveLinkPolicy, type LinkPolicyInput } from "./link-policy.ts";

export interface DetectOptions {
  /** Identifiers with more distinct accounts than this are hubs; "auto" uses autoHubThreshold. */
  hubThreshold: number | "auto";
  /** Floor of the automatic hub threshold. */
  hubMinimum: number;
  /** Tukey fence multiplier (on log degree) of the automatic hub threshold. */
  hubFence: number;
  /** Components with more accounts are split with Louvain. */
  maxRingSize: number;
  /** Smallest group reported as a ring. */
  minRingSize: number;
  /** Split passes for pieces still above maxRingSize. */
  splitDepth: number;
  /** Seed of Louvain's random walk. */
  seed: number;
  louvainResolution: number;
  insiderMinApprovals: number;
  insiderMinShare: number;
  insiderMinLift: number;
  insiderMaxPValue: number;
  /** Rings scoring below this are left out of the result (0 keeps every candidate). */
  minScore: number;
  /** The analysis time written to the result; Date.now() when null. */
  now: Millis | null;
  /** Per identifier kind: links or not, hub threshold, weight (see link-policy.ts); missing kinds and keys take the defaults. */
  linkPolicy: LinkPolicyInput;
}

export const DEFAULT_DETECT_OPTIONS: Readonly<DetectOptions> = {
  hubThreshold: "auto",
  hubMinimum: 30,
  hubFence: 3,
  maxRingSize: 40,
  minRingSize: 2,
  splitDepth: 3,
  seed: 1,
  louvainResolution: 1,
  insiderMinApprovals: 3,
  // 0.25, not 0.3: two bribed employees often split a ring, and the smaller partner's share
  // falls below 0.3 (measured on demo seeds 1–5: insider recall 0.87–0.94 → 0.93–0.97).
  insiderMinShare: 0.25,
  insiderMinLift: 5,
  insiderMaxPValue: 1e-4,
  minScore: 0,
  now: null,
  linkPolicy: {},
};

type Check = (value: unknown) => boolean;
const isInt = (min: number): Check => (v) => Number.isInteger(v) && (v as number) >= min;
const isNumber = (min: number, max = Infinity): Check => (v) => typeof v === "number" && v >= min && v <= max;

const CHECKS: { [K in keyof DetectOptions]: [Check, string] } = {
  hubThreshold: [(v) => v === "auto" || isInt(1)(v), `"auto" or an integer ≥ 1`],
  hubMinimum: [isInt(1), "an integer ≥ 1"],
  hubFence: [isNumber(0), "a number ≥ 0"],
  maxRingSize: [isInt(2), "an integer ≥ 2"],
  minRingSize: [isInt(2), "an integer ≥ 2"],
  splitDepth: [isInt(1), "an integer ≥ 1"],
  seed: [isInt(0), "an integer ≥ 0"],
  louvainResolution: [(v) => isNumber(0)(v) && v !== 0, "a number > 0"],
  insiderMinApprovals: [isInt(1), "an integer ≥ 1"],
  insiderMinShare: [isNumber(0, 1), "a number in [0, 1]"],
  insiderMinLift: [isNumber(0), "a number ≥ 0"],
  insiderMaxPValue: [isNumber(0, 1), "a number in [0, 1]"],
  minScore: [isNumber(0, 100), "a number in [0, 100]"],
  now: [(v) => v === null || (typeof v === "number" && Number.isFinite(v)), "epoch milliseconds or null"],
  // resolveLinkPolicy checks every kind and key itself, naming what is wrong.
  linkPolicy: [(v) => typeof v === "object" && v !== null && resolveLinkPolicy(v as LinkPolicyInput) !== null, "an object of identifier kinds"],
};

/**
 * Defaults filled in, every value checked; throws RinglensError("invalid-input") naming the key.
 *
 * @example resolveDetectOptions({ maxRingSize: 12 }).hubThreshold // "auto"
 */
export function resolveDetectOptions(options: Partial<DetectOptions> = {}): DetectOptions {
  const resolved: DetectOptions = { ...DEFAULT_DETECT_OPTIONS };
  for (const key of Object.keys(options) as (keyof DetectOptions)[]) {
    const value = options[key];
    if (value === undefined) continue;
    const check = CHECKS[key];
    if (check === undefined) throw new RinglensError("invalid-input", `detectRings: unknown option \`${String(key)}\`.`);
    if (!check[0](value)) {
      throw new RinglensError("invalid-input", `detectRings: invalid \`${key}\`: ${JSON.stringify(value)}. Expecting ${check[1]}.`, { key });
    }
    (resolved as unknown as Record<string, unknown>)[key] = value;
  }
  if (resolved.minRingSize > resolved.maxRingSize) {
    throw new RinglensError("invalid-input", "detectRings: `minRingSize` is above `maxRingSize`. Expecting minRingSize ≤ maxRingSize.");
  }
  return resolved;
}
