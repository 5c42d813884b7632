/**
 * Plans all planted rings up front (they are few, so they fit in memory at any population
 * size): their sizes within the ring-member budget, their ids (`ring-001`) and who bribed whom —
 * most rings buy one or two agents, and a corrupt agent now and then serves several rings.
 */
import type { ApproverPicker } from "./approver-picker.ts";
import { MAX_RING_SHARE, type DemoOptions } from "./demo-options.ts";
import type { Hubs } from "./make-hubs.ts";
import { planRing, type RingPlan } from "./plan-ring.ts";
import type { Random } from "./random.ts";

const MIN_SIZE = 3;
const MAX_SIZE = 25;
const RINGS_WITH_INSIDERS = 0.8;

export function planRings(rng: Random, options: DemoOptions, hubs: Hubs, approvers: ApproverPicker): RingPlan[] {
  const sizes = ringSizes(rng, options.rings, Math.floor(options.accounts * MAX_RING_SHARE));
  const width = Math.max(3, String(options.rings).length);
  const bribedSoFar: string[] = [];

  const chooseInsiders = (from: number, to: number): string[] => {
    if (!rng.chance(RINGS_WITH_INSIDERS)) return [];
    const candidates = approvers.insiderCandidates(from, to).map((staff) => staff.id);
    const eligible = new Set(candidates);
    const reusable = bribedSoFar.filter((id) => eligible.has(id));
    const picked = reusable.length > 0 && rng.chance(0.15) ? [rng.pick(reusable)] : [];
    const wanted = Math.min(rng.chance(0.35) ? 2 : 1, candidates.length);
    while (picked.length < wanted) {
      const id = rng.pick(candidates);
      if (!picked.includes(id)) picked.push(id);
    }
    for (const id of picked) if (!bribedSoFar.includes(id)) bribedSoFar.push(id);
    return picked;
  };

  return sizes.map((size, i) => planRing(rng, `ring-${String(i + 1).padStart(width, "0")}`, size, { hubs, approvers, chooseInsiders }));
}

/**
 * Sizes between 3 and 25, most rings small; shrunk proportionally when they would take more
 * than `budget` accounts in total.
 * @example ringSizes(rng, 4, 1000) // → [4, 11, 3, 19]
 */
export function ringSizes(rng: Random, rings: number, budget: number): number[] {
  const sizes = Array.from({ length: rings }, () => MIN_SIZE + Math.floor((MAX_SIZE - MIN_SIZE + 1) * rng.next() ** 2));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total <= budget) return sizes;
  const factor = (budget - MIN_SIZE * rings) / (total - MIN_SIZE * rings);
  return sizes.map((size) => MIN_SIZE + Math.floor((size - MIN_SIZE) * factor));
}
