/**
 * Writes a Place the way a person types it into a form: abbreviations (Street/St/St.,
 * Avenue/Ave, Road/Rd, Straße/Strasse/Str., Apartment/Apt/#), case, dropped accents, stray
 * white space and commas, postal codes with or without their space. Every variant here folds
 * back to the same normalised key under the rules of docs/input-format.md, so loaders must unify them.
 */
import type { AddressRow } from "./demo-columns.ts";
import type { Place } from "./make-place.ts";
import type { Random } from "./random.ts";

export type SpelledAddress = Omit<AddressRow, "account_id">;

/** Each rule: a pattern and the spellings that may replace the canonical one. */
const LINE1_ABBREVIATIONS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/\bStreet\b/, ["St", "St.", "street"]],
  [/\bAvenue\b/, ["Ave", "Ave."]],
  [/\bRoad\b/, ["Rd", "Rd."]],
  [/straße\b/, ["strasse", "str."]],
  [/Straße\b/, ["Strasse", "Str."]],
];
const LINE2_APARTMENT = /^Apartment (\S+)$/;
const LINE2_SPELLINGS = ["Apt $1", "Apt. $1", "#$1", "# $1", "apt $1"];

/**
 * @example spellAddress(rng, place, "shipping") // → { line1: "12 baker st.", postal_code: "SW1A1AA", … }
 */
export function spellAddress(rng: Random, place: Place, type: "shipping" | "billing"): SpelledAddress {
  let line1 = place.line1;
  let line2 = place.line2;
  let city = place.city;
  let postal = place.postalCode;

  if (rng.chance(0.45)) {
    for (const [pattern, spellings] of LINE1_ABBREVIATIONS) {
      if (pattern.test(line1)) line1 = line1.replace(pattern, rng.pick(spellings));
    }
  }
  if (LINE2_APARTMENT.test(line2) && rng.chance(0.5)) line2 = line2.replace(LINE2_APARTMENT, rng.pick(LINE2_SPELLINGS));
  if (rng.chance(0.2)) {
    line1 = stripAccents(line1);
    city = stripAccents(city);
  }
  const caseRoll = rng.next();
  if (caseRoll < 0.06) line1 = line1.toUpperCase();
  else if (caseRoll < 0.12) {
    line1 = line1.toLowerCase();
    city = city.toLowerCase();
  }
  if (rng.chance(0.03)) line1 = line1.replace(/^(\d+) /, "$1, ");
  if (rng.chance(0.08)) line1 = messWhitespace(rng, line1);
  if (postal.includes(" ") && rng.chance(0.3)) postal = postal.replace(" ", "");
  if (/[A-Z]/.test(postal) && rng.chance(0.08)) postal = postal.toLowerCase();

  return {
    line1,
    line2,
    city,
    postal_code: postal,
    region: place.region,
    country: place.country,
    type,
  };
}

function stripAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "");
}

function messWhitespace(rng: Random, text: string): string {
  if (rng.chance(0.5)) return `${text} `;
  const spaces = [...text.matchAll(/ /g)];
  if (spaces.length === 0) return ` ${text}`;
  const at = (rng.pick(spaces).index ?? 0) + 1;
  return `${text.slice(0, at)} ${text.slice(at)}`;
}
