/**
 * The graph model as plain TypeScript data: the entities of docs/input-format.md after validation
 * and normalisation. Pure types and constants; imports nothing from I/O, stores or Express.
 */

/** Times are epoch milliseconds (UTC); absent values are null. */
export type Millis = number;

export interface Account {
  id: string;
  createdAt: Millis | null;
  country: string | null;
  email: string | null;
  phone: string | null;
  name: string | null;
  status: string | null;
}

export interface Address {
  /** The normalised key (see normaliseAddressKey). */
  id: string;
  line1: string;
  line2: string | null;
  city: string | null;
  postalCode: string | null;
  region: string | null;
  country: string | null;
}

export interface Device {
  id: string;
  ip: string | null;
  userAgent: string | null;
}

export interface Employee {
  id: string;
  name: string | null;
  team: string | null;
  site: string | null;
  country: string | null;
  hiredAt: Millis | null;
  leftAt: Millis | null;
}

export interface Refund {
  id: string;
  accountId: string;
  employeeId: string | null;
  orderId: string | null;
  amount: number;
  currency: string;
  item: string | null;
  category: string | null;
  requestedAt: Millis | null;
  approvedAt: Millis | null;
  returned: boolean | null;
  channel: string | null;
  status: string;
}

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

export interface Payment {
  /** Card fingerprint or token, never a card number. */
  id: string;
  type: string | null;
  last4: string | null;
}

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
