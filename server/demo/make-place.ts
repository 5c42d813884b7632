/**
 * Invents one canonical postal address (a Place) in a country: house number and street in the
 * local style, optional flat/suite line, a real city with a postal code of the right shape.
 * Spelling variants of a Place are made later by spell-address.ts. Pure.
 */
import type { City, Country, PostalPattern } from "./countries.ts";
import type { Random } from "./random.ts";

export interface Place {
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  region: string;
  country: string;
}

const EN_NAMES = [
  "Oak",
  "Maple",
  "Main",
  "Elm",
  "Park",
  "Washington",
  "Lake",
  "Hill",
  "Cedar",
  "Pine",
  "Church",
  "High",
  "King",
  "Queen",
  "Station",
  "Victoria",
  "Mill",
  "Baker",
  "Sunset",
  "River",
  "Spring",
  "Highland",
  "Market",
  "Bridge",
  "Chestnut",
  "Willow",
  "Jackson",
  "Lincoln",
  "Franklin",
  "Madison",
  "Cherry",
  "Walnut",
  "Forest",
  "Meadow",
  "Ridge",
  "York",
  "Albert",
  "George",
  "Green",
  "Union",
];
const EN_TYPES = [
  ["Street", 35],
  ["Avenue", 18],
  ["Road", 17],
  ["Lane", 7],
  ["Drive", 8],
  ["Way", 5],
  ["Close", 3],
  ["Court", 4],
  ["Place", 3],
] as const;
const DE_STREETS = [
  "Hauptstraße",
  "Schillerstraße",
  "Goethestraße",
  "Bahnhofstraße",
  "Gartenstraße",
  "Lindenstraße",
  "Bergstraße",
  "Kirchstraße",
  "Müllerstraße",
  "Friedrichstraße",
  "Berliner Straße",
  "Frankfurter Straße",
  "Kölner Straße",
  "Am Markt",
  "Lindenallee",
  "Rosenweg",
  "Schulweg",
];
const NL_STREETS = [
  "Kalverstraat",
  "Keizersgracht",
  "Prinsengracht",
  "Vondelstraat",
  "Beethovenstraat",
  "Kerkstraat",
  "Dorpsstraat",
  "Coolsingel",
  "Oudegracht",
  "Stationsplein",
  "Molenweg",
  "Julianalaan",
];
const GR_STREETS = [
  "Ermou",
  "Panepistimiou",
  "Akadimias",
  "Stadiou",
  "Egnatia",
  "Tsimiski",
  "Vasilissis Sofias",
  "Patision",
  "Kifisias",
  "Alexandras",
  "Agiou Dimitriou",
  "Mitropoleos",
];
const LT_STREETS = [
  "Gedimino pr.",
  "Konstitucijos pr.",
  "Laisvės al.",
  "Pilies g.",
  "Vilniaus g.",
  "Savanorių pr.",
  "Žalgirio g.",
  "Ąžuolyno g.",
  "Taikos pr.",
  "Kalvarijų g.",
  "Žirmūnų g.",
  "Šilo g.",
];

/** GB inward codes and Eircodes never use these letters. */
const GB_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
const CA_LETTERS = "ABCEGHJKLMNPRSTVXY";
const EIR_CHARS = "ACDEFHKNPRTVWXY0123456789";

/**
 * @example makePlace(rng, countryOf("GB")) // → { line1: "12 Baker Street", line2: "Flat 3", city: "London", postalCode: "NW3 4QT", … }
 */
export function makePlace(rng: Random, country: Country, city: City = rng.pick(country.cities)): Place {
  const [line1, line2] = streetLines(rng, country);
  return {
    line1,
    line2,
    city: city.name,
    postalCode: postalCode(rng, city.postal),
    region: city.region,
    country: country.code,
  };
}

function streetLines(rng: Random, country: Country): [string, string] {
  switch (country.style) {
    case "en": {
      const us = country.code === "US" || country.code === "CA";
      const line1 = `${rng.int(1, us ? 9899 : 240)} ${rng.pick(EN_NAMES)} ${rng.weighted(EN_TYPES)}`;
      if (!rng.chance(0.28)) return [line1, ""];
      const flat = us ? `${rng.int(1, 28)}${rng.pick(["", "", "A", "B", "C"])}` : String(rng.int(1, 40));
      return [line1, country.code === "GB" ? `Flat ${flat}` : `Apartment ${flat}`];
    }
    case "de":
      return [`${rng.pick(DE_STREETS)} ${rng.int(1, 160)}${rng.chance(0.08) ? "a" : ""}`, rng.chance(0.06) ? "Hinterhaus" : ""];
    case "nl":
      return [`${rng.pick(NL_STREETS)} ${rng.int(1, 420)}`, rng.chance(0.1) ? `${rng.int(1, 4)} hoog` : ""];
    case "gr":
      return [`${rng.pick(GR_STREETS)} ${rng.int(1, 180)}`, rng.chance(0.2) ? `${rng.int(1, 6)}os orofos` : ""];
    case "lt": {
      const flat = rng.chance(0.55) ? `-${rng.int(1, 90)}` : "";
      return [`${rng.pick(LT_STREETS)} ${rng.int(1, 140)}${flat}`, ""];
    }
  }
}

function postalCode(rng: Random, pattern: PostalPattern): string {
  switch (pattern.kind) {
    case "us":
      return `${rng.pick(pattern.prefixes)}${String(rng.int(1, 99)).padStart(2, "0")}`;
    case "gb":
      return `${rng.pick(pattern.prefixes)} ${rng.int(0, 9)}${letter(rng, GB_INWARD_LETTERS)}${letter(rng, GB_INWARD_LETTERS)}`;
    case "ca":
      return `${rng.pick(pattern.prefixes)} ${rng.int(0, 9)}${letter(rng, CA_LETTERS)}${rng.int(0, 9)}`;
    case "ie":
      return `${rng.pick(pattern.prefixes)} ${[0, 1, 2, 3].map(() => letter(rng, EIR_CHARS)).join("")}`;
    case "range": {
      const digits = String(rng.int(pattern.from, pattern.to)).padStart(pattern.format === "nl" ? 4 : 5, "0");
      if (pattern.format === "nl") return `${digits} ${letter(rng, CA_LETTERS)}${letter(rng, CA_LETTERS)}`;
      if (pattern.format === "gr") return `${digits.slice(0, 3)} ${digits.slice(3)}`;
      if (pattern.format === "lt") return `LT-${digits}`;
      return digits;
    }
  }
}

function letter(rng: Random, alphabet: string): string {
  return alphabet.charAt(rng.int(0, alphabet.length - 1));
}
