import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeyMap, KeySet } from "../../server/ingest/key-tables.ts";

describe("what an import remembers across files", () => {
  it("answers as a Set and a Map of every key would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.option(fc.constantFrom("gb", "us", "lt"))), { maxLength: 3000 }),
        (rows) => {
          const set = new KeySet();
          const map = new KeyMap<string | null>();
          const modelSet = new Set<string>();
          const modelMap = new Map<string, string | null>();
          for (const [key, country] of rows) {
            expect(set.has(key)).toBe(modelSet.has(key));
            expect(map.get(key)).toBe(modelMap.get(key));
            set.add(key);
            modelSet.add(key);
            map.set(key, country);
            modelMap.set(key, country);
          }
          for (const [key] of rows) expect(map.get(`${key}~`)).toBe(modelMap.get(`${key}~`));
          expect(set.size).toBe(modelSet.size);
          expect(map.size).toBe(modelMap.size);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("holds at most 32 bytes a key outside the heap, whatever the keys' length", () => {
    const set = new KeySet();
    for (let i = 0; i < 300_000; i++) set.add(`${"9042 park dr|apt 2|portland|97296|or|us".repeat(2)}-${i}`);
    expect(set.size).toBe(300_000);
    expect(set.bytes).toBeLessThanOrEqual(300_000 * 32);
    expect(set.has(`${"9042 park dr|apt 2|portland|97296|or|us".repeat(2)}-7`)).toBe(true);
    expect(set.has("9042 park dr")).toBe(false);
  });
});
