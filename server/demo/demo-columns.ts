/**
 * The CSV columns the demo writes, exactly as docs/input-format.md names them, and the row types built
 * from them: every cell is a string, an empty string is an absent value.
 */

export const DEMO_COLUMNS = {
  accounts: ["account_id", "created_at", "country", "email", "phone", "name", "status"],
  addresses: ["account_id", "line1", "line2", "city", "postal_code", "region", "country", "type"],
  devices: ["account_id", "device_id", "ip", "user_agent", "first_seen", "last_seen"],
  payments: ["account_id", "payment_id", "type", "last4", "first_seen"],
  employees: ["employee_id", "name", "team", "site", "country", "hired_at", "left_at"],
  refunds: [
    "refund_id",
    "account_id",
    "order_id",
    "employee_id",
    "amount",
    "currency",
    "item",
    "category",
    "requested_at",
    "approved_at",
    "returned",
    "channel",
    "status",
  ],
  contacts: ["contact_id", "account_id", "refund_id", "employee_id", "channel", "at", "device_id", "ip", "phone", "email", "handle"],
  rings: ["ring_id", "account_id"],
  insiders: ["ring_id", "employee_id"],
  /** Hard-mode patterns: bridge (detail: the other crew), relative (detail: the shared device), typo (detail: the slipped line1). */
  patterns: ["pattern", "ring_id", "account_id", "detail"],
} as const;

export type DemoTable = keyof typeof DEMO_COLUMNS;
export type DemoRow<T extends DemoTable> = Record<(typeof DEMO_COLUMNS)[T][number], string>;

export type AccountRow = DemoRow<"accounts">;
export type AddressRow = DemoRow<"addresses">;
export type DeviceRow = DemoRow<"devices">;
export type PaymentRow = DemoRow<"payments">;
export type EmployeeRow = DemoRow<"employees">;
export type RefundRow = DemoRow<"refunds">;
export type ContactRow = DemoRow<"contacts">;
export type TruthRingRow = DemoRow<"rings">;
export type TruthInsiderRow = DemoRow<"insiders">;
export type TruthPatternRow = DemoRow<"patterns">;

/** The population is produced in chunks of whole households, so memory stays bounded. */
export interface DemoChunk {
  accounts: AccountRow[];
  addresses: AddressRow[];
  devices: DeviceRow[];
  payments: PaymentRow[];
  refunds: RefundRow[];
  contacts: ContactRow[];
}

export function emptyChunk(): DemoChunk {
  return { accounts: [], addresses: [], devices: [], payments: [], refunds: [], contacts: [] };
}
