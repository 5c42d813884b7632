import { describe, expect, it } from "vitest";
import { canonicalKeys, oneSlipApart, otherKindOfStreet, splitAddressKey } from "../../../server/domain/normalise/street-slips.ts";
import { normaliseAddressKey } from "../../../server/domain/normalise/address-key.ts";

describe("oneSlipApart", () => {
  it("is true for two adjacent letters swapped, one dropped, one doubled", () => {
    expect(oneSlipApart("baker st", "bakre st")).toBe(true);
    expect(oneSlipApart("baker st", "baer st")).toBe(true);
    expect(oneSlipApart("baker st", "bakker st")).toBe(true);
    expect(oneSlipApart("chestnut st", "chestnt st")).toBe(true);
  });

  it("is false for a substitution, two slips or the same text", () => {
    expect(oneSlipApart("baker st", "baler st")).toBe(false);
    expect(oneSlipApart("baker st", "bkaer rd")).toBe(false);
    expect(oneSlipApart("baker st", "bkre st")).toBe(false);
    expect(oneSlipApart("baker st", "baker st")).toBe(false);
  });
});

describe("splitAddressKey", () => {
  it("buckets by house number (leading or trailing), flat, city, postal code, region and country", () => {
    const key = normaliseAddressKey({ line1: "12 Baker Street", line2: "Flat 3", city: "London", postalCode: "NW1 6XE", country: "GB" });
    expect(splitAddressKey(key)).toEqual({ bucket: "12|apt 3|london|nw16xe||gb", street: "baker st" });
    const greek = normaliseAddressKey({ line1: "Agiou Dimitriou 87", city: "Irakleio", postalCode: "715 46", country: "GR" });
    expect(splitAddressKey(greek)).toEqual({ bucket: "87||irakleio|71546||gr", street: "agiou dimitriou" });
  });

  it("leaves out keys without a house number, a city or a postal code", () => {
    expect(splitAddressKey(normaliseAddressKey({ line1: "Baker Street", city: "London", postalCode: "NW1" }))).toBeNull();
    expect(splitAddressKey(normaliseAddressKey({ line1: "12 Baker Street", postalCode: "NW1" }))).toBeNull();
    expect(splitAddressKey(normaliseAddressKey({ line1: "12 Baker Street", city: "London" }))).toBeNull();
  });
});

describe("canonicalKeys", () => {
  const key = (street: string) => `12 ${street}||london|nw16xe||gb`;

  it("keeps a Road and a Drive at the same house apart: a swap that spells another kind of street is two streets", () => {
    expect(otherKindOfStreet("park rd", "park dr")).toBe(true);
    expect(otherKindOfStreet("park st", "park ts")).toBe(false);
    expect(otherKindOfStreet("prak rd", "park dr")).toBe(false);
    const counts = new Map([
      [key("park dr"), 3],
      [key("park rd"), 1],
      [key("park dir"), 1],
    ]);
    expect(canonicalKeys(counts)).toEqual(new Map([[key("park dir"), key("park dr")]]));
  });

  it("merges each slip into the most frequent spelling, whatever the order the counts came in", () => {
    const counts = [
      [key("baker st"), 4],
      [key("bakre st"), 1],
      [key("bakker st"), 2],
    ] as const;
    const expected = new Map([
      [key("bakker st"), key("baker st")],
      [key("bakre st"), key("baker st")],
    ]);
    expect(canonicalKeys(new Map(counts))).toEqual(expected);
    expect(canonicalKeys(new Map([...counts].reverse()))).toEqual(expected);
  });

  it("breaks a tie alphabetically and never chains two slips", () => {
    expect(
      canonicalKeys(
        new Map([
          [key("bakre st"), 1],
          [key("baker st"), 1],
        ]),
      ),
    ).toEqual(new Map([[key("bakre st"), key("baker st")]]));
    // "bkare" is two slips from "baker" (but one from "bakre", itself merged): it stays apart.
    expect(
      canonicalKeys(
        new Map([
          [key("baker st"), 3],
          [key("bakre st"), 1],
          [key("bkare st"), 1],
        ]),
      ),
    ).toEqual(new Map([[key("bakre st"), key("baker st")]]));
  });

  it("keeps different streets apart", () => {
    expect(
      canonicalKeys(
        new Map([
          [key("baker st"), 3],
          [key("baler st"), 1],
          [key("oak st"), 1],
        ]),
      ),
    ).toEqual(new Map());
  });
});
