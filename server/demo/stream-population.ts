/**
 * Streams the account population in chunks of whole households, placing the planted ring
 * members at random points among them (sequential selection sampling, so ring accounts are
 * spread evenly over the id range without holding the population in memory). Returns the
 * ground truth — which account ids each ring got — once the last chunk is out. Support
 * contacts come with each chunk: drafted ones with their refunds, honest ones for the rest.
 */
import { HIGH_VALUE_CATEGORIES } from "../domain/model.ts";
import type { DemoChunk, TruthInsiderRow, TruthPatternRow, TruthRingRow } from "./demo-columns.ts";
import { emptyChunk } from "./demo-columns.ts";
import type { DemoContext } from "./demo-context.ts";
import { householdSize, makeHousehold, MEAN_HOUSEHOLD, type Neighbourhood } from "./make-household.ts";
import { addHonestContacts, contactRow } from "./make-contacts.ts";
import type { RingMemberPlan, RingPlan } from "./plan-ring.ts";

const HIGH_VALUE = new Set<string>(HIGH_VALUE_CATEGORIES);

export interface DemoTruth {
  rings: TruthRingRow[];
  insiders: TruthInsiderRow[];
  /** Hard-mode patterns (empty in normal mode). */
  patterns: TruthPatternRow[];
}

/** Accounts per chunk (a chunk may run over by one household). */
export const CHUNK_ACCOUNTS = 250;

export function* streamPopulation(
  ctx: DemoContext,
  plans: readonly RingPlan[],
  totalAccounts: number,
): Generator<DemoChunk, DemoTruth, undefined> {
  const queue = ctx.rng.shuffle(plans.flatMap((plan) => plan.members.map((member) => ({ ringId: plan.id, member }))));
  let ringLeft = queue.length;
  let honestLeft = totalAccounts - ringLeft;
  const truth: TruthRingRow[] = [];
  const patterns: TruthPatternRow[] = [];
  const neighbourhood: Neighbourhood = { familyDevice: null };

  while (ringLeft + honestLeft > 0) {
    const chunk = emptyChunk();
    const drafted = new Set<string>();
    while (chunk.accounts.length < CHUNK_ACCOUNTS && ringLeft + honestLeft > 0) {
      // Weigh ring members against households, not accounts, so both run out together.
      if (ctx.rng.next() * (ringLeft + honestLeft / MEAN_HOUSEHOLD) < ringLeft) {
        const { ringId, member } = queue[queue.length - ringLeft]!;
        const accountId = emitMember(ctx, member, chunk);
        if (member.contacts) drafted.add(accountId);
        truth.push({ ring_id: ringId, account_id: accountId });
        for (const { pattern, detail } of member.patterns) patterns.push({ pattern, ring_id: ringId, account_id: accountId, detail });
        ringLeft--;
        if (member.relatives !== null && honestLeft > 0) {
          // The honest household on the member's tablet, right beside it in the id range.
          const size = Math.min(member.relatives.size, honestLeft);
          const first = chunk.accounts.length;
          const firstRefund = chunk.refunds.length;
          makeHousehold(ctx, size, chunk, neighbourhood, member.relatives.device);
          // The pattern is an honest household without the ring's behaviour; the everyday refund
          // generator now and then gives one a high-value refund (a kept laptop), which would make
          // it another case, so planted relatives keep only their everyday refunds.
          const kept = chunk.refunds.slice(firstRefund).filter((r) => !HIGH_VALUE.has(r.category));
          chunk.refunds.splice(firstRefund, chunk.refunds.length - firstRefund, ...kept);
          for (const row of chunk.accounts.slice(first)) {
            patterns.push({ pattern: "relative", ring_id: ringId, account_id: row.account_id, detail: member.relatives.device.deviceId });
          }
          honestLeft -= size;
        }
      } else {
        const size = Math.min(householdSize(ctx), honestLeft);
        makeHousehold(ctx, size, chunk, neighbourhood);
        honestLeft -= size;
      }
    }
    addHonestContacts(ctx.contacts, ctx.ids, chunk, ctx.hubs.kiosks, drafted);
    yield chunk;
  }
  truth.sort((a, b) => compare(a.ring_id, b.ring_id) || compare(a.account_id, b.account_id));
  const insiders = plans.flatMap((plan) => plan.insiders.map((employeeId) => ({ ring_id: plan.id, employee_id: employeeId })));
  patterns.sort((a, b) => compare(a.pattern, b.pattern) || compare(a.ring_id, b.ring_id) || compare(a.account_id, b.account_id));
  return { rings: truth, insiders, patterns };
}

function emitMember(ctx: DemoContext, member: RingMemberPlan, chunk: DemoChunk): string {
  const accountId = ctx.ids.nextAccount().id;
  chunk.accounts.push({ account_id: accountId, ...member.account });
  for (const address of member.addresses) chunk.addresses.push({ account_id: accountId, ...address });
  for (const device of member.devices) chunk.devices.push({ account_id: accountId, ...device });
  for (const payment of member.payments) chunk.payments.push({ account_id: accountId, ...payment });
  member.refunds.forEach((draft, r) => {
    const refund = { refund_id: ctx.ids.nextRefund(), account_id: accountId, ...draft };
    chunk.refunds.push(refund);
    const contact = member.contacts?.[r];
    if (contact) chunk.contacts.push(contactRow(ctx.ids, refund, contact));
  });
  return accountId;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
