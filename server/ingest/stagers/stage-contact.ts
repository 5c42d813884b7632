/**
 * Stages a contacts.csv record: the Contact (the store ties it to its account, refund and
 * agent) and its ties to the contacting party's identifiers — the same Device, Phone, Email
 * and IP nodes accounts use, normalised alike (a phone in the account's country), and a
 * Handle. Placeholder values are not tied. A device not named by devices.csv gets a bare node.
 */
import { hash53 } from "../../domain/hash.ts";
import { bareNode } from "../copy-columns.ts";
import type { PendingRows } from "../pending-batch.ts";
import { identifierValue, toContact } from "../to-entities.ts";
import { cellText, type Stager, type StagingMemory } from "./stager.ts";

const TIES = [
  { column: "device_id", kind: "device", node: "Device", edge: "FROM_DEVICE" },
  { column: "phone", kind: "phone", node: "Phone", edge: "FROM_PHONE" },
  { column: "email", kind: "email", node: "Email", edge: "FROM_EMAIL" },
  { column: "ip", kind: "ip", node: "IP", edge: "FROM_IP" },
  { column: "handle", kind: "handle", node: "Handle", edge: "FROM_HANDLE" },
] as const;

export const stageContact: Stager = (values, rows, memory) => {
  const contact = toContact(values);
  rows.Contact.set(contact.id, contact);
  const country = memory.countries.get(contact.accountId) ?? null;
  let placeholder = false;
  const tied: (string | null)[] = [];
  for (const tie of TIES) {
    const raw = cellText(values[tie.column]);
    const value = raw === null ? null : identifierValue(tie.kind, raw, country);
    if (raw !== null && value === null) placeholder = true;
    tied.push(value);
    if (value !== null) stageTie(rows, memory, tie, contact.id, value);
  }
  return { key: contact.id, content: hash53(JSON.stringify([contact, tied])), placeholder };
};

function stageTie(rows: PendingRows, memory: StagingMemory, tie: (typeof TIES)[number], contactId: string, value: string): void {
  if (tie.node === "Device") {
    if (!memory.devices.has(value)) rows.Device.set(value, bareNode("Device", value));
  } else rows[tie.node].set(value, { id: value });
  rows[tie.edge].set(`${contactId}\u0000${value}`, { contactId, identifierId: value });
}
