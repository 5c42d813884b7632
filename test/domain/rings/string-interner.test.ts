import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StringInterner } from "../../../server/domain/rings/string-interner.ts";

describe("StringInterner", () => {
  it("numbers strings in order of first appearance, like a Map would", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3000 }), (keys) => {
        const interner = new StringInterner();
        const map = new Map<string, number>();
        for (const key of keys) {
          if (!map.has(key)) map.set(key, map.size);
          expect(interner.intern(key)).toBe(map.get(key));
        }
        expect(interner.keys).toEqual([...map.keys()]);
        for (const key of keys) expect(interner.indexOf(key)).toBe(map.get(key));
        expect(interner.indexOf("\u0000absent")).toBe(-1);
      }),
      { numRuns: 60 },
    );
  });

  it("survives growth past many table doublings", () => {
    const interner = new StringInterner();
    for (let i = 0; i < 50_000; i++) interner.intern(`id-${i}`);
    expect(interner.size).toBe(50_000);
    expect(interner.indexOf("id-49999")).toBe(49_999);
    expect(interner.intern("id-123")).toBe(123);
  });
});
