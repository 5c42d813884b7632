/**
 * The normalised key of a postal address: two rows are the same Address when their keys are
 * equal. Folds case, accents, punctuation and white space, unifies common abbreviations
 * (Street/St/Str., Straße/Strasse, Apartment/Apt/#, …) and drops spaces in postal codes.
 * Pure; imports only the domain's hash.
 */
import { hash53 } from "../hash.ts";

export interface AddressParts {
  line1: string;
  line2?: string | null;
  city?: string | null;
  postalCode?: string | null;
  region?: string | null;
  country?: string | null;
}

// Word → canonical token. Applied per word after folding, so "St." and "street" meet.
const WORD_CANON: Record<string, string> = {
  street: "st",
  st: "st",
  str: "st",
  strasse: "st",
  road: "rd",
  rd: "rd",
  avenue: "ave",
  ave: "ave",
  av: "ave",
  boulevard: "blvd",
  blvd: "blvd",
  drive: "dr",
  dr: "dr",
  lane: "ln",
  ln: "ln",
  court: "ct",
  ct: "ct",
  place: "pl",
  pl: "pl",
  square: "sq",
  sq: "sq",
  highway: "hwy",
  hwy: "hwy",
  apartment: "apt",
  apt: "apt",
  flat: "apt",
  unit: "apt",
  suite: "ste",
  ste: "ste",
  floor: "fl",
  fl: "fl",
  building: "bldg",
  bldg: "bldg",
  number: "no",
  no: "no",
  nr: "no",
  north: "n",
  south: "s",
  east: "e",
  west: "w",
  n: "n",
  s: "s",
  e: "e",
  w: "w",
};

/** The canonical tokens themselves (st, rd, dr, ave, n, …): words that name a kind of street, a flat or a direction. */
export const CANONICAL_TOKENS: ReadonlySet<string> = new Set(Object.values(WORD_CANON));

// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range is meant
const ASCII = /^[\u0000-\u007f]*$/;

/** Lower-case, strip accents, ß → ss, split compound "…straße" so it canonicalises too. */
export function foldText(text: string): string {
  // Most addresses are plain ASCII, where NFKD, accents and ß change nothing and a letter is a-z:
  // the same folding with ASCII patterns is about 4× faster, and a load folds every address twice.
  if (ASCII.test(text)) {
    return text
      .toLowerCase()
      .replace(/([a-z])(strasse|str)\b/g, "$1 $2")
      .replace(/#\s*/g, " apt ")
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  }
  return foldAnyText(text);
}

/** foldText for any text (exported so a test can hold the ASCII path to it). */
export function foldAnyText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/(\p{L})(strasse|str)\b/gu, "$1 $2")
    .replace(/#\s*/g, " apt ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Folds and canonicalises free text the way address keys are, for searching them. */
export function canonWords(text: string | null | undefined): string {
  if (!text) return "";
  return foldText(text)
    .split(" ")
    .filter((w) => w.length > 0)
    .map((w) => WORD_CANON[w] ?? w)
    .join(" ");
}

/**
 * @example
 * normaliseAddressKey({ line1: "12 Baker Street", postalCode: "NW1 6XE", country: "GB" })
 * // "12 baker st|||nw16xe||gb"
 */
export function normaliseAddressKey(parts: AddressParts): string {
  const postal = (parts.postalCode ?? "")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .toLowerCase();
  const key = [
    canonWords(parts.line1),
    canonWords(parts.line2),
    canonWords(parts.city),
    postal,
    canonWords(parts.region),
    (parts.country ?? "").trim().toLowerCase(),
  ].join("|");
  // Keys are indexed ids; Neo4j refuses index entries over ~8 KB. An overlong key keeps a
  // prefix and a hash of the whole, so equal addresses still meet and different ones do not.
  return key.length <= MAX_ADDRESS_KEY_LENGTH ? key : `${key.slice(0, MAX_ADDRESS_KEY_LENGTH - 12)}#${hash53(key).toString(36)}`;
}

/** Longest address key kept whole (≤ 4 KB in UTF-8, under Neo4j's index key limit). */
export const MAX_ADDRESS_KEY_LENGTH = 1_000;
