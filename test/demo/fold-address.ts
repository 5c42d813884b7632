/**
 * A deliberately small address key for the demo tests: folds exactly the spelling variants
 * the generator writes (case, accents, ß, punctuation, white space, Street/St, Avenue/Ave,
 * Road/Rd, Straße/Strasse/Str., Apartment/Apt/#, postal-code spaces). Not the product's
 * normaliser; it checks that the planted structure survives any normaliser honouring docs/input-format.md.
 */

const WORDS: Record<string, string> = { street: "st", avenue: "ave", road: "rd", apartment: "apt", strasse: "str" };

function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/#\s*/g, "apt ")
    .replace(/[.,]/g, " ")
    .replace(/(\p{L}+)strasse\b/gu, "$1str")
    .split(/\s+/)
    .filter((word) => word !== "")
    .map((word) => WORDS[word] ?? word)
    .join(" ");
}

export interface AddressCells {
  line1: string;
  line2: string;
  city: string;
  postal_code: string;
  country: string;
}

export function foldAddress(row: AddressCells): string {
  return [
    foldText(row.line1),
    foldText(row.line2),
    foldText(row.city),
    row.postal_code.replace(/\s+/g, "").toLowerCase(),
    row.country.toUpperCase(),
  ].join("|");
}
