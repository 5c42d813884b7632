/**
 * Decides which of a ring's shared identifiers (devices, drop addresses) each member uses, so
 * that the ring is one connected piece: every identifier has a member, every member has an
 * identifier, and identifiers are chained through bridging members like a random tree. Pure.
 */
import type { Random } from "./random.ts";

/**
 * @returns for each member, the indexes (0 … identifiers-1) of the identifiers it uses.
 * @example linkRingMembers(rng, 5, 3) // → [[2, 0], [0], [1, 2], [1], [0, 1]]
 */
export function linkRingMembers(rng: Random, members: number, identifiers: number): number[][] {
  if (identifiers < 1 || members < identifiers) {
    throw new Error(`demo: a ring of ${members} cannot cover ${identifiers} identifiers`);
  }
  const order = rng.shuffle(Array.from({ length: identifiers }, (_, i) => i));
  const links = Array.from({ length: members }, (_, m) => [m < identifiers ? (order[m] as number) : rng.int(0, identifiers - 1)]);
  // Member i holds identifier order[i]; tying it to an earlier identifier makes the tree.
  for (let i = 1; i < identifiers; i++) {
    (links[i] as number[]).push(order[rng.int(0, i - 1)] as number);
  }
  for (const own of links) {
    if (own.length < identifiers && rng.chance(0.25)) {
      const extra = rng.int(0, identifiers - 1);
      if (!own.includes(extra)) own.push(extra);
    }
  }
  return rng.shuffle(links);
}
