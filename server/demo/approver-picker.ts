/**
 * Chooses which support employee decides a refund: proportional to each agent's workload
 * (cumulative weights and binary search, so a pick is O(log n) at thousands of agents), and only
 * among agents employed at that moment. Also lists who could plausibly be bribed by a ring.
 */
import type { Staff } from "./make-employees.ts";
import type { Random } from "./random.ts";

/** The busiest agents are not chosen as insiders: their baseline would hide a ring. */
const BUSIEST_EXCLUDED = 5;
const TRIES = 8;

export class ApproverPicker {
  private readonly cumulative: Float64Array;

  constructor(private readonly staff: readonly Staff[]) {
    this.cumulative = new Float64Array(staff.length);
    let total = 0;
    staff.forEach((member, i) => {
      total += member.weight;
      this.cumulative[i] = total;
    });
  }

  /** An agent employed at `at`, or null when the draw keeps hitting people not employed then. */
  pick(rng: Random, at: number): string | null {
    const total = this.cumulative[this.cumulative.length - 1] ?? 0;
    for (let attempt = 0; attempt < TRIES; attempt++) {
      const member = this.staff[this.search(rng.next() * total)] as Staff;
      if (employedDuring(member, at, at)) return member.id;
    }
    return null;
  }

  /** Agents employed over the whole window, busiest few excluded. */
  insiderCandidates(from: number, to: number): Staff[] {
    return this.staff.filter((member) => member.rank > BUSIEST_EXCLUDED && employedDuring(member, from, to));
  }

  private search(target: number): number {
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) <= target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function employedDuring(member: Staff, from: number, to: number): boolean {
  return member.hiredAt <= from && (member.leftAt === null || member.leftAt > to);
}
