import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeyDigests, type KeyVerdict } from "../../server/ingest/key-digests.ts";

describe("remembering the keys of a file", () => {
  it("tells new, identical and changed rows exactly as a Map of every key would", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 3 })), { maxLength: 3000 }), (rows) => {
        const digests = new KeyDigests(16);
        const model = new Map<string, number>();
        for (const [key, content] of rows) {
          const before = model.get(key);
          const expected: KeyVerdict = before === undefined ? "new" : before === content ? "same" : "changed";
          model.set(key, content);
          expect(digests.remember(key, content)).toBe(expected);
        }
        expect(digests.size).toBe(model.size);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps at most 48 bytes a key (12 bytes, in a table at least a quarter full), whatever the keys' length", () => {
    const digests = new KeyDigests();
    for (let i = 0; i < 300_000; i++) digests.remember(`R-${"x".repeat(40)}-${i}`, i);
    expect(digests.size).toBe(300_000);
    expect(digests.bytes).toBeLessThanOrEqual(300_000 * 12 * 4);
    expect(digests.remember(`R-${"x".repeat(40)}-7`, 7)).toBe("same");
    expect(digests.remember(`R-${"x".repeat(40)}-7`, 8)).toBe("changed");
  });
});
