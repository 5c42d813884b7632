/**
 * A small seeded builder of analysis inputs for the domain tests: honest households and
 * singles, REKK-like rings with ground truth, reshippers, a pool of support agents with a busy
 * honest one, and planted insiders. Not the demo generator: small, explicit, test-only.
 */
import type { AccountFact, AnalysisInput, LinkFact, RefundFact } from "../../../server/domain/analysis-types.ts";
import type { LinkLabel } from "../../../server/domain/model.ts";
import { mulberry32 } from "../../../server/domain/rings/seeded-rng.ts";

export const DAY = 86_400_000;
export const NOW = Date.UTC(2024, 5, 1);

export interface RingSpec {
  size?: number;
  countries?: string[];
  devices?: number;
  addresses?: number;
  refundsPerAccount?: number;
  /** Employee approving `insiderRate` of the ring's refunds. */
  insider?: string;
  insiderRate?: number;
}

export class SyntheticWorld {
  readonly accounts: AccountFact[] = [];
  readonly links: LinkFact[] = [];
  readonly refunds: RefundFact[] = [];
  readonly truth = { rings: new Map<string, string[]>(), insiders: [] as { ringId: string; employeeId: string }[] };
  private readonly random: () => number;
  private counter = 0;
  /** Honest agents and their share of ordinary approvals; "agent-busy" takes 40%. */
  agents: [string, number][] = [
    ["agent-busy", 0.4],
    ["agent-2", 0.15],
    ["agent-3", 0.15],
    ["agent-4", 0.15],
    ["agent-5", 0.15],
  ];

  constructor(seed = 1) {
    this.random = mulberry32(seed);
  }

  next(prefix: string): string {
    return `${prefix}-${String(++this.counter).padStart(5, "0")}`;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  between(lo: number, hi: number): number {
    return lo + this.random() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  account(country: string, ageDays: number): string {
    const id = this.next("acc");
    this.accounts.push({ id, createdAt: NOW - ageDays * DAY, country });
    return id;
  }

  link(accountId: string, kind: LinkLabel, identifierId: string): void {
    this.links.push({ accountId, kind, identifierId });
  }

  refund(accountId: string, fields: Partial<Omit<RefundFact, "id" | "accountId">> = {}): void {
    this.refunds.push({
      id: this.next("ref"),
      accountId,
      employeeId: fields.employeeId === undefined ? this.agent() : fields.employeeId,
      amount: fields.amount ?? Math.round(this.between(20, 150)),
      category: fields.category ?? this.pick(["apparel", "grocery", "home", "books"]),
      returned: fields.returned === undefined ? this.chance(0.85) : fields.returned,
      requestedAt: fields.requestedAt ?? NOW - Math.floor(this.between(1, 365)) * DAY,
      status: fields.status ?? "approved",
    });
  }

  /** An honest agent by workload share. */
  agent(): string {
    let x = this.random();
    for (const [id, share] of this.agents) {
      x -= share;
      if (x < 0) return id;
    }
    return this.agents[this.agents.length - 1][0];
  }

  /** Old accounts of one country sharing one address (and sometimes a computer), returns mostly made. */
  household(size = 3, country = "US"): string[] {
    const address = this.next("addr");
    const sharedDevice = this.chance(0.5) ? this.next("dev") : null;
    const ids: string[] = [];
    for (let i = 0; i < size; i++) {
      const id = this.account(country, this.between(700, 2500));
      this.link(id, "Address", address);
      this.link(id, "Device", sharedDevice ?? this.next("dev"));
      const count = Math.floor(this.between(0, 3));
      for (let r = 0; r < count; r++) this.refund(id);
      ids.push(id);
    }
    return ids;
  }

  /** A lone honest customer with own address and device. */
  single(country = "US"): string {
    const id = this.account(country, this.between(100, 3000));
    this.link(id, "Address", this.next("addr"));
    this.link(id, "Device", this.next("dev"));
    if (this.chance(0.6)) this.refund(id);
    return id;
  }

  /**
   * A REKK-like ring: young accounts in several countries on a few shared devices and
   * addresses, high-value refunds without return in a burst, optionally an insider.
   * Recorded in the ground truth under the returned id.
   */
  ring(spec: RingSpec = {}): { ringId: string; accountIds: string[] } {
    const size = spec.size ?? 12;
    const countries = spec.countries ?? ["US", "GB", "LT", "NL"];
    const devices = Array.from({ length: spec.devices ?? 3 }, () => this.next("dev"));
    const addresses = Array.from({ length: spec.addresses ?? 2 }, () => this.next("addr"));
    const burst = NOW - Math.floor(this.between(20, 200)) * DAY;
    const ids: string[] = [];
    for (let i = 0; i < size; i++) {
      const firstRefundAt = burst + Math.floor(this.between(0, 6)) * DAY;
      const id = this.account(countries[i % countries.length], (NOW - firstRefundAt) / DAY + this.between(5, 25));
      this.link(id, "Device", devices[i % devices.length]);
      this.link(id, "Device", devices[(i + 1) % devices.length]);
      this.link(id, "Address", addresses[i % addresses.length]);
      for (let r = 0; r < (spec.refundsPerAccount ?? 2); r++) {
        const byInsider = spec.insider !== undefined && this.chance(spec.insiderRate ?? 0.8);
        this.refund(id, {
          employeeId: byInsider ? spec.insider : this.agent(),
          amount: Math.round(this.between(800, 2500)),
          category: this.pick(["laptop", "phone", "console", "jewelry", "gold"]),
          returned: !this.chance(0.9),
          requestedAt: firstRefundAt + r * Math.floor(this.between(0, 3)) * DAY,
        });
      }
      ids.push(id);
    }
    const ringId = `P${this.truth.rings.size + 1}`;
    this.truth.rings.set(ringId, ids);
    if (spec.insider !== undefined) this.truth.insiders.push({ ringId, employeeId: spec.insider });
    return { ringId, accountIds: ids };
  }

  /** A reshipper address used by the given accounts. */
  reshipper(accountIds: readonly string[]): string {
    const address = this.next("reship");
    for (const id of accountIds) this.link(id, "Address", address);
    return address;
  }

  build(): AnalysisInput {
    return { accounts: [...this.accounts], links: [...this.links], refunds: [...this.refunds] };
  }
}

/** A world of honest background (households and singles) around `rings` planted REKK-like rings. */
export function plantedWorld(seed = 1, rings: RingSpec[] = [{ insider: "agent-bribed" }, {}, { size: 8 }]): SyntheticWorld {
  const world = new SyntheticWorld(seed);
  for (let h = 0; h < 60; h++) world.household(2 + (h % 3), world.pick(["US", "GB", "DE"]));
  for (let s = 0; s < 300; s++) world.single(world.pick(["US", "GB", "DE"]));
  for (const spec of rings) world.ring(spec);
  return world;
}
