/**
 * Emails and phone numbers for demo accounts. Honest ones are unique per account index (an
 * affine bijection modulo a prime, so no lookup table is needed at a million accounts), written
 * in the many formats exports contain; a few are placeholders that must never link. Pure.
 */
import type { City, Country } from "./countries.ts";
import type { Person } from "./make-person.ts";
import type { Random } from "./random.ts";

export const PLACEHOLDER_EMAILS = ["test@test.com", "noemail@noemail.com", "none@example.com", "na@na.com"];
export const PLACEHOLDER_PHONES = ["000-000-0000", "1234567890", "0000000000", "+1 555-555-5555"];

/** (a·i + b) mod p with p prime: distinct values for every index below p. */
function permute(index: number, prime: number, multiplier: number, offset: number): number {
  return (multiplier * index + offset) % prime;
}

// Names come from short lists, so their folded forms are computed once.
const folded = new Map<string, string>();

/** Folds a name to what people type in an email address: no accents, no spaces or quotes. */
export function asciiLower(text: string): string {
  let out = folded.get(text);
  if (out === undefined) {
    out = fold(text);
    folded.set(text, out);
  }
  return out;
}

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ß/g, "ss")
    .replace(/ı/g, "i")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/**
 * @example honestEmail(rng, person, countryOf("US"), 42) // → "jane.smith51073@gmail.com"
 */
export function honestEmail(rng: Random, person: Person, country: Country, index: number): string {
  const roll = rng.next();
  if (roll < 0.02) return "";
  if (roll < 0.03) return rng.pick(PLACEHOLDER_EMAILS);
  const first = asciiLower(person.first);
  const last = asciiLower(person.last);
  const local = rng.weighted([
    [`${first}.${last}`, 40],
    [`${first}${last}`, 20],
    [`${first.charAt(0)}${last}`, 15],
    [`${first}_${last}`, 10],
    [`${last}.${first}`, 15],
  ] as const);
  return `${local}${permute(index, 999_983, 611_953, 104_729)}@${rng.pick(country.emailDomains)}`;
}

/**
 * @example honestPhone(rng, countryOf("GB"), city, 42) // → "+44 7700 2104 733"
 */
export function honestPhone(rng: Random, country: Country, city: City, index: number): string {
  const roll = rng.next();
  if (roll < 0.08) return "";
  if (roll < 0.086) return rng.pick(PLACEHOLDER_PHONES);
  return formatPhone(rng, country, uniqueNumber(rng, city, index));
}

/** National significant number: the city's prefix and seven digits unique to this index. */
export function uniqueNumber(rng: Random, city: City, index: number): string {
  // Subscriber numbers start at 2000000 because NANP exchanges may not begin with 0 or 1.
  return `${rng.pick(city.phonePrefixes)}${2_000_000 + permute(index, 7_999_993, 1_299_709, 15_485_863 % 7_999_993)}`;
}

/** A random national number for throwaway phones (not tied to an account index). */
export function randomNumber(rng: Random, city: City): string {
  return `${rng.pick(city.phonePrefixes)}${rng.int(2_000_000, 9_999_999)}`;
}

/** The same number in one of the formats found in exports. */
export function formatPhone(rng: Random, country: Country, nsn: string): string {
  const { callingCode: cc, trunkPrefix: trunk } = country;
  const nanp = cc === "1";
  switch (rng.int(0, 3)) {
    case 0:
      return `+${cc}${nsn}`;
    case 1:
      return nanp ? `+1 ${nsn.slice(0, 3)}-${nsn.slice(3, 6)}-${nsn.slice(6)}` : `+${cc} ${group(nsn)}`;
    case 2:
      return nanp ? `(${nsn.slice(0, 3)}) ${nsn.slice(3, 6)}-${nsn.slice(6)}` : `${trunk}${group(nsn)}`;
    default:
      return nanp ? nsn : `${trunk}${nsn}`;
  }
}

function group(nsn: string): string {
  return `${nsn.slice(0, 4)} ${nsn.slice(4, 7)} ${nsn.slice(7)}`.trim();
}

/**
 * A variant of one Gmail-style mailbox: dots moved, a +tag added, case changed. Providers deliver
 * all of them to the same inbox, so rings reuse one mailbox across many accounts this way.
 * @example mailboxVariant(rng, "markellisondeals", "gmail.com") // → "mark.ellison.deals+7@gmail.com"
 */
export function mailboxVariant(rng: Random, local: string, domain: string): string {
  let out = "";
  for (let i = 0; i < local.length; i++) {
    out += local.charAt(i);
    if (i > 0 && i < local.length - 1 && rng.chance(0.15)) out += ".";
  }
  if (rng.chance(0.5)) out += `+${rng.pick(["shop", "deals", "r", String(rng.int(1, 99))])}`;
  if (rng.chance(0.1)) out = out.toUpperCase();
  return `${out}@${domain}`;
}
