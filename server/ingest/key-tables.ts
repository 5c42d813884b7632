/**
 * What an import remembers across files (account, employee, refund, device and payment ids,
 * address keys, account countries) as 64-bit fingerprints in typed arrays: 12 bytes a slot,
 * 16–32 a key, where a Set of strings holds each string (~100 bytes a key). At 5M accounts
 * the Sets outgrew Node's default heap (~4 GB); these tables live outside it. Two keys share
 * a fingerprint with odds of about n²/2⁶⁵; a lookup of an unseen key answers "seen" with odds
 * of n/2⁶⁴ (3e-13 at 5M keys), the price of not holding the strings.
 */
import { hashLanes } from "../domain/hash.ts";

/** Fingerprint → a code (1 and up; 0 marks an empty slot and an absent key), open addressing. */
class FingerprintTable {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private code: Uint32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1 << 12) {
    const capacity = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.code = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  /** The key's code, 0 when absent. */
  get(key: string): number {
    const [lo, hi] = hashLanes(key);
    for (let slot = lo & this.mask; ; slot = (slot + 1) & this.mask) {
      const code = this.code[slot]!;
      if (code === 0) return 0;
      if (this.hi[slot] === hi && this.lo[slot] === lo) return code;
    }
  }

  set(key: string, code: number): void {
    const [lo, hi] = hashLanes(key);
    let slot = lo & this.mask;
    for (; this.code[slot] !== 0; slot = (slot + 1) & this.mask) {
      if (this.hi[slot] === hi && this.lo[slot] === lo) {
        this.code[slot] = code;
        return;
      }
    }
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.code[slot] = code;
    this.size++;
    // At most three quarters full: linear probing stays short.
    if (this.size * 4 > (this.mask + 1) * 3) this.grow();
  }

  get bytes(): number {
    return this.hi.byteLength * 3;
  }

  private grow(): void {
    const { hi, lo, code } = this;
    const capacity = (this.mask + 1) * 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.code = new Uint32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < code.length; i++) {
      if (code[i] === 0) continue;
      let slot = lo[i]! & this.mask;
      while (this.code[slot] !== 0) slot = (slot + 1) & this.mask;
      this.hi[slot] = hi[i]!;
      this.lo[slot] = lo[i]!;
      this.code[slot] = code[i]!;
    }
  }
}

/** Keys seen, by fingerprint. */
export class KeySet {
  private readonly table = new FingerprintTable();

  has(key: string): boolean {
    return this.table.get(key) !== 0;
  }

  add(key: string): this {
    this.table.set(key, 1);
    return this;
  }

  get size(): number {
    return this.table.size;
  }

  /** Bytes held (for reports and tests). */
  get bytes(): number {
    return this.table.bytes;
  }
}

/** Keys to values of which there are few distinct ones (countries): each value is held once. */
export class KeyMap<V> {
  private readonly table = new FingerprintTable();
  private readonly values: V[] = [];
  private readonly codes = new Map<V, number>();

  get(key: string): V | undefined {
    const code = this.table.get(key);
    return code === 0 ? undefined : this.values[code - 1];
  }

  set(key: string, value: V): this {
    let code = this.codes.get(value);
    if (code === undefined) {
      this.values.push(value);
      code = this.values.length;
      this.codes.set(value, code);
    }
    this.table.set(key, code);
    return this;
  }

  get size(): number {
    return this.table.size;
  }
}
