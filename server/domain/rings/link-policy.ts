/**
 * The link policy: per identifier kind, whether it joins accounts, its hub threshold and its
 * weight in splitting and scoring. One table of data (kinds come from LINK_KINDS), with
 * defaults, resolution and validation in one place. Pure; imports zod and the error typology only.
 */
import { z } from "zod";
import { RinglensError } from "../../errors.ts";
import { LINK_KINDS, linkKind, type LinkLabel, type LinkName } from "../model.ts";

export interface KindPolicy {
  /** Whether accounts sharing an identifier of this kind are linked. Non-linking kinds are still stored and shown. */
  link: boolean;
  /** More distinct accounts than this make an identifier a hub; "auto" fences this kind's own degrees; null uses the analysis-wide hubThreshold. */
  hubThreshold: number | "auto" | null;
  /** How much a shared identifier of this kind counts: in Louvain's pair weights and in the identifier-sharing reason (0–5). */
  weight: number;
}

export type LinkPolicy = Record<LinkName, KindPolicy>;
export type LinkPolicyInput = Partial<Record<string, Partial<KindPolicy>>>;

/**
 * Defaults: addresses, devices, payment instruments, phones and emails link; IPs do not (carrier
 * NAT and offices put many honest people behind one address) but are kept and shown. Weights:
 * a device or a card shared is the strongest tie, a phone or an email next, an address (families,
 * flatmates) and an IP the weakest. The contacting party's identifiers in support contacts
 * (contact-device, contact-phone, contact-email, contact-ip, handle) link the accounts served
 * alike: an operator contacting support for many customers is the tie between them; a chat
 * handle is as personal as a device; an IP (VPN exits, a store's network) does not link. A
 * store kiosk used in hundreds of honest contacts is a hub of its kind and links nothing.
 */
export const DEFAULT_LINK_POLICY: Readonly<LinkPolicy> = {
  address: { link: true, hubThreshold: null, weight: 0.5 },
  device: { link: true, hubThreshold: null, weight: 1 },
  email: { link: true, hubThreshold: null, weight: 0.75 },
  phone: { link: true, hubThreshold: null, weight: 0.75 },
  payment: { link: true, hubThreshold: null, weight: 1 },
  ip: { link: false, hubThreshold: null, weight: 0.25 },
  "contact-device": { link: true, hubThreshold: null, weight: 1 },
  "contact-phone": { link: true, hubThreshold: null, weight: 0.75 },
  "contact-email": { link: true, hubThreshold: null, weight: 0.75 },
  "contact-ip": { link: false, hubThreshold: null, weight: 0.25 },
  handle: { link: true, hubThreshold: null, weight: 1 },
};

/** Zod's error option whose message says what was expected, e.g. "Expecting an integer ≥ 2." */
export const expecting = (text: string) => ({ error: `Expecting ${text}.` });
const HUB_TEXT = `null, "auto" or an integer ≥ 1`;

/** The bounds of one kind's settings, used wherever a link policy comes in (CLI, API, domain). */
export const KindPolicySchema = z.object({
  link: z.boolean(expecting("true or false")),
  hubThreshold: z.union([z.null(), z.literal("auto"), z.int(expecting(HUB_TEXT)).min(1, expecting(HUB_TEXT))], expecting(HUB_TEXT)),
  weight: z.number(expecting("a number in [0, 5]")).min(0, expecting("a number in [0, 5]")).max(5, expecting("a number in [0, 5]")),
} satisfies Record<keyof KindPolicy, z.ZodType>);

/**
 * Defaults filled in per kind, every value checked; kinds may be named by policy name or label
 * (`phone`, `Phone`). Throws RinglensError("invalid-input") naming the kind and key.
 *
 * @example resolveLinkPolicy({ ip: { link: true } }).ip // { link: true, hubThreshold: null, weight: 0.25 }
 */
export function resolveLinkPolicy(input: LinkPolicyInput = {}): LinkPolicy {
  const policy = Object.fromEntries(LINK_KINDS.map((k) => [k.name, { ...DEFAULT_LINK_POLICY[k.name] }])) as LinkPolicy;
  for (const [name, entry] of Object.entries(input)) {
    const kind = linkKind(name);
    if (!kind)
      throw new RinglensError(
        "invalid-input",
        `link policy: unknown identifier kind \`${name}\`. Expecting one of ${LINK_KINDS.map((k) => k.name).join(", ")}.`,
        { key: name },
      );
    if (entry === undefined) continue;
    if (typeof entry !== "object" || entry === null)
      throw new RinglensError("invalid-input", `link policy: \`${name}\` must be an object such as {"link": true}.`, { key: name });
    for (const [key, value] of Object.entries(entry)) {
      const check: z.ZodType | undefined = (KindPolicySchema.shape as Partial<Record<string, z.ZodType>>)[key];
      if (!check)
        throw new RinglensError(
          "invalid-input",
          `link policy: unknown setting \`${name}.${key}\`. Expecting link, hubThreshold or weight.`,
          { key: `${name}.${key}` },
        );
      if (value === undefined) continue;
      const parsed = check.safeParse(value);
      if (!parsed.success)
        throw new RinglensError(
          "invalid-input",
          `link policy: invalid \`${name}.${key}\`: ${JSON.stringify(value)}. ${parsed.error.issues[0]!.message}`,
          { key: `${name}.${key}` },
        );
      (policy[kind.name] as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return policy;
}

/** The policy of an identifier label. */
export function policyOf(policy: LinkPolicy, label: LinkLabel): KindPolicy {
  return policy[LINK_KINDS.find((k) => k.label === label)!.name];
}

/** Labels of the kinds that link, in LINK_KINDS order. */
export function linkingLabels(policy: LinkPolicy): LinkLabel[] {
  return LINK_KINDS.filter((k) => policy[k.name].link).map((k) => k.label);
}
