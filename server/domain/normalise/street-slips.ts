/**
 * Typos in street names: two spellings of one address whose street names are one slip of the
 * keyboard apart (two adjacent letters swapped, one dropped, one doubled or stray) are one
 * address. Only spellings with the same house number, flat, city, postal code, region and
 * country are compared (a bucket), so different houses, flats or postcodes never merge.
 * Which spelling wins depends only on how often each occurs, never on row order: the most
 * frequent, then the alphabetically first. A slip that turns one kind of street into another
 * ("park rd" / "park dr", "elm st" / "elm ts" is still a typo) is two streets, not a typo: both
 * spellings are real. Pure; works on normalised address keys.
 */
import { CANONICAL_TOKENS } from "./address-key.ts";

/** A normalised key cut into its bucket (everything but the street) and its street. */
export interface KeyParts {
  bucket: string;
  street: string;
}

/** One merge for the load report: every row spelt `from` is loaded as `to`. */
export interface AddressMerge {
  from: string;
  to: string;
  rows: number;
}

/**
 * The bucket and street of a key from normaliseAddressKey, or null when the key has no house
 * number, street, city or postal code to compare on (or was shortened with a hash). The house
 * is every word of the first line holding a digit, in order, wherever it stands ("12 baker st",
 * "agiou dimitriou 87", "laisves al 5 34"); the street is the other words.
 *
 * @example splitAddressKey("12 baker st|apt 3|london|nw16xe||gb") // → { bucket: "12|apt 3|london|nw16xe||gb", street: "baker st" }
 */
export function splitAddressKey(key: string): KeyParts | null {
  const bar = key.indexOf("|");
  if (bar < 0 || key.includes("#")) return null;
  const words = key.slice(0, bar).split(" ");
  const house = words.filter((w) => /\d/.test(w));
  const street = words.filter((w) => w !== "" && !/\d/.test(w));
  if (house.length === 0 || street.length === 0) return null;
  const [, city, postal] = key.slice(bar + 1).split("|");
  if (!city || !postal) return null;
  return { bucket: `${house.join(" ")}|${key.slice(bar + 1)}`, street: street.join(" ") };
}

/**
 * One slip apart: equal but for two adjacent characters swapped, or one character more (a
 * doubled or stray letter; the other way round, a dropped one). A Damerau–Levenshtein
 * distance of 1 without substitutions: "baker" / "bakre" / "baer" / "bakker".
 *
 * @example oneSlipApart("baker st", "bakre st") // true
 */
export function oneSlipApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    let i = 0;
    while (a[i] === b[i]) i++;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

/**
 * Which keys of one bucket merge into which: keys in order of count (most first), then
 * alphabetically; each either stays (a canonical spelling) or joins the first canonical key
 * whose street is one slip from its own. Only direct slips merge, so two slips never chain.
 *
 * @example canonicalKeys(new Map([["12 baker st|…", 5], ["12 bakre st|…", 1]])) // → Map { "12 bakre st|…" => "12 baker st|…" }
 */
export function canonicalKeys(counts: ReadonlyMap<string, number>): Map<string, string> {
  const ordered = [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const canonical: { key: string; street: string }[] = [];
  const merged = new Map<string, string>();
  for (const [key] of ordered) {
    const street = splitAddressKey(key)?.street ?? "";
    const into = canonical.find((c) => oneSlipApart(c.street, street) && !otherKindOfStreet(c.street, street));
    if (into === undefined) canonical.push({ key, street });
    else merged.set(key, into.key);
  }
  return merged;
}

/**
 * The two streets differ in one word only, and both spellings of it are canonical tokens:
 * "park rd" and "park dr" are two streets, each spelt right.
 *
 * @example otherKindOfStreet("park rd", "park dr") // true
 */
export function otherKindOfStreet(a: string, b: string): boolean {
  const x = a.split(" ");
  const y = b.split(" ");
  if (x.length !== y.length) return false;
  const differing = x.flatMap((word, i) => (word === y[i] ? [] : [i]));
  return differing.length === 1 && CANONICAL_TOKENS.has(x[differing[0]!]!) && CANONICAL_TOKENS.has(y[differing[0]!]!);
}
