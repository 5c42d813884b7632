/**
 * What import remembers of every key it has seen in a file, to tell identical repeats from
 * changed ones: a 64-bit fingerprint of the key and a 32-bit digest of the row, in a
 * FingerprintTable (12 bytes a slot; a Map of strings costs ~100 a key). A 1 GB file of ~8M
 * rows needs ~200 MB here instead of ~1 GB. Two different keys share a fingerprint with odds of
 * about n²/2⁶⁵ (1e-6 at 10M keys); if they ever did, the later row would be counted as a
 * duplicate in the report but still loaded, since rows are staged by their real key.
 */
import { FingerprintTable } from "./key-tables.ts";

export type KeyVerdict = "new" | "same" | "changed";

export class KeyDigests {
  private readonly table: FingerprintTable;

  constructor(initialCapacity = 1 << 16) {
    this.table = new FingerprintTable(initialCapacity);
  }

  /** Records `key` with its row digest and says whether it was new, seen with the same digest, or changed. */
  remember(key: string, rowDigest: number): KeyVerdict {
    const d = rowDigest >>> 0;
    const before = this.table.put(key, d);
    return before === undefined ? "new" : before === d ? "same" : "changed";
  }

  get size(): number {
    return this.table.size;
  }

  /** Bytes held by the table (for reports and tests). */
  get bytes(): number {
    return this.table.bytes;
  }
}
