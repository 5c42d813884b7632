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

/** A support contact (contacts.csv): about an account, maybe a refund, handled by an agent. */
export type Contact = NodeRow<"Contact">;

/** A contact's tie to the contacting party's identifier (FROM_DEVICE, FROM_PHONE, FROM_EMAIL, FROM_IP, FROM_HANDLE). */
export interface ContactUse {
  contactId: string;
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

/**
 * Identifiers of the contacting party in support contacts (contacts.csv). They link the
 * accounts the contacts were about (a refund-as-a-service operator contacts support for many
 * customers who share nothing else), as link kinds of their own: `label` names the kind in
 * detection (hubs, reasons, the policy by `name`), `node` the node kind the identifier is (the
 * same Device, Phone, Email and IP nodes accounts use), `rel` the contact's relationship to it,
 * `noun` how a reason says it. A store kiosk is a hub of its own kind, whatever accounts do.
 */
export const CONTACT_LINK_KINDS = [
  { label: "ContactDevice", node: "Device", rel: "FROM_DEVICE", name: "contact-device", noun: "device" },
  { label: "ContactPhone", node: "Phone", rel: "FROM_PHONE", name: "contact-phone", noun: "phone" },
  { label: "ContactEmail", node: "Email", rel: "FROM_EMAIL", name: "contact-email", noun: "email" },
  { label: "ContactIP", node: "IP", rel: "FROM_IP", name: "contact-ip", noun: "IP" },
  { label: "Handle", node: "Handle", rel: "FROM_HANDLE", name: "handle", noun: "handle" },
] as const;
export type ContactLinkLabel = (typeof CONTACT_LINK_KINDS)[number]["label"];

/** Every kind that can join accounts: an account's own identifiers, then those seen in its support contacts. */
export const LINK_KINDS = [
  ...IDENTIFIER_KINDS.map((k) => ({ ...k, node: k.label })),
  ...CONTACT_LINK_KINDS.map((k) => ({ label: k.label, rel: k.rel, name: k.name, node: k.node })),
] as readonly {
  label: IdentifierLabel | ContactLinkLabel;
  rel: string;
  name: IdentifierName | (typeof CONTACT_LINK_KINDS)[number]["name"];
  node: IdentifierLabel | "Handle";
}[];
/** A link kind as detection names it: an identifier label (`Device`) or a contact link label (`ContactDevice`). */
export type LinkLabel = IdentifierLabel | ContactLinkLabel;
export type LinkName = IdentifierName | (typeof CONTACT_LINK_KINDS)[number]["name"];

/** The link kind of a label or policy name, case-insensitive; undefined when unknown. */
export function linkKind(text: string): (typeof LINK_KINDS)[number] | undefined {
  const t = text.trim().toLowerCase();
  return LINK_KINDS.find((k) => k.name === t || k.label.toLowerCase() === t);
}

/**
 * The node kind an identifier of a link kind is, for keys the viewer finds (`Device:d-1`).
 * @example nodeLabelOf("ContactDevice") // "Device"
 */
export function nodeLabelOf(label: LinkLabel): IdentifierLabel | "Handle" {
  return LINK_KINDS.find((k) => k.label === label)?.node ?? (label as IdentifierLabel);
}

/** The contact link kind of a label, when it is one. */
export function contactKindOf(label: LinkLabel): (typeof CONTACT_LINK_KINDS)[number] | undefined {
  return CONTACT_LINK_KINDS.find((k) => k.label === label);
}

/** The kind of an identifier label or name, case-insensitive; undefined when unknown. */
export function identifierKind(text: string): (typeof IDENTIFIER_KINDS)[number] | undefined {
  const t = text.trim().toLowerCase();
  return IDENTIFIER_KINDS.find((k) => k.name === t || k.label.toLowerCase() === t);
}

export const HIGH_VALUE_CATEGORIES = ["laptop", "phone", "console", "jewelry", "gold", "tablet", "camera"] as const;
