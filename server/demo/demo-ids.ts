/**
 * Identifier formats of the demo: sequential account, refund and contact ids (`A0000001`,
 * `RF000000001`, `CT000000001`)
 * padded to the population size, and random-looking order numbers. Pure.
 */
import type { Random } from "./random.ts";

export class DemoIds {
  private accounts = 0;
  private refunds = 0;
  private contacts = 0;
  private readonly accountWidth: number;

  constructor(totalAccounts: number) {
    this.accountWidth = Math.max(7, String(totalAccounts).length);
  }

  /** The next account: its id and its 0-based index (used to make contacts unique). */
  nextAccount(): { id: string; index: number } {
    const index = this.accounts++;
    return { id: `A${String(index + 1).padStart(this.accountWidth, "0")}`, index };
  }

  nextContact(): string {
    this.contacts += 1;
    return `CT${String(this.contacts).padStart(9, "0")}`;
  }

  nextRefund(): string {
    this.refunds += 1;
    return `RF${String(this.refunds).padStart(9, "0")}`;
  }
}

/** @example orderId(rng) // → "113-4827361-0092837" */
export function orderId(rng: Random): string {
  return `${rng.int(100, 999)}-${rng.int(1_000_000, 9_999_999)}-${String(rng.int(0, 9_999_999)).padStart(7, "0")}`;
}
