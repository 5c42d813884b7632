/**
 * Plans one REKK-style ring before the population is streamed: freshly opened accounts in 2–5
 * countries, tied together by a few shared devices and drop addresses (sometimes a reshipper,
 * sometimes a clean personal address as camouflage), each asking for 2–6 high-value refunds
 * within weeks, mostly without a return, most of them approved by the ring's bribed employees.
 */
import type { ApproverPicker } from "./approver-picker.ts";
import { ringPurchase } from "./catalogue.ts";
import { countryOf, type City, type Country } from "./countries.ts";
import type { AccountRow, DeviceRow, PaymentRow } from "./demo-columns.ts";
import { orderId } from "./demo-ids.ts";
import { DAY, DEMO_END, HOUR, MINUTE, isoSeconds } from "./demo-time.ts";
import { deviceUse, makeDevice, randomIp, type DeviceInfo } from "./make-device.ts";
import type { AddressHub, Hubs } from "./make-hubs.ts";
import type { ContactDraft } from "./make-contacts.ts";
import { makePerson, type Person } from "./make-person.ts";
import { makePlace, type Place } from "./make-place.ts";
import type { Random } from "./random.ts";
import { refundDraft, type RefundDraft, type RefundSpec } from "./refund-draft.ts";
import { makeRingContacts, type Contact } from "./ring-contacts.ts";
import { linkRingMembers } from "./ring-links.ts";
import { spellAddress, type SpelledAddress } from "./spell-address.ts";

export interface RingMemberPlan {
  account: Omit<AccountRow, "account_id">;
  addresses: SpelledAddress[];
  devices: Omit<DeviceRow, "account_id">[];
  /** Filled in by addRingPayments, from its own stream. */
  payments: Omit<PaymentRow, "account_id">[];
  refunds: RefundDraft[];
  /** Support contacts drafted with the refunds, one per refund in order (service rings, plan-service-rings.ts); absent: honest-style contacts. */
  contacts?: ContactDraft[];
  /** The first `drops` addresses are the ring's drop addresses; `sharedLinks` counts the ring's devices and drops it uses. */
  drops: number;
  sharedLinks: number;
  /** Hard-mode patterns this member carries into truth/patterns.csv (plant-hard-patterns.ts). */
  patterns: { pattern: string; detail: string }[];
  /** A relative's shared device: an honest household using it is emitted beside this member. */
  relatives: { device: DeviceInfo; size: number } | null;
}

export interface RingPlan {
  id: string;
  members: RingMemberPlan[];
  /** Bribed employees (0–2). */
  insiders: string[];
}

export interface RingDeps {
  hubs: Hubs;
  approvers: ApproverPicker;
  /** Employees bribed by a ring active between the two instants (may be none). */
  chooseInsiders: (from: number, to: number) => string[];
}

/** What all members of one ring draw on. */
interface RingShared {
  countries: Country[];
  start: number;
  devices: DeviceInfo[];
  drops: Place[];
  links: number[][];
  reshipper: AddressHub | null;
  reshipperShare: number;
  contact: (person: Person, country: Country, city: City) => Contact;
}

type UndecidedRefund = { member: RingMemberPlan; spec: Omit<RefundSpec, "employeeId" | "status" | "decidedAfter"> };

const RING_COUNTRIES = ["US", "GB", "CA", "GR", "LT", "NL"];
const STATUSES = [
  ["active", 85],
  ["suspended", 10],
  ["closed", 5],
] as const;
const RETURNED = [
  ["false", 75],
  ["", 10],
  ["true", 15],
] as const;
const CHANNELS = [
  ["chat", 55],
  ["phone", 35],
  ["email", 10],
] as const;

/** @example planRing(rng, "ring-007", 12, deps).members.length // → 12 */
export function planRing(rng: Random, id: string, size: number, deps: RingDeps): RingPlan {
  const shared = shareIdentifiers(rng, size, deps.hubs);
  const insiders = deps.chooseInsiders(shared.start - 45 * DAY, shared.start + 45 * DAY);
  const undecided: UndecidedRefund[] = [];
  const members = Array.from({ length: size }, (_, m) => planMember(rng, m, shared, undecided));
  decideRefunds(rng, undecided, insiders, deps.approvers);
  return { id, members, insiders };
}

function shareIdentifiers(rng: Random, size: number, hubs: Hubs): RingShared {
  const countries = rng.sample(RING_COUNTRIES, rng.int(2, 5)).map(countryOf);
  const start = DEMO_END - rng.int(90, 720) * DAY;
  let deviceCount = rng.int(2, 4);
  let dropCount = rng.int(1, 3);
  while (deviceCount + dropCount > size) {
    if (deviceCount >= dropCount && deviceCount > 1) deviceCount--;
    else dropCount--;
  }
  // A ring works from a handful of proxies, so its devices show few distinct IPs.
  const proxies = Array.from({ length: rng.int(1, 3) }, () => randomIp(rng));
  const devices = Array.from({ length: deviceCount }, () => makeDevice(rng, rng.pick(proxies)));
  const drops = Array.from({ length: dropCount }, () => makePlace(rng, rng.pick(countries)));
  const links = linkRingMembers(rng, size, deviceCount + dropCount);
  const reshipper = rng.chance(0.4) ? rng.pick(hubs.reshippers) : null;
  const home = countries[0] as Country;
  const homeCity = rng.pick(home.cities);
  const contact = makeRingContacts(rng, makePerson(rng, home.style), home, homeCity);
  return { countries, start, devices, drops, links, reshipper, reshipperShare: rng.float(0.3, 0.6), contact };
}

function planMember(rng: Random, m: number, shared: RingShared, undecided: UndecidedRefund[]): RingMemberPlan {
  const { countries, devices, drops } = shared;
  const country = countries[m] ?? rng.pick(countries);
  const city = rng.pick(country.cities);
  const person = makePerson(rng, country.style);
  const createdAt = shared.start - rng.int(0, 40) * DAY - rng.int(0, DAY - 1);
  const own = shared.links[m] as number[];
  const addresses = own.filter((i) => i >= devices.length).map((i) => spellAddress(rng, drops[i - devices.length] as Place, "shipping"));
  if (addresses.length === 0 || rng.chance(0.3)) {
    addresses.push(spellAddress(rng, makePlace(rng, country, city), addresses.length === 0 ? "shipping" : "billing"));
  }
  if (shared.reshipper && (m === 0 || rng.chance(shared.reshipperShare)))
    addresses.push(spellAddress(rng, shared.reshipper.place, "shipping"));
  const deviceRows = own
    .filter((i) => i < devices.length)
    .map((i) => deviceUse(rng, devices[i] as DeviceInfo, createdAt, shared.start + 60 * DAY));
  if (rng.chance(0.3)) deviceRows.push(deviceUse(rng, makeDevice(rng), createdAt));

  const { email, phone } = shared.contact(person, country, city);
  const member: RingMemberPlan = {
    account: {
      created_at: isoSeconds(createdAt),
      country: country.code,
      email,
      phone,
      name: person.display,
      status: rng.weighted(STATUSES),
    },
    addresses,
    devices: deviceRows,
    payments: [],
    refunds: [],
    drops: own.filter((i) => i >= devices.length).length,
    sharedLinks: own.length,
    patterns: [],
    relatives: null,
  };
  const burst = createdAt + rng.int(3, 25) * DAY;
  for (let r = rng.int(2, 6); r > 0; r--) {
    undecided.push({
      member,
      spec: {
        purchase: ringPurchase(rng),
        country,
        orderId: orderId(rng),
        requestedAt: burst + Math.floor(rng.next() * 12 * DAY),
        returned: rng.weighted(RETURNED),
        channel: rng.weighted(CHANNELS),
      },
    });
  }
  return member;
}

/** Insiders take an exact 70–90% of the ring's refunds, so every planted insider truly dominates. */
function decideRefunds(rng: Random, undecided: UndecidedRefund[], insiders: string[], approvers: ApproverPicker): void {
  const share = insiders.length > 0 ? rng.float(0.7, 0.9) : 0;
  const bribed = new Set(
    rng.sample(
      Array.from(undecided, (_, i) => i),
      Math.round(undecided.length * share),
    ),
  );
  undecided.forEach(({ member, spec }, i) => {
    if (bribed.has(i)) {
      const employeeId = (insiders.length === 1 || rng.chance(0.6) ? insiders[0] : insiders[1]) as string;
      member.refunds.push(refundDraft({ ...spec, employeeId, status: "approved", decidedAfter: rng.int(3 * MINUTE, 90 * MINUTE) }));
    } else {
      const employeeId = rng.chance(0.15) ? null : approvers.pick(rng, spec.requestedAt);
      const status = rng.chance(0.1) ? "denied" : "approved";
      member.refunds.push(refundDraft({ ...spec, employeeId, status, decidedAfter: rng.int(20 * MINUTE, 36 * HOUR) }));
    }
  });
}
