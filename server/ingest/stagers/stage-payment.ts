/**
 * Stages a payments.csv record: the Payment and the account's PAYS_WITH edge unless the
 * instrument id is a placeholder; remembers the payment so identifiers.csv does not clear it.
 */
import { hash53 } from "../../domain/hash.ts";
import { identifierValue, toPayment } from "../to-entities.ts";
import type { Stager } from "./stager.ts";

export const stagePayment: Stager = (values, rows, memory) => {
  const { payment, paysWith } = toPayment(values);
  const key = `${paysWith.accountId}\u0000${payment.id}`;
  const real = identifierValue("payment", payment.id, null) !== null;
  if (real) {
    memory.payments.add(payment.id);
    rows.Payment.set(payment.id, payment);
    rows.PAYS_WITH.set(key, paysWith);
  }
  return { key, content: hash53(JSON.stringify([payment, paysWith])), placeholder: !real };
};
