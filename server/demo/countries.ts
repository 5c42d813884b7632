/**
 * Countries of the demo population: how common each is, its currency, phone numbering, naming
 * and address style, and a few real cities with their region and postal-code pattern.
 * Pure data.
 */

export const ADDRESS_STYLES = ["en", "de", "nl", "gr", "lt"] as const;
export type AddressStyle = (typeof ADDRESS_STYLES)[number];

/** How a city's postal codes look; `prefixes` are real outward codes / ZIP or number ranges. */
export type PostalPattern =
  | { kind: "us"; prefixes: readonly string[] }
  | { kind: "gb"; prefixes: readonly string[] }
  | { kind: "ca"; prefixes: readonly string[] }
  | { kind: "ie"; prefixes: readonly string[] }
  | { kind: "range"; from: number; to: number; format: "plain" | "nl" | "gr" | "lt" };

export interface City {
  name: string;
  region: string;
  postal: PostalPattern;
  /** Area codes (US/CA) or mobile prefixes used for phones of people living there. */
  phonePrefixes: readonly string[];
}

export interface Country {
  code: string;
  /** Relative share of honest accounts. */
  weight: number;
  currency: string;
  /** Rough USD → local factor, so prices look local. */
  rate: number;
  style: AddressStyle;
  callingCode: string;
  trunkPrefix: string;
  emailDomains: readonly string[];
  cities: readonly City[];
}

const us = (name: string, region: string, zip: string[], area: string[]): City => ({
  name,
  region,
  postal: { kind: "us", prefixes: zip },
  phonePrefixes: area,
});
const range = (name: string, region: string, from: number, to: number, format: "plain" | "nl" | "gr" | "lt", phone: string[]): City => ({
  name,
  region,
  postal: { kind: "range", from, to, format },
  phonePrefixes: phone,
});
const coded = (kind: "gb" | "ca" | "ie", name: string, region: string, prefixes: string[], phone: string[]): City => ({
  name,
  region,
  postal: { kind, prefixes },
  phonePrefixes: phone,
});

const GB_MOBILE = ["7700", "7911", "7802", "7400", "7517"];
const EN_MAIL = ["gmail.com", "gmail.com", "outlook.com", "hotmail.com", "icloud.com", "yahoo.com"];

export const COUNTRIES: readonly Country[] = [
  {
    code: "US",
    weight: 48,
    currency: "USD",
    rate: 1,
    style: "en",
    callingCode: "1",
    trunkPrefix: "",
    emailDomains: [...EN_MAIL, "aol.com", "comcast.net"],
    cities: [
      us("New York", "NY", ["100", "101", "102"], ["212", "646"]),
      us("Brooklyn", "NY", ["112"], ["718", "347"]),
      us("Los Angeles", "CA", ["900", "900", "913"], ["213", "323"]),
      us("Chicago", "IL", ["606"], ["312", "773"]),
      us("Houston", "TX", ["770"], ["713", "832"]),
      us("Phoenix", "AZ", ["850"], ["602"]),
      us("Philadelphia", "PA", ["191"], ["215"]),
      us("San Diego", "CA", ["921"], ["619", "858"]),
      us("Austin", "TX", ["787"], ["512"]),
      us("Seattle", "WA", ["981"], ["206"]),
      us("Denver", "CO", ["802"], ["303", "720"]),
      us("Boston", "MA", ["021"], ["617"]),
      us("Atlanta", "GA", ["303"], ["404", "678"]),
      us("Miami", "FL", ["331"], ["305", "786"]),
      us("Portland", "OR", ["972"], ["503"]),
      us("Columbus", "OH", ["432"], ["614"]),
      us("Minneapolis", "MN", ["554"], ["612"]),
      us("Newark", "NJ", ["071"], ["973"]),
    ],
  },
  {
    code: "GB",
    weight: 20,
    currency: "GBP",
    rate: 0.79,
    style: "en",
    callingCode: "44",
    trunkPrefix: "0",
    emailDomains: [...EN_MAIL, "btinternet.com", "yahoo.co.uk", "hotmail.co.uk"],
    cities: [
      coded("gb", "London", "Greater London", ["SW1A", "E1", "N1", "SE1", "W1D", "NW3", "EC1V", "SW11"], GB_MOBILE),
      coded("gb", "Manchester", "Greater Manchester", ["M1", "M4", "M14", "M20"], GB_MOBILE),
      coded("gb", "Birmingham", "West Midlands", ["B1", "B5", "B15"], GB_MOBILE),
      coded("gb", "Leeds", "West Yorkshire", ["LS1", "LS6", "LS11"], GB_MOBILE),
      coded("gb", "Glasgow", "Glasgow City", ["G1", "G12", "G41"], GB_MOBILE),
      coded("gb", "Edinburgh", "City of Edinburgh", ["EH1", "EH3", "EH9"], GB_MOBILE),
      coded("gb", "Bristol", "Bristol", ["BS1", "BS6", "BS8"], GB_MOBILE),
      coded("gb", "Liverpool", "Merseyside", ["L1", "L8", "L17"], GB_MOBILE),
      coded("gb", "Cardiff", "Cardiff", ["CF10", "CF24"], GB_MOBILE),
    ],
  },
  {
    code: "CA",
    weight: 12,
    currency: "CAD",
    rate: 1.36,
    style: "en",
    callingCode: "1",
    trunkPrefix: "",
    emailDomains: [...EN_MAIL, "rogers.com", "shaw.ca", "sympatico.ca"],
    cities: [
      coded("ca", "Toronto", "ON", ["M5V", "M4C", "M6H", "M2N"], ["416", "647"]),
      coded("ca", "Montréal", "QC", ["H2X", "H3A", "H4C"], ["514", "438"]),
      coded("ca", "Vancouver", "BC", ["V6B", "V5K", "V6K"], ["604", "778"]),
      coded("ca", "Calgary", "AB", ["T2P", "T3A"], ["403"]),
      coded("ca", "Ottawa", "ON", ["K1P", "K2A"], ["613"]),
      coded("ca", "Winnipeg", "MB", ["R3C", "R2M"], ["204"]),
      coded("ca", "Halifax", "NS", ["B3H", "B3K"], ["902"]),
    ],
  },
  {
    code: "DE",
    weight: 5,
    currency: "EUR",
    rate: 0.92,
    style: "de",
    callingCode: "49",
    trunkPrefix: "0",
    emailDomains: ["gmx.de", "web.de", "t-online.de", "gmail.com"],
    cities: [
      range("Berlin", "Berlin", 10115, 14199, "plain", ["1512", "1601", "1703"]),
      range("Hamburg", "Hamburg", 20095, 22769, "plain", ["1515", "1590"]),
      range("München", "Bayern", 80331, 81929, "plain", ["1511", "1520"]),
      range("Köln", "Nordrhein-Westfalen", 50667, 51149, "plain", ["1573", "1606"]),
      range("Frankfurt am Main", "Hessen", 60311, 60599, "plain", ["1517"]),
      range("Leipzig", "Sachsen", 4103, 4357, "plain", ["1525"]),
    ],
  },
  {
    code: "NL",
    weight: 4,
    currency: "EUR",
    rate: 0.92,
    style: "nl",
    callingCode: "31",
    trunkPrefix: "0",
    emailDomains: ["ziggo.nl", "kpnmail.nl", "gmail.com", "hotmail.com"],
    cities: [
      range("Amsterdam", "Noord-Holland", 1011, 1109, "nl", ["61", "62", "64"]),
      range("Rotterdam", "Zuid-Holland", 3011, 3089, "nl", ["63", "65"]),
      range("Utrecht", "Utrecht", 3511, 3585, "nl", ["68"]),
      range("Den Haag", "Zuid-Holland", 2491, 2597, "nl", ["64", "61"]),
      range("Eindhoven", "Noord-Brabant", 5611, 5658, "nl", ["62"]),
    ],
  },
  {
    code: "GR",
    weight: 3,
    currency: "EUR",
    rate: 0.92,
    style: "gr",
    callingCode: "30",
    trunkPrefix: "",
    emailDomains: ["yahoo.gr", "otenet.gr", "gmail.com", "hotmail.com"],
    cities: [
      range("Athina", "Attiki", 10431, 11745, "gr", ["694", "697", "698"]),
      range("Thessaloniki", "Kentriki Makedonia", 54621, 56430, "gr", ["693", "695"]),
      range("Patra", "Dytiki Ellada", 26221, 26500, "gr", ["697"]),
      range("Irakleio", "Kriti", 71201, 71601, "gr", ["694"]),
    ],
  },
  {
    code: "LT",
    weight: 2,
    currency: "EUR",
    rate: 0.92,
    style: "lt",
    callingCode: "370",
    trunkPrefix: "8",
    emailDomains: ["gmail.com", "inbox.lt", "one.lt"],
    cities: [
      range("Vilnius", "Vilniaus apskritis", 1100, 14200, "lt", ["6"]),
      range("Kaunas", "Kauno apskritis", 44000, 52500, "lt", ["6"]),
      range("Klaipėda", "Klaipėdos apskritis", 91000, 96000, "lt", ["6"]),
    ],
  },
  {
    code: "IE",
    weight: 2,
    currency: "EUR",
    rate: 0.92,
    style: "en",
    callingCode: "353",
    trunkPrefix: "0",
    emailDomains: ["gmail.com", "eircom.net", "hotmail.com"],
    cities: [
      coded("ie", "Dublin", "County Dublin", ["D02", "D04", "D06", "D08", "D15"], ["83", "85", "86", "87"]),
      coded("ie", "Cork", "County Cork", ["T12", "T23"], ["85", "87"]),
      coded("ie", "Galway", "County Galway", ["H91"], ["86"]),
    ],
  },
];

const BY_CODE = new Map(COUNTRIES.map((country) => [country.code, country]));
const WEIGHTED = COUNTRIES.map((country) => [country, country.weight] as const);

export function countryOf(code: string): Country {
  const country = BY_CODE.get(code);
  if (!country) throw new Error(`demo: unknown country ${code}`);
  return country;
}

/** Country weights for honest accounts, for Random.weighted. */
export function weightedCountries(): readonly (readonly [Country, number])[] {
  return WEIGHTED;
}
