/** Stages a refunds.csv record: the Refund (the store links it to its account and approver). */
import { hash53 } from "../../domain/hash.ts";
import { toRefund } from "../to-entities.ts";
import type { Stager } from "./stager.ts";

export const stageRefund: Stager = (values, rows) => {
  const row = toRefund(values);
  rows.Refund.set(row.id, row);
  return { key: row.id, content: hash53(JSON.stringify(row)), placeholder: false };
};
