/**
 * Turns a validated record into the graph rows it stands for. Plain columns come from the graph
 * description (copy-columns.ts); written here is only what is normalised on the way (address
 * key, email, phone, country codes, lower-cased categories and channels, the currency). Pure.
 */
import { normaliseAddressKey } from "../domain/normalise/address-key.ts";
import { normaliseEmail, normaliseHandle, normalisePhone } from "../domain/normalise/contact.ts";
import { isPlaceholder } from "../domain/normalise/placeholders.ts";
import type {
  Account,
  Address,
  Contact,
  Device,
  Employee,
  IdentifierName,
  Payment,
  PaysWith,
  Refund,
  ShipsTo,
  Uses,
} from "../domain/model.ts";
import type { CellValue } from "./validate-record.ts";
import { columnsOf } from "./copy-columns.ts";

type Values = Record<string, CellValue>;
const str = (v: CellValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
const time = (v: CellValue | undefined): number | null => (typeof v === "number" ? v : null);
const upper = (v: CellValue | undefined): string | null => str(v)?.toUpperCase() ?? null;

export function toAccount(v: Values): Account {
  const email = str(v.email);
  const phone = str(v.phone);
  return {
    id: str(v.account_id)!,
    ...columnsOf("Account", "accounts", v),
    country: upper(v.country),
    email: email ? normaliseEmail(email) : null,
    phone: phone ? normalisePhone(phone, str(v.country)) : null,
  };
}

export function toEmployee(v: Values): Employee {
  return { id: str(v.employee_id)!, ...columnsOf("Employee", "employees", v), country: upper(v.country) };
}

export function toAddress(v: Values): { address: Address; shipsTo: ShipsTo } {
  const parts = { ...columnsOf("Address", "addresses", v), country: upper(v.country) };
  const id = normaliseAddressKey(parts);
  return {
    address: { id, ...parts },
    shipsTo: { accountId: str(v.account_id)!, addressId: id, type: (str(v.type) ?? "shipping") as ShipsTo["type"] },
  };
}

export function toDevice(v: Values): { device: Device; uses: Uses } {
  const id = str(v.device_id)!;
  return {
    device: { id, ...columnsOf("Device", "devices", v) },
    uses: { accountId: str(v.account_id)!, deviceId: id, firstSeen: time(v.first_seen), lastSeen: time(v.last_seen) },
  };
}

export function toRefund(v: Values): Refund {
  return {
    id: str(v.refund_id)!,
    accountId: str(v.account_id)!,
    employeeId: str(v.employee_id),
    ...columnsOf("Refund", "refunds", v),
    currency: upper(v.currency) ?? "USD",
    category: str(v.category)?.toLowerCase() ?? null,
    channel: str(v.channel)?.toLowerCase() ?? null,
  };
}

export function toPayment(v: Values): { payment: Payment; paysWith: PaysWith } {
  const id = str(v.payment_id)!.trim();
  return {
    payment: { id, ...columnsOf("Payment", "payments", v), type: str(v.type)?.toLowerCase() ?? null },
    paysWith: { accountId: str(v.account_id)!, identifierId: id, firstSeen: time(v.first_seen) },
  };
}

export function toContact(v: Values): Contact {
  return {
    id: str(v.contact_id)!,
    accountId: str(v.account_id)!,
    refundId: str(v.refund_id),
    employeeId: str(v.employee_id),
    ...columnsOf("Contact", "contacts", v),
    channel: str(v.channel)?.toLowerCase() ?? null,
  };
}

/**
 * An identifier value in its normalised form, or null when it is a placeholder that must not
 * link. `country` is the account's, for phone numbers written without their prefix.
 *
 * @example identifierValue("phone", "(212) 555-2368", "US") // "+12125552368"
 * @example identifierValue("email", "TEST@test.com", null)  // null
 */
export function identifierValue(kind: IdentifierName | "handle", raw: string, country: string | null): string | null {
  const value =
    kind === "email"
      ? normaliseEmail(raw)
      : kind === "phone"
        ? normalisePhone(raw, country)
        : kind === "handle"
          ? normaliseHandle(raw)
          : raw.trim();
  return usableIdentifier(kind, raw, value);
}

/** `value`, the normalised form of `raw`, or null when either is a placeholder that must not link. */
export function usableIdentifier(kind: IdentifierName | "handle", raw: string, value: string): string | null {
  return isPlaceholder(kind, value) || isPlaceholder(kind, raw) ? null : value;
}
