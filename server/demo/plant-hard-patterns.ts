/**
 * `ringlens demo --hard`: plants, on top of the planned rings, the patterns that shared
 * identifiers alone blur (issue 19), each recorded for truth/patterns.csv:
 *  - bridged crews: pairs of rings joined by one member of one crew using a device of the
 *    other (a borrowed phone), or by a mule of one crew on two devices of the other;
 *  - relatives' devices: a ring member also on the tablet of an honest household of 1–3;
 *  - typo'd drops: a member spells the ring's drop address with one slip in the street name.
 * Draws from its own stream, after the rings are planned, so normal mode is untouched. Pure.
 */
import { deviceUse, makeDevice, type DeviceInfo } from "./make-device.ts";
import type { RingMemberPlan, RingPlan } from "./plan-ring.ts";
import type { Random } from "./random.ts";
import { normaliseAddressKey } from "../domain/normalise/address-key.ts";

/** Shares of the rings given each pattern (bridges take two rings each). */
const BRIDGED_SHARE = 0.3;
const RELATIVES_SHARE = 0.25;
const TYPO_SHARE = 0.25;

/** @example plantHardPatterns(new Random(seed, "hard"), plans) */
export function plantHardPatterns(rng: Random, plans: RingPlan[]): void {
  const order = rng.shuffle(plans.map((_, i) => i));
  const pairs = Math.floor((plans.length * BRIDGED_SHARE) / 2);
  for (let p = 0; p < pairs; p++) bridge(rng, plans[order[2 * p]!]!, plans[order[2 * p + 1]!]!);
  for (const i of rng.sample(order, Math.round(plans.length * RELATIVES_SHARE))) addRelatives(rng, plans[i]!);
  for (const i of rng.sample(order, Math.round(plans.length * TYPO_SHARE))) slipDrop(rng, plans[i]!);
}

/** A device row of the crew used by at least two of its members (its shared devices), by device id. */
function sharedDevices(plan: RingPlan): RingMemberPlan["devices"] {
  const users = new Map<string, number>();
  for (const member of plan.members) for (const d of member.devices) users.set(d.device_id, (users.get(d.device_id) ?? 0) + 1);
  const seen = new Set<string>();
  return plan.members.flatMap((member) =>
    member.devices.filter((d) => (users.get(d.device_id) ?? 0) >= 2 && !seen.has(d.device_id) && seen.add(d.device_id)),
  );
}

function bridge(rng: Random, a: RingPlan, b: RingPlan): void {
  const devices = sharedDevices(a);
  if (devices.length === 0) return;
  const mule = rng.chance(0.5) && devices.length >= 2;
  // A mule keeps its own crew's ties, so it stays on its side of the bridge.
  const tied = b.members.filter((m) => m.sharedLinks >= 2);
  const borrower = rng.pick(mule && tied.length > 0 ? tied : b.members);
  const borrowed = mule ? rng.sample(devices, 2) : [rng.pick(devices)];
  for (const device of borrowed) borrower.devices.push({ ...device, first_seen: borrower.devices[0]?.first_seen ?? device.first_seen });
  borrower.patterns.push({ pattern: "bridge", detail: a.id });
}

function addRelatives(rng: Random, plan: RingPlan): void {
  const member = rng.pick(plan.members.filter((m) => m.relatives === null && m.patterns.length === 0));
  if (!member) return;
  const tablet: DeviceInfo = makeDevice(rng);
  member.devices.push(deviceUse(rng, tablet, Date.parse(member.account.created_at)));
  // The household's accounts are recorded in the truth as they are emitted (stream-population.ts).
  member.relatives = { device: tablet, size: rng.int(1, 3) };
}

/** A member whose only tie to the ring is a drop address loses it to the typo when it is not merged back. */
function slipDrop(rng: Random, plan: RingPlan): void {
  // Only a drop another member also uses: a typo in an address nobody shares changes nothing.
  const users = new Map<string, number>();
  for (const m of plan.members) for (const a of m.addresses.slice(0, m.drops)) users.set(keyOf(a), (users.get(keyOf(a)) ?? 0) + 1);
  const withDrop = plan.members.filter((m) => m.drops > 0 && (users.get(keyOf(m.addresses[0]!)) ?? 0) >= 2);
  if (withDrop.length === 0) return;
  // One pattern per member, so the truth says which pattern moved it (a bridge member stays a bridge).
  const sole = withDrop.filter((m) => m.sharedLinks === 1 && m.patterns.length === 0);
  const free = withDrop.filter((m) => m.patterns.length === 0);
  const member = rng.pick(sole.length > 0 ? sole : free.length > 0 ? free : withDrop);
  const address = member.addresses[0]!;
  const slipped = slipStreet(rng, address.line1);
  if (slipped === null) return;
  address.line1 = slipped;
  member.patterns.push({ pattern: "typo", detail: slipped });
}

const keyOf = (a: RingMemberPlan["addresses"][number]): string =>
  normaliseAddressKey({ line1: a.line1, line2: a.line2, city: a.city, postalCode: a.postal_code, region: a.region, country: a.country });

/** Street-type words, which address keys abbreviate ("Street" → "st"): a slip there is not a slip of the name. */
const STREET_TYPES = /^(street|strasse|straße|road|avenue|boulevard|drive|lane|court|place|square|highway)$/i;

/**
 * One slip in the longest word of the street name (never the house number or the street
 * type): two adjacent letters swapped, one dropped or one doubled.
 * @example slipStreet(rng, "12 Baker Street") // → "12 Bakre Street"
 */
export function slipStreet(rng: Random, line1: string): string | null {
  const words = [...line1.matchAll(/\p{L}{4,}/gu)].filter((w) => !STREET_TYPES.test(w[0]));
  if (words.length === 0) return null;
  const word = words.reduce((x, y) => (y[0].length > x[0].length ? y : x));
  const start = word.index ?? 0;
  const text = word[0];
  const at = rng.int(1, text.length - 2);
  const kind = rng.int(0, 2);
  let next: string;
  if (kind === 0 && text[at] !== text[at + 1]) next = text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
  else if (kind === 1) next = text.slice(0, at) + text.slice(at + 1);
  else next = text.slice(0, at) + text[at] + text.slice(at);
  return line1.slice(0, start) + next + line1.slice(start + text.length);
}
