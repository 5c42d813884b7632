/**
 * A small seeded pseudo-random generator so that randomised algorithms (Louvain's random
 * walk) give the same answer on every run. Pure.
 *
 * Reference: Tommy Ettinger's Mulberry32 (public domain), a 32-bit state generator with a
 * full 2^32 period; plenty for tie-breaking, not for cryptography.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
