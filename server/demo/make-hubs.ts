/**
 * Hubs: identifiers shared by very many honest accounts — freight forwarders (reshippers),
 * office mailrooms and in-store kiosk devices. Each is used by roughly 0.5–1% of accounts at any
 * population size, so a detector must treat them as hubs rather than as links. Pure.
 */
import type { Place } from "./make-place.ts";
import type { Random } from "./random.ts";

export interface AddressHub {
  kind: "reshipper" | "mailroom";
  place: Place;
  /** Probability that an honest account uses this hub. */
  share: number;
}

export interface DeviceHub {
  deviceId: string;
  ip: string;
  userAgent: string;
  share: number;
}

export interface Hubs {
  reshippers: AddressHub[];
  mailrooms: AddressHub[];
  /** Reshippers then mailrooms: the address hubs honest accounts draw from. */
  addresses: AddressHub[];
  kiosks: DeviceHub[];
}

const place = (line1: string, line2: string, city: string, postalCode: string, region: string, country: string): Place => ({
  line1,
  line2,
  city,
  postalCode,
  region,
  country,
});

const RESHIPPERS = [
  place("1200 Harbor Road", "Suite 100", "Wilmington", "19801", "DE", "US"),
  place("8825 Columbia Avenue", "Suite 220", "Portland", "97220", "OR", "US"),
  place("7801 Cargo Street", "Unit 4, Building B", "Miami", "33122", "FL", "US"),
  place("3 Bedfont Road", "Unit 12", "Feltham", "TW14 0QS", "Greater London", "GB"),
];
const MAILROOMS = [
  place("455 Commerce Avenue", "Mail Room", "New York", "10017", "NY", "US"),
  place("10 Exchange Road", "Post Room", "London", "EC2M 7QH", "Greater London", "GB"),
  place("240 Bay Street", "Mailroom", "Toronto", "M5J 2S1", "ON", "CA"),
];
const KIOSK_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0 Safari/537.36 StoreKiosk/3.2";

/** @example makeHubs(rng).reshippers[0].place.city // → "Wilmington" */
export function makeHubs(rng: Random): Hubs {
  const reshippers = RESHIPPERS.map((p): AddressHub => ({ kind: "reshipper", place: p, share: rng.float(0.005, 0.01) }));
  const mailrooms = MAILROOMS.map((p): AddressHub => ({ kind: "mailroom", place: p, share: rng.float(0.005, 0.01) }));
  return {
    reshippers,
    mailrooms,
    addresses: [...reshippers, ...mailrooms],
    kiosks: [1, 2, 3, 4].map(() => ({
      deviceId: rng.hex(32),
      ip: `203.0.113.${rng.int(2, 250)}`,
      userAgent: KIOSK_AGENT,
      share: rng.float(0.003, 0.008),
    })),
  };
}

/** At most one hub per account: walks the shares with a single draw. */
export function pickHub<T extends { share: number }>(rng: Random, hubs: readonly T[]): T | null {
  let roll = rng.next();
  for (const hub of hubs) {
    roll -= hub.share;
    if (roll < 0) return hub;
  }
  return null;
}
