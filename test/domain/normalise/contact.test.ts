import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseEmail, normalisePhone } from "../../../server/domain/normalise/contact.ts";
import { PLACEHOLDER_WORDS, isPlaceholder } from "../../../server/domain/normalise/placeholders.ts";
import { identifierValue } from "../../../server/ingest/to-entities.ts";

describe("normalisePhone", () => {
  it("writes one number the same way whatever its format, taking the prefix from the account's country", () => {
    const forms = ["(212) 555-2368", "212-555-2368", "+1 212 555 2368", "2125552368", "+12125552368"];
    expect(new Set(forms.map((f) => normalisePhone(f, "US")))).toEqual(new Set(["+12125552368"]));
    expect(normalisePhone("07700 900123", "GB")).toBe("+447700900123");
    expect(normalisePhone("+44 7700 900123", "US")).toBe("+447700900123");
  });
  it("keeps the digits of a number it cannot read", () => {
    expect(normalisePhone("+1-555-6768")).toBe("+15556768");
    expect(normalisePhone("call me", "US")).toBe("");
  });
});

describe("placeholders", () => {
  it.each([
    ["email", "test@test.com"],
    ["email", "none@example.com"],
    ["email", "no-at-sign"],
    ["phone", "000-000-0000"],
    ["phone", "1234567890"],
    ["phone", "+1 555-555-5555"],
    ["device", "00000000-0000-0000-0000-000000000000"],
    ["device", "unknown"],
    ["payment", "0000000000000000"],
    ["ip", "0.0.0.0"],
  ] as const)("%s %s never links", (kind, raw) => {
    expect(identifierValue(kind, raw, "US")).toBeNull();
  });
  it.each([
    ["email", "Jane.Doe@Gmail.com", "jane.doe@gmail.com"],
    ["phone", "(212) 555-2368", "+12125552368"],
    ["device", "9f1c0a7e", "9f1c0a7e"],
    ["ip", "81.2.69.142", "81.2.69.142"],
    ["payment", "pm_3f9c", "pm_3f9c"],
  ] as const)("%s %s is a real identifier", (kind, raw, value) => {
    expect(identifierValue(kind, raw, "US")).toBe(value);
    expect(isPlaceholder(kind, value)).toBe(false);
  });
  it("lower-cases and trims emails", () => expect(normaliseEmail("  A@B.CO ")).toBe("a@b.co"));
});

describe("placeholders of one repeated character", () => {
  // The definition the scan in placeholders.ts replaced, kept here as the reference.
  const repeated = (text: string) => {
    const plain = text.replace(/[\s\-_.:+()]/g, "");
    return plain.length === 0 || /^(.)\1*$/.test(plain);
  };
  it("are the values that are one character repeated once separators are left out", () => {
    const char = fc.constantFrom("0", "1", "x", "X", "-", "_", ".", ":", "+", "(", ")", " ", "\t", "\u00a0", "é", "😀", "a");
    const text = fc.oneof(
      fc.array(char, { maxLength: 12 }).map((c) => c.join("")),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const v = t.trim().toLowerCase();
        if (v === "" || PLACEHOLDER_WORDS.has(v)) return;
        expect(isPlaceholder("device", t)).toBe(repeated(v));
      }),
      { numRuns: 3000 },
    );
  });
});
