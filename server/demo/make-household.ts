/**
 * One honest household of 1–4 accounts: a shared home address (each member's row spelt its own
 * way), often a shared family device and sometimes a landline, personal phones, the odd second
 * address, hub use (reshipper, mailroom, store kiosk) and ordinary refunds. Households share
 * nothing with each other except hubs and, rarely, a device lent to the previous household.
 */
import { honestEmail, honestPhone, formatPhone, uniqueNumber } from "./contacts.ts";
import { weightedCountries, type City, type Country } from "./countries.ts";
import type { DemoChunk } from "./demo-columns.ts";
import type { DemoContext } from "./demo-context.ts";
import { DAY, DEMO_END, DEMO_START, isoSeconds } from "./demo-time.ts";
import { deviceUse, makeDevice, randomIp, type DeviceInfo } from "./make-device.ts";
import { makeHonestRefunds } from "./make-honest-refunds.ts";
import { makePayment, ownPayments, paymentUse, type PaymentInfo } from "./make-payment.ts";
import { pickHub } from "./make-hubs.ts";
import { makePerson } from "./make-person.ts";
import { makePlace, type Place } from "./make-place.ts";
import { spellAddress } from "./spell-address.ts";

/** The previous household's family device, which a neighbour occasionally also uses. */
export interface Neighbourhood {
  familyDevice: DeviceInfo | null;
}

const SIZES = [
  [1, 40],
  [2, 30],
  [3, 18],
  [4, 12],
] as const;
export const MEAN_HOUSEHOLD = 2.02;
const STATUSES = [
  ["active", 92],
  ["closed", 6],
  ["suspended", 2],
] as const;

export function householdSize(ctx: DemoContext): number {
  return ctx.rng.weighted(SIZES);
}

/** What the members of one household share. */
interface Home {
  country: Country;
  city: City;
  place: Place;
  ip: string;
  family: DeviceInfo | null;
  lent: DeviceInfo | null;
  surname: string | undefined;
  movedIn: number;
  landline: string | null;
  /** A card the family shares (drawn from the payments stream). */
  familyCard: PaymentInfo | null;
}

/** `tablet`: a device the household shares with a relative in a ring (hard mode), as its family device. */
export function makeHousehold(ctx: DemoContext, size: number, chunk: DemoChunk, neighbourhood: Neighbourhood, tablet?: DeviceInfo): void {
  const { rng } = ctx;
  const country = rng.weighted(weightedCountries());
  const city = rng.pick(country.cities);
  const ip = randomIp(rng);
  const home: Home = {
    country,
    city,
    place: makePlace(rng, country, city),
    ip,
    family: tablet ?? (size > 1 && rng.chance(0.7) ? makeDevice(rng, ip) : null),
    lent: neighbourhood.familyDevice !== null && rng.chance(0.004) ? neighbourhood.familyDevice : null,
    surname: size > 1 && rng.chance(0.7) ? makePerson(rng, country.style).last : undefined,
    movedIn: DEMO_START + Math.floor(rng.next() * (DEMO_END - 30 * DAY - DEMO_START)),
    landline: null,
    familyCard: size > 1 && ctx.payments.chance(0.35) ? makePayment(ctx.payments, "card") : null,
  };
  for (let m = 0; m < size; m++) addMember(ctx, home, m, size, chunk);
  if (tablet === undefined) neighbourhood.familyDevice = home.family ?? neighbourhood.familyDevice;
}

function addMember(ctx: DemoContext, home: Home, m: number, size: number, chunk: DemoChunk): void {
  const { rng, hubs } = ctx;
  const { country, city } = home;
  const { id, index } = ctx.ids.nextAccount();
  // The first member's own number doubles as the landline, which keeps numbers unique.
  if (m === 0 && size > 1 && rng.chance(0.1)) home.landline = formatPhone(rng, country, uniqueNumber(rng, city, index));
  const person = makePerson(rng, country.style, home.surname);
  const createdAt = home.movedIn + Math.floor(rng.next() * Math.min(2 * 365 * DAY, DEMO_END - 7 * DAY - home.movedIn));
  chunk.accounts.push({
    account_id: id,
    created_at: isoSeconds(createdAt),
    country: country.code,
    email: honestEmail(rng, person, country, index),
    phone: home.landline !== null && (m === 0 || rng.chance(0.6)) ? home.landline : honestPhone(rng, country, city, index),
    name: person.display,
    status: rng.weighted(STATUSES),
  });

  const secondAddress = rng.chance(0.15);
  chunk.addresses.push({ account_id: id, ...spellAddress(rng, home.place, secondAddress ? "billing" : "shipping") });
  if (secondAddress) chunk.addresses.push({ account_id: id, ...spellAddress(rng, makePlace(rng, country), "shipping") });
  const hub = pickHub(rng, hubs.addresses);
  if (hub) chunk.addresses.push({ account_id: id, ...spellAddress(rng, hub.place, "shipping") });

  const uses = (device: DeviceInfo) => chunk.devices.push({ account_id: id, ...deviceUse(rng, device, createdAt) });
  if (rng.chance(0.85)) uses(makeDevice(rng, rng.chance(0.5) ? home.ip : randomIp(rng)));
  if (home.family && (m === 0 || rng.chance(0.8))) uses(home.family);
  if (home.lent && m === 0) uses(home.lent);
  const kiosk = pickHub(rng, hubs.kiosks);
  if (kiosk) uses(kiosk);

  for (const row of ownPayments(ctx.payments, createdAt)) chunk.payments.push({ account_id: id, ...row });
  if (home.familyCard && (m === 0 || ctx.payments.chance(0.7)))
    chunk.payments.push({ account_id: id, ...paymentUse(ctx.payments, home.familyCard, createdAt) });

  chunk.refunds.push(...makeHonestRefunds(ctx, id, country, createdAt));
}
