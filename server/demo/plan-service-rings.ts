/**
 * Plans refund-as-a-service rings (REKK sold refunds on Reddit, Discord and Telegram): unrelated
 * customers in 2–4 countries — each with an account, address, device, card, email and phone of
 * their own, opened long before — whose refunds the operator claims by contacting support on
 * their behalf from the same one or two devices and VPN exits, burner phones, a mailbox and chat
 * handles, approved mostly by the one or two agents the operator pays. Only the support
 * contacts tie the customers together. Ids `svc-01`…; drawn from their own stream. Pure.
 */
import type { ApproverPicker } from "./approver-picker.ts";
import { ringPurchase } from "./catalogue.ts";
import { asciiLower, formatPhone, randomNumber } from "./contacts.ts";
import { countryOf, type Country } from "./countries.ts";
import { orderId } from "./demo-ids.ts";
import { DAY, DEMO_END, DEMO_START, HOUR, MINUTE, isoSeconds } from "./demo-time.ts";
import type { ContactDraft } from "./make-contacts.ts";
import { deviceUse, makeDevice, randomIp, type DeviceInfo } from "./make-device.ts";
import { makePayment, paymentUse } from "./make-payment.ts";
import { makePerson } from "./make-person.ts";
import { makePlace } from "./make-place.ts";
import type { RingMemberPlan, RingPlan } from "./plan-ring.ts";
import type { Random } from "./random.ts";
import { refundDraft } from "./refund-draft.ts";
import { spellAddress } from "./spell-address.ts";

/** What the operator contacts support from. */
interface Operator {
  devices: DeviceInfo[];
  vpnIps: string[];
  phones: string[];
  mailbox: string;
  handles: string[];
}

const COUNTRIES = ["US", "GB", "CA", "NL", "GR", "LT"];
const HANDLE_WORDS = ["refundgod", "rfndking", "boxless", "freeloot", "refund_plug", "ghostreturns", "noboxclub"];
const CHANNELS = [
  ["chat", 60],
  ["phone", 30],
  ["email", 10],
] as const;
const RETURNED = [
  ["false", 85],
  ["", 5],
  ["true", 10],
] as const;

/** One service ring per six identifier rings (at least one when any are asked for). */
export function serviceRingCount(rings: number): number {
  return rings === 0 ? 0 : Math.max(1, Math.round(rings / 6));
}

/**
 * Plans `count` service rings of 4–12 customers within `budget` accounts.
 * @example planServiceRings(rng, 5, 2_000, approvers)[0].id // → "svc-01"
 */
export function planServiceRings(rng: Random, count: number, budget: number, approvers: ApproverPicker): RingPlan[] {
  const plans: RingPlan[] = [];
  let left = budget;
  for (let i = 0; i < count; i++) {
    const size = Math.min(rng.int(4, 12), left);
    if (size < 3) break;
    left -= size;
    plans.push(planServiceRing(rng, `svc-${String(i + 1).padStart(2, "0")}`, size, approvers));
  }
  return plans;
}

function planServiceRing(rng: Random, id: string, size: number, approvers: ApproverPicker): RingPlan {
  const countries = rng.sample(COUNTRIES, rng.int(2, 4)).map(countryOf);
  const home = countries[0] as Country;
  const start = DEMO_END - rng.int(60, 600) * DAY;
  const operator = makeOperator(rng, home);
  const candidates = approvers.insiderCandidates(start - 10 * DAY, start + 60 * DAY).map((s) => s.id);
  const insiders = candidates.length === 0 ? [] : rng.sample(candidates, Math.min(rng.chance(0.35) ? 2 : 1, candidates.length));
  const members = Array.from({ length: size }, (_, m) =>
    planCustomer(rng, countries[m] ?? rng.pick(countries), start, operator, insiders, approvers),
  );
  return { id, members, insiders };
}

function makeOperator(rng: Random, home: Country): Operator {
  const city = rng.pick(home.cities);
  const vpnIps = Array.from({ length: rng.int(1, 2) }, () => randomIp(rng));
  const word = rng.pick(HANDLE_WORDS);
  return {
    devices: Array.from({ length: rng.int(1, 2) }, () => makeDevice(rng, rng.pick(vpnIps))),
    vpnIps,
    phones: Array.from({ length: rng.int(1, 2) }, () => formatPhone(rng, home, randomNumber(rng, city))),
    mailbox: `${word}.${rng.hex(4)}@proton.me`,
    handles: Array.from({ length: rng.int(1, 2) }, (_, h) => `${h === 0 && rng.chance(0.5) ? "@" : ""}${word}${rng.int(10, 999)}`),
  };
}

/** A customer as honest-looking as anyone, but for refunds the operator claims. */
function planCustomer(
  rng: Random,
  country: Country,
  start: number,
  operator: Operator,
  insiders: string[],
  approvers: ApproverPicker,
): RingMemberPlan {
  const city = rng.pick(country.cities);
  const person = makePerson(rng, country.style);
  const createdAt = Math.max(DEMO_START, start - rng.int(200, 2500) * DAY - rng.int(0, DAY - 1));
  const member: RingMemberPlan = {
    account: {
      created_at: isoSeconds(createdAt),
      country: country.code,
      email: `${asciiLower(person.first)}.${asciiLower(person.last)}.${rng.hex(4)}@${rng.pick(country.emailDomains)}`,
      phone: formatPhone(rng, country, randomNumber(rng, city)),
      name: person.display,
      status: "active",
    },
    // A customer ships to a home of their own: no drop, no shared link, no hard-mode pattern.
    drops: 0,
    sharedLinks: 0,
    patterns: [],
    relatives: null,
    addresses: [spellAddress(rng, makePlace(rng, country, city), "shipping")],
    devices: [deviceUse(rng, makeDevice(rng), createdAt)],
    payments: [paymentUse(rng, makePayment(rng), createdAt)],
    refunds: [],
    contacts: [],
  };
  for (let r = rng.int(1, 3); r > 0; r--) {
    const requestedAt = start + rng.int(0, 40) * DAY + rng.int(0, DAY - 1);
    // The first claim is always a chat from the operator's main device: what ties every customer.
    const channel = member.refunds.length === 0 ? "chat" : rng.weighted(CHANNELS);
    const bribed = insiders.length > 0 && rng.chance(0.85);
    const employeeId = bribed ? rng.pick(insiders) : approvers.pick(rng, requestedAt);
    const refund = refundDraft({
      purchase: ringPurchase(rng),
      country,
      orderId: orderId(rng),
      requestedAt,
      returned: rng.weighted(RETURNED),
      channel,
      employeeId,
      status: bribed || rng.chance(0.9) ? "approved" : "denied",
      decidedAfter: bribed ? rng.int(3 * MINUTE, 60 * MINUTE) : rng.int(20 * MINUTE, 36 * HOUR),
    });
    member.contacts!.push(operatorContact(rng, operator, channel, requestedAt, refund.employee_id, member.refunds.length === 0));
    member.refunds.push(refund);
  }
  return member;
}

function operatorContact(
  rng: Random,
  op: Operator,
  channel: string,
  requestedAt: number,
  employeeId: string,
  first: boolean,
): ContactDraft {
  const base = {
    employee_id: employeeId,
    channel,
    at: isoSeconds(requestedAt - rng.int(1, 90) * MINUTE),
    device_id: "",
    ip: "",
    phone: "",
    email: "",
    handle: "",
  };
  if (channel === "phone") return { ...base, phone: rng.pick(op.phones) };
  if (channel === "email") return { ...base, email: op.mailbox, handle: rng.chance(0.4) ? rng.pick(op.handles) : "" };
  const device = first ? (op.devices[0] as DeviceInfo) : rng.pick(op.devices);
  return { ...base, device_id: device.deviceId, ip: rng.pick(op.vpnIps), handle: rng.chance(0.6) ? rng.pick(op.handles) : "" };
}
