import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldAnyText, foldText, normaliseAddressKey } from "../../../server/domain/normalise/address-key.ts";

describe("normaliseAddressKey", () => {
  it("maps spelling variants of one address to one key", () => {
    const variants = [
      { line1: "12 Baker Street", city: "London", postalCode: "NW1 6XE", country: "GB" },
      { line1: "12 baker st.", city: "LONDON", postalCode: "nw16xe", country: "gb" },
      { line1: "  12  Baker   St ", city: "London ", postalCode: "NW1  6XE", country: "GB" },
    ];
    const keys = new Set(variants.map(normaliseAddressKey));
    expect(keys.size).toBe(1);
  });

  it("unifies Straße, Strasse and Str. and folds accents", () => {
    const keys = new Set(
      [
        { line1: "Hauptstraße 5", city: "München", postalCode: "80331", country: "DE" },
        { line1: "Hauptstrasse 5", city: "Munchen", postalCode: "80331", country: "DE" },
        { line1: "Hauptstr. 5", city: "MÜNCHEN", postalCode: "80 331", country: "de" },
      ].map(normaliseAddressKey),
    );
    expect(keys.size).toBe(1);
  });

  it("unifies Apartment, Apt and # in line2, and Avenue/Ave, Road/Rd", () => {
    const a = normaliseAddressKey({ line1: "400 Oak Avenue", line2: "Apartment 4", postalCode: "10001", country: "US" });
    const b = normaliseAddressKey({ line1: "400 Oak Ave", line2: "#4", postalCode: "10001", country: "US" });
    const c = normaliseAddressKey({ line1: "400 oak ave.", line2: "Apt 4", postalCode: "10001", country: "US" });
    expect(new Set([a, b, c]).size).toBe(1);
    expect(normaliseAddressKey({ line1: "9 Mill Road" })).toBe(normaliseAddressKey({ line1: "9 mill rd" }));
  });

  it("keeps different flats at one building apart", () => {
    const flat4 = normaliseAddressKey({ line1: "400 Oak Ave", line2: "Apt 4", postalCode: "10001", country: "US" });
    const flat5 = normaliseAddressKey({ line1: "400 Oak Ave", line2: "Apt 5", postalCode: "10001", country: "US" });
    expect(flat4).not.toBe(flat5);
  });

  it("keeps different countries and postal codes apart", () => {
    const base = { line1: "1 High Street", postalCode: "AB1 2CD" };
    expect(normaliseAddressKey({ ...base, country: "GB" })).not.toBe(normaliseAddressKey({ ...base, country: "US" }));
    expect(normaliseAddressKey({ ...base, postalCode: "AB1 2CE" })).not.toBe(normaliseAddressKey(base));
  });

  it("folds plain ASCII text exactly as it folds any text (the fast path changes no key)", () => {
    const word = fc.constantFrom("Strasse", "str", "STR.", "#", "# 4", "Baker", "St", "12", "-", "  ", "\t", ",", "'", "Hauptstrasse", "x");
    const ascii = fc.oneof(
      fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)) }),
      fc.array(word).map((w) => w.join("")),
    );
    fc.assert(
      fc.property(ascii, (text) => {
        expect(foldText(text)).toBe(foldAnyText(text));
      }),
      { numRuns: 2000 },
    );
  });
});
