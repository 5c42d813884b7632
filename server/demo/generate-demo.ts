/**
 * The pure demo generator: employees, hubs, planted rings and refund-as-a-service rings first (small), then the account
 * population as a stream of chunks, then the ground truth. Each concern draws from its own
 * seeded stream, so e.g. the rings of a seed do not change with the population size's draws.
 */
import { ApproverPicker } from "./approver-picker.ts";
import type { DemoChunk, EmployeeRow } from "./demo-columns.ts";
import { DemoIds } from "./demo-ids.ts";
import { MAX_RING_SHARE, type DemoOptions } from "./demo-options.ts";
import { employeeCount, makeEmployees } from "./make-employees.ts";
import { makeHubs } from "./make-hubs.ts";
import { addRingPayments } from "./make-payment.ts";
import { planRings } from "./plan-rings.ts";
import { planServiceRings, serviceRingCount } from "./plan-service-rings.ts";
import { plantHardPatterns } from "./plant-hard-patterns.ts";
import { Random } from "./random.ts";
import { streamPopulation, type DemoTruth } from "./stream-population.ts";

export interface DemoGeneration {
  employees: EmployeeRow[];
  rings: number;
  /** Refund-as-a-service rings, tied only by their support contacts (plan-service-rings.ts). */
  serviceRings: number;
  ringAccounts: number;
  /** Yields the population chunk by chunk; its return value is the ground truth. */
  population: Generator<DemoChunk, DemoTruth, undefined>;
}

/**
 * @example
 * const demo = generateDemo({ accounts: 1000, rings: 5, seed: 7 });
 * for (let step = demo.population.next(); !step.done; step = demo.population.next()) use(step.value);
 */
export function generateDemo(options: DemoOptions): DemoGeneration {
  const { rows: employees, staff } = makeEmployees(new Random(options.seed, "employees"), employeeCount(options.accounts));
  const approvers = new ApproverPicker(staff);
  const hubs = makeHubs(new Random(options.seed, "hubs"));
  const plans = planRings(new Random(options.seed, "rings"), options, hubs, approvers);
  addRingPayments(new Random(options.seed, "ring-payments"), plans);
  if (options.hard) plantHardPatterns(new Random(options.seed, "hard"), plans);
  const budget = Math.floor(options.accounts * MAX_RING_SHARE) - plans.reduce((sum, plan) => sum + plan.members.length, 0);
  const services = planServiceRings(new Random(options.seed, "service-rings"), serviceRingCount(options.rings), budget, approvers);
  const planted = [...plans, ...services];
  const ctx = {
    rng: new Random(options.seed, "population"),
    payments: new Random(options.seed, "payments"),
    contacts: new Random(options.seed, "contacts"),
    ids: new DemoIds(options.accounts),
    hubs,
    approvers,
  };
  return {
    employees,
    rings: plans.length,
    serviceRings: services.length,
    ringAccounts: planted.reduce((sum, plan) => sum + plan.members.length, 0),
    population: streamPopulation(ctx, planted, options.accounts),
  };
}
