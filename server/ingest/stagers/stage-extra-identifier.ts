/**
 * Stages an identifiers.csv record, an account's further email, phone, IP or payment
 * instrument: the identifier and the account's edge to it, unless the value is a placeholder.
 * A payment not named by payments.csv gets a node without type and last4.
 */
import type { PendingRows } from "../pending-batch.ts";
import { bareNode } from "../copy-columns.ts";
import { identifierValue } from "../to-entities.ts";
import type { EXTRA_IDENTIFIER_TYPES } from "../file-specs.ts";
import { stageIdentifierUse } from "./stage-identifier-use.ts";
import { cellText, type Stager, type StagingMemory } from "./stager.ts";

export const stageExtraIdentifier: Stager = (values, rows, memory) => {
  const accountId = cellText(values.account_id)!;
  const type = cellText(values.type) as (typeof EXTRA_IDENTIFIER_TYPES)[number];
  const raw = cellText(values.value)!;
  const key = `${accountId}\u0000${type}\u0000${raw.trim()}`;
  const real =
    type === "payment"
      ? stagePaymentUse(rows, memory, accountId, raw)
      : stageIdentifierUse(rows, type, accountId, raw, memory.countries.get(accountId) ?? null, key);
  return { key, content: 0, placeholder: !real };
};

/** False when `raw` is a placeholder and nothing was staged. */
function stagePaymentUse(rows: PendingRows, memory: StagingMemory, accountId: string, raw: string): boolean {
  if (identifierValue("payment", raw, null) === null) return false;
  const id = raw.trim();
  if (!memory.payments.has(id)) rows.Payment.set(id, bareNode("Payment", id));
  rows.PAYS_WITH.set(`${accountId}\u0000${id}`, { accountId, identifierId: id, firstSeen: null });
  return true;
}
