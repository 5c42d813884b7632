/**
 * Stages an accounts.csv record: the Account, its contact email and phone, and what later files
 * need of it (its id for their references, its country for their phone numbers).
 */
import { hash53 } from "../../domain/hash.ts";
import { toAccount } from "../to-entities.ts";
import { stageNormalisedUse } from "./stage-identifier-use.ts";
import { cellText, type Stager } from "./stager.ts";

export const stageAccount: Stager = (values, rows, memory) => {
  const row = toAccount(values);
  rows.Account.set(row.id, row);
  memory.countries.set(row.id, row.country);
  memory.known.accounts.add(row.id);
  // Keyed by account: a later row of the same account replaces its contact identifiers.
  const useKey = `${row.id}\u0000account`;
  const email = stageNormalisedUse(rows, "email", row.id, cellText(values.email), row.email, useKey);
  const phone = stageNormalisedUse(rows, "phone", row.id, cellText(values.phone), row.phone, useKey);
  return { key: row.id, content: hash53(JSON.stringify(row)), placeholder: !email || !phone };
};
