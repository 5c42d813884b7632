import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RingLineage } from "../../server/domain/investigation/ring-lineage.ts";
import { readStoredLineage, storedLineage } from "../../server/store/stored-lineage.ts";

const ids = fc.array(fc.string(), { maxLength: 4 });
const lineage: fc.Arbitrary<RingLineage> = fc.record({
  state: fc.constantFrom("new", "same", "grew", "shrank", "changed", "merged", "split"),
  previousId: fc.option(fc.string()),
  added: ids,
  removed: ids,
  mergedFrom: ids,
  splitFrom: fc.option(fc.string()),
});

describe("stored lineage", () => {
  it("reads back every lineage as written, fields in their usual order", () => {
    fc.assert(
      fc.property(lineage, (written) => {
        const read = readStoredLineage(storedLineage(written));
        expect(read).toEqual(written);
        expect(Object.keys(read!)).toEqual(["state", "previousId", "added", "removed", "mergedFrom", "splitFrom"]);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps only the fields that say something, and null for a ring without lineage", () => {
    const same: RingLineage = { state: "same", previousId: "R-1", added: [], removed: [], mergedFrom: [], splitFrom: null };
    expect(storedLineage(same)).toBe('{"state":"same","previousId":"R-1"}');
    expect(storedLineage(undefined)).toBe("null");
    expect(readStoredLineage("null")).toBeNull();
  });

  it("reads the lineage of a store written before, every field present", () => {
    const older: RingLineage = { state: "grew", previousId: "R-1", added: ["A9"], removed: [], mergedFrom: [], splitFrom: null };
    expect(readStoredLineage(JSON.stringify(older))).toEqual(older);
  });
});
