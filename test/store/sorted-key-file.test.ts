import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { SortedKeyFile } from "../../server/store/sorted-key-file.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const dir = tempDir("ringlens-sorted-");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Lines sorted by the bytes of their key, as the engine's ORDER BY writes them. */
function write(lines: [string, string][]): string {
  const file = path.join(dir, `f${n++}.csv`);
  lines.sort((a, b) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])));
  fs.writeFileSync(file, lines.map(([k, rest]) => `${k}\t${rest}\n`).join(""));
  return file;
}

// Keys from a small alphabet so prefixes are shared; long ones cross the file's read sizes.
const key = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "b", "é", "日", " ", "\\", ","), maxLength: 8 }),
  fc.string({ unit: fc.constantFrom("a", "b"), minLength: 500, maxLength: 1500 }),
);

describe("a sorted key file searched by prefix", () => {
  it("finds exactly the lines whose key starts with the prefix, in file order", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            key,
            fc.string({ maxLength: 5 }).map((s) => s.replace(/[\t\n\r"]/g, "x")),
          ),
          { maxLength: 400 },
        ),
        key,
        (lines, prefix) => {
          const file = write(lines);
          const sorted = [...lines];
          const f = SortedKeyFile.open(file);
          try {
            const expected = sorted
              .filter(([k]) => Buffer.from(k).subarray(0, Buffer.byteLength(prefix)).equals(Buffer.from(prefix)))
              .map(([, r]) => r);
            expect(f.restWithPrefix(prefix, 10_000)).toEqual(expected);
          } finally {
            f.close();
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("says so instead of reading on when more lines match than asked for", () => {
    const file = write(Array.from({ length: 5_000 }, (_, i) => [`ab${String(i).padStart(5, "0")}`, `id${i}`] as [string, string]));
    const f = SortedKeyFile.open(file);
    try {
      expect(f.restWithPrefix("ab", 4_999)).toBeNull();
      expect(f.restWithPrefix("ab", 5_000)).toHaveLength(5_000);
      expect(f.restWithPrefix("ab0001", 100)).toEqual(Array.from({ length: 10 }, (_, i) => `id${10 + i}`));
      expect(f.restWithPrefix("b", 10)).toEqual([]);
    } finally {
      f.close();
    }
  });

  it("answers an empty file with no lines", () => {
    const file = write([]);
    const f = SortedKeyFile.open(file);
    expect(f.restWithPrefix("a", 10)).toEqual([]);
    f.close();
  });
});
