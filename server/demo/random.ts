/**
 * Seeded pseudo-random numbers for the demo generator. The core is sfc32, Chris Doty-Humphrey's
 * "Small Fast Chaotic" generator from PractRand (see bryc's "Pseudorandom number generators"
 * notes for the 32-bit JavaScript form); seeds go through FNV-1a and splitmix32 so that each
 * named stream ("rings", "population", …) is independent. Pure: never Math.random, never the clock.
 */

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** FNV-1a over the UTF-16 code units: turns "seed/stream" into a 32-bit starting state. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32: spreads one 32-bit state into well-mixed seed words for sfc32. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * A deterministic random source: the same (seed, stream) always yields the same sequence.
 * @example const rng = new Random(1, "rings"); rng.int(3, 25);
 */
export class Random {
  // A typed array keeps the four words unboxed; plain 32-bit fields would allocate per step.
  private readonly s = new Int32Array(4);

  constructor(seed: number, stream: string) {
    const state = { s: hashText(`${seed}/${stream}`) };
    for (let i = 0; i < 4; i++) this.s[i] = splitmix32(state);
    // sfc32's authors recommend discarding the first outputs so weak seeds are mixed in.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** The next 32-bit unsigned integer (one sfc32 step). */
  uint32(): number {
    const s = this.s;
    const a = s[0] as number;
    const b = s[1] as number;
    const c = s[2] as number;
    const d = s[3] as number;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks a value with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    let target = this.next() * total;
    for (const [value, weight] of items) {
      target -= weight;
      if (target < 0) return value;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** `count` distinct items in random order (count is capped at the list length). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle([...items]).slice(0, Math.min(count, items.length));
  }

  /** Lower-case hex digits, e.g. for device fingerprints. */
  hex(length: number): string {
    let out = "";
    while (out.length < length) {
      const word = this.uint32();
      out += HEX_BYTES[word >>> 24]! + HEX_BYTES[(word >>> 16) & 255]! + HEX_BYTES[(word >>> 8) & 255]! + HEX_BYTES[word & 255]!;
    }
    return out.length === length ? out : out.slice(0, length);
  }
}
