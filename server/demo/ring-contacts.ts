/**
 * Contact details of a ring's accounts: either one mailbox reused through dot and +tag variants
 * or throwaway addresses, and burner phones of which one may be shared by several members.
 * Pure; the returned function is called once per member.
 */
import { asciiLower, formatPhone, mailboxVariant, randomNumber } from "./contacts.ts";
import type { City, Country } from "./countries.ts";
import type { Person } from "./make-person.ts";
import type { Random } from "./random.ts";

export interface Contact {
  email: string;
  phone: string;
}

const THROWAWAY_DOMAINS = ["proton.me", "mail.com", "outlook.com", "gmx.com", "yandex.com", "tutanota.com"];
const MAILBOX_SUFFIXES = ["deals", "shop", "store", "resell", "buy"];

/** @example makeRingContacts(rng, boss, home, city)(member, country, city) // → { email: "jo.nas.deals+7@gmail.com", phone: "+370 6123 4567" } */
export function makeRingContacts(rng: Random, boss: Person, home: Country, homeCity: City) {
  const mailbox = rng.chance(0.5) ? `${asciiLower(boss.first)}${asciiLower(boss.last)}${rng.pick(MAILBOX_SUFFIXES)}` : null;
  const burner = rng.chance(0.5) ? formatPhone(rng, home, randomNumber(rng, homeCity)) : null;
  const burnerShare = rng.float(0.3, 0.6);

  return (person: Person, country: Country, city: City): Contact => {
    const email =
      mailbox !== null
        ? mailboxVariant(rng, mailbox, "gmail.com")
        : `${asciiLower(person.first).slice(0, rng.int(1, 4))}${rng.hex(rng.int(4, 7))}${rng.int(1, 99)}@${rng.pick(THROWAWAY_DOMAINS)}`;
    const phone =
      burner !== null && rng.chance(burnerShare) ? burner : rng.chance(0.2) ? "" : formatPhone(rng, country, randomNumber(rng, city));
    return { email, phone };
  };
}
