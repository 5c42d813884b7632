/**
 * The settings of ring detection, their defaults, and their resolution and validation in one
 * place (settings → defaults → resolve → validate): one zod schema and one set of bounds, which
 * the CLI's flags and the API's body are checked against too. Pure; imports zod and the error
 * typology only.
 */
import { z } from "zod";
import { RinglensError } from "../../errors.ts";
import { expecting, resolveLinkPolicy, type LinkPolicyInput } from "./link-policy.ts";
import type { InsiderRule } from "./insiders.ts";
import type { SplitOptions } from "./split-communities.ts";

const int = (min: number) => z.int(expecting(`an integer ≥ ${min}`)).min(min, expecting(`an integer ≥ ${min}`));
const number = (min: number, max: number | null, text: string) => {
  const base = z.number(expecting(text)).min(min, expecting(text));
  return max === null ? base : base.max(max, expecting(text));
};
const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);

/** The one schema of every detection setting, with its bounds; each key's description is its doc. */
export const DetectOptionsSchema = z
  .object({
    hubThreshold: z
      .union([z.literal("auto"), int(1)], expecting(`"auto" or an integer ≥ 1`))
      .describe(`identifiers with more distinct accounts than this are hubs and do not link; "auto" uses autoHubThreshold`),
    hubMinimum: int(1).describe("floor of the automatic hub threshold"),
    hubFence: number(0, null, "a number ≥ 0").describe("Tukey fence multiplier (on log degree) of the automatic hub threshold"),
    maxRingSize: int(2).describe("components with more accounts are split with Louvain"),
    minRingSize: int(2).describe("smallest group reported as a ring"),
    splitDepth: int(1).describe("split passes for pieces still above maxRingSize"),
    seed: int(0).describe("seed of Louvain's random walk"),
    louvainResolution: z
      .number(expecting("a number > 0"))
      .positive(expecting("a number > 0"))
      .describe("Louvain's resolution (above 1: smaller communities)"),
    insiderMinApprovals: int(1).describe("fewest of a ring's approvals an employee must have made to be suspected"),
    insiderMinShare: number(0, 1, "a number in [0, 1]").describe("smallest share of the ring's approved refunds the employee approved"),
    insiderMinLift: number(0, null, "a number ≥ 0").describe("smallest share / the employee's share of all approvals"),
    insiderMaxPValue: number(0, 1, "a number in [0, 1]").describe("largest p-value of that many approvals by chance"),
    minScore: number(0, 100, "a number in [0, 100]").describe(
      "rings scoring below this are left out of the result (0 keeps every candidate)",
    ),
    now: z
      .number(expecting("epoch milliseconds or null"))
      .nullable()
      .describe("the analysis time written to the result; Date.now() when null"),
    // The shape only; resolveLinkPolicy checks every kind and key against KindPolicySchema, naming what is wrong.
    linkPolicy: z
      .custom<LinkPolicyInput>(isObject, expecting("an object of identifier kinds"))
      .describe("per identifier kind: links or not, hub threshold, weight (see link-policy.ts); missing kinds and keys take the defaults"),
  })
  .strict();

export type DetectOptions = z.infer<typeof DetectOptionsSchema>;

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

/**
 * Defaults filled in, every value checked; throws RinglensError("invalid-input") naming the key.
 *
 * @example resolveDetectOptions({ maxRingSize: 12 }).hubThreshold // "auto"
 */
export function resolveDetectOptions(options: Partial<DetectOptions> = {}, who = "detectRings"): DetectOptions {
  const resolved: DetectOptions = { ...DEFAULT_DETECT_OPTIONS };
  const fields: Partial<Record<string, z.ZodType>> = DetectOptionsSchema.shape;
  for (const key of Object.keys(options) as (keyof DetectOptions)[]) {
    const value = options[key];
    if (value === undefined) continue;
    const field = fields[key];
    if (field === undefined) throw new RinglensError("invalid-input", `${who}: unknown option \`${String(key)}\`.`, { key });
    const parsed = field.safeParse(value);
    if (!parsed.success)
      throw new RinglensError("invalid-input", `${who}: invalid \`${key}\`: ${JSON.stringify(value)}. ${parsed.error.issues[0]!.message}`, {
        key,
      });
    (resolved as unknown as Record<string, unknown>)[key] = value;
  }
  resolveLinkPolicy(resolved.linkPolicy);
  if (resolved.minRingSize > resolved.maxRingSize) {
    throw new RinglensError("invalid-input", `${who}: \`minRingSize\` is above \`maxRingSize\`. Expecting minRingSize ≤ maxRingSize.`);
  }
  return resolved;
}

/** The Louvain split's settings of a resolved analysis (kindWeights from its link policy). */
export function splitOptionsOf(settings: DetectOptions, kindWeights: Partial<Record<string, number>>): SplitOptions {
  return {
    maxRingSize: settings.maxRingSize,
    minRingSize: settings.minRingSize,
    seed: settings.seed,
    resolution: settings.louvainResolution,
    maxDepth: settings.splitDepth,
    kindWeights,
  };
}

/** The insider rule of a resolved analysis. */
export function insiderRuleOf(settings: DetectOptions): InsiderRule {
  return {
    minApprovals: settings.insiderMinApprovals,
    minShare: settings.insiderMinShare,
    minLift: settings.insiderMinLift,
    maxPValue: settings.insiderMaxPValue,
  };
}
