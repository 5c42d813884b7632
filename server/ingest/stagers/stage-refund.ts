/**
 * Stages a refunds.csv record: the Refund (the store links it to its account and approver);
 * remembers its id when contacts.csv will refer to it.
 */
import { hash53 } from "../../domain/hash.ts";
import { toRefund } from "../to-entities.ts";
import type { Stager } from "./stager.ts";

export const stageRefund: Stager = (values, rows, memory) => {
  const row = toRefund(values);
  rows.Refund.set(row.id, row);
  if (memory.contacts) memory.known.refunds.add(row.id);
  return { key: row.id, content: hash53(JSON.stringify(row)), placeholder: false };
};
