/**
 * What an import remembers across files (account, employee, refund, device and payment ids,
 * address keys, account countries) as 64-bit fingerprints in typed arrays: 12 bytes a slot,
 * 16–32 a key (at least three eighths full), where a Set of strings holds each string (~100 bytes a key). At 5M accounts
 * the Sets outgrew Node's default heap (~4 GB); these tables live outside it. Two keys share
 * a fingerprint with odds of about n²/2⁶⁵; a lookup of an unseen key answers "seen" with odds
 * of n/2⁶⁴ (3e-13 at 5M keys), the price of not holding the strings.
 */
import { hashLanes } from "../domain/hash.ts";

/**
 * Fingerprint → a 32-bit value, open addressing with linear probing, at most three quarters
 * full. A slot whose high half is 0 is empty (a fingerprint's high half never is). The one
 * table behind KeySet, KeyMap and the per-file duplicate check (key-digests.ts).
 */
export class FingerprintTable {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private value: Uint32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1 << 12) {
    const capacity = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.value = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  /** The key's value, or undefined when absent. */
  get(key: string): number | undefined {
    const [hi, lo] = fingerprint(key);
    for (let slot = lo & this.mask; this.hi[slot] !== EMPTY; slot = (slot + 1) & this.mask) {
      if (this.hi[slot] === hi && this.lo[slot] === lo) return this.value[slot];
    }
    return undefined;
  }

  /** Records `value` for the key and returns the value it had, or undefined when it was new (one probe for both). */
  put(key: string, value: number): number | undefined {
    const [hi, lo] = fingerprint(key);
    let slot = lo & this.mask;
    for (; this.hi[slot] !== EMPTY; slot = (slot + 1) & this.mask) {
      if (this.hi[slot] === hi && this.lo[slot] === lo) {
        const before = this.value[slot];
        this.value[slot] = value;
        return before;
      }
    }
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.value[slot] = value;
    this.size++;
    if (this.size * 4 > (this.mask + 1) * 3) this.grow();
    return undefined;
  }

  /** Bytes held (for reports and tests). */
  get bytes(): number {
    return this.hi.byteLength * 3;
  }

  private grow(): void {
    const { hi, lo, value } = this;
    const capacity = (this.mask + 1) * 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.value = new Uint32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < hi.length; i++) {
      if (hi[i] === EMPTY) continue;
      let slot = lo[i]! & this.mask;
      while (this.hi[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.hi[slot] = hi[i]!;
      this.lo[slot] = lo[i]!;
      this.value[slot] = value[i]!;
    }
  }
}

const EMPTY = 0;

/** 64 bits of the key in two halves; the high half is never 0, which marks an empty slot. */
function fingerprint(text: string): [number, number] {
  const [lo, hi] = hashLanes(text);
  return [hi === EMPTY ? 1 : hi, lo];
}

/** Keys seen, by fingerprint. */
export class KeySet {
  private readonly table = new FingerprintTable();

  has(key: string): boolean {
    return this.table.get(key) !== undefined;
  }

  add(key: string): this {
    this.table.put(key, 0);
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
    return code === undefined ? undefined : this.values[code];
  }

  set(key: string, value: V): this {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    this.table.put(key, code);
    return this;
  }

  get size(): number {
    return this.table.size;
  }
}
