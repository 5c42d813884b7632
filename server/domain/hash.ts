/**
 * cyrb53: a fast 53-bit string hash (public domain, bryc), used to remember row contents for
 * duplicate detection and to derive short stable ids without holding whole strings.
 */
export function hash53(text: string, seed = 0): number {
  const [h1, h2] = hashLanes(text, seed);
  return 4294967296 * (2097151 & h2) + h1;
}

/** cyrb53's two 32-bit lanes, fully mixed, as unsigned integers: 64 bits for fingerprints. */
export function hashLanes(text: string, seed = 0): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}
