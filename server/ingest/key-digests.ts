/**
 * What import remembers of every key it has seen in a file, to tell identical repeats from
 * changed ones: a 64-bit fingerprint of the key and a 32-bit digest of the row, 12 bytes a key
 * in typed arrays (a Map of strings costs ~100). A 1 GB file of ~8M rows needs ~200 MB here
 * instead of ~1 GB. Two different keys share a fingerprint with odds of about n²/2⁶⁵ (1e-6 at
 * 10M keys); if they ever did, the later row would be counted as a duplicate in the report but
 * still loaded, since rows are staged by their real key.
 */
import { hashLanes } from "../domain/hash.ts";

const EMPTY_HI = 0;

export type KeyVerdict = "new" | "same" | "changed";

export class KeyDigests {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private digest: Uint32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1 << 16) {
    const capacity = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.digest = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Records `key` with its row digest and says whether it was new, seen with the same digest, or changed. */
  remember(key: string, rowDigest: number): KeyVerdict {
    const [hi, lo] = fingerprint(key);
    const d = rowDigest >>> 0;
    let slot = lo & this.mask;
    for (;;) {
      if (this.hi[slot] === EMPTY_HI) break;
      if (this.hi[slot] === hi && this.lo[slot] === lo) {
        if (this.digest[slot] === d) return "same";
        this.digest[slot] = d;
        return "changed";
      }
      slot = (slot + 1) & this.mask;
    }
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.digest[slot] = d;
    this.size++;
    if (this.size * 2 > this.mask + 1) this.grow();
    return "new";
  }

  /** Bytes held by the table (for reports and tests). */
  get bytes(): number {
    return this.hi.byteLength * 3;
  }

  private grow(): void {
    const { hi, lo, digest } = this;
    const capacity = (this.mask + 1) * 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.digest = new Uint32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < hi.length; i++) {
      if (hi[i] === EMPTY_HI) continue;
      let slot = lo[i]! & this.mask;
      while (this.hi[slot] !== EMPTY_HI) slot = (slot + 1) & this.mask;
      this.hi[slot] = hi[i]!;
      this.lo[slot] = lo[i]!;
      this.digest[slot] = digest[i]!;
    }
  }
}

/** 64 bits of the key in two halves; the high half is never 0, which marks an empty slot. */
function fingerprint(text: string): [number, number] {
  const [lo, hi] = hashLanes(text);
  return [hi === EMPTY_HI ? 1 : hi, lo];
}
