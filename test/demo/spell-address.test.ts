import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COUNTRIES } from "../../server/demo/countries.ts";
import { makePlace } from "../../server/demo/make-place.ts";
import { Random } from "../../server/demo/random.ts";
import { spellAddress } from "../../server/demo/spell-address.ts";
import { foldAddress } from "./fold-address.ts";

describe("spellAddress", () => {
  it("writes variants that all fold back to the same address key", () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...COUNTRIES), (seed, country) => {
        const rng = new Random(seed, "spell");
        const place = makePlace(rng, country);
        const canonical = foldAddress({ ...place, postal_code: place.postalCode });
        for (let i = 0; i < 10; i++) expect(foldAddress(spellAddress(rng, place, "shipping"))).toBe(canonical);
      }),
      { numRuns: 200 },
    );
  });

  it("produces the abbreviations docs/input-format.md names", () => {
    const rng = new Random(1, "spell");
    const place = { line1: "12 Baker Street", line2: "Apartment 4", city: "London", postalCode: "SW1A 1AA", region: "", country: "GB" };
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const row = spellAddress(rng, place, "billing");
      seen.add(row.line1.trim().replace(/\s+/g, " ").replace(/^12, /, "12 ").toLowerCase());
      seen.add(row.line2);
      seen.add(row.postal_code);
    }
    for (const expected of ["12 baker street", "12 baker st", "12 baker st.", "Apt 4", "#4", "SW1A 1AA", "SW1A1AA"]) {
      expect(seen.has(expected), expected).toBe(true);
    }
  });
});
