/**
 * The graph model as plain TypeScript data: the entities of docs/input-format.md after validation
 * and normalisation. Pure types and constants; imports nothing from I/O, stores or Express.
 * The node rows are the graph description's (server/schema/graph-schema.ts), so a property
 * added there is in these types at once.
 */
import type { NodeRow } from "../schema/graph-schema.ts";

/** Times are epoch milliseconds (UTC); absent values are null. */
export type Millis = number;

/** An account as loaded (accounts.csv): the graph description's Account row. */
export type Account = NodeRow<"Account">;

/** A delivery address; its id is the normalised address key (domain/normalise/address-key.ts). */
export type Address = NodeRow<"Address">;

/** A device fingerprint an account used (devices.csv). */
export type Device = NodeRow<"Device">;

/** A support agent or other employee who approves refunds (employees.csv). */
export type Employee = NodeRow<"Employee">;

/** A refund with the account that requested it and the employee who approved it (refunds.csv). */
export type Refund = NodeRow<"Refund">;

export interface ShipsTo {
  accountId: string;
  addressId: string;
  type: "shipping" | "billing";
}

export interface Uses {
  accountId: string;
  deviceId: string;
  firstSeen: Millis | null;
  lastSeen: Millis | null;
}

/** An identifier node that is only its normalised value (Email, Phone, IP). */
export interface IdentifierNode {
  id: string;
}

/** A payment instrument: its id is a card fingerprint or token, never a card number. */
export type Payment = NodeRow<"Payment">;

/** An account's use of an Email, Phone or IP (HAS_EMAIL, HAS_PHONE, USES_IP). */
export interface IdentifierUse {
  accountId: string;
  identifierId: string;
}

export interface PaysWith {
  accountId: string;
  identifierId: string;
  firstSeen: Millis | null;
}

/**
 * Identifier kinds that can join accounts. Data, not code paths: a new kind is one more entry
 * here plus its node kind and relationship in server/schema/graph-schema.ts (a test checks
 * they agree); whether it links, its hub threshold and its weight come
 * from the link policy (domain/rings/link-policy.ts), keyed by `name`.
 */
export const IDENTIFIER_KINDS = [
  { label: "Address", rel: "SHIPS_TO", name: "address" },
  { label: "Device", rel: "USES", name: "device" },
  { label: "Email", rel: "HAS_EMAIL", name: "email" },
  { label: "Phone", rel: "HAS_PHONE", name: "phone" },
  { label: "Payment", rel: "PAYS_WITH", name: "payment" },
  { label: "IP", rel: "USES_IP", name: "ip" },
] as const;
export type IdentifierLabel = (typeof IDENTIFIER_KINDS)[number]["label"];
export type IdentifierName = (typeof IDENTIFIER_KINDS)[number]["name"];

/** The kind of an identifier label or name, case-insensitive; undefined when unknown. */
export function identifierKind(text: string): (typeof IDENTIFIER_KINDS)[number] | undefined {
  const t = text.trim().toLowerCase();
  return IDENTIFIER_KINDS.find((k) => k.name === t || k.label.toLowerCase() === t);
}

export const HIGH_VALUE_CATEGORIES = ["laptop", "phone", "console", "jewelry", "gold", "tablet", "camera"] as const;
