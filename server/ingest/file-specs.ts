/**
 * The input contract of docs/input-format.md as data: per file, its columns with their rule. The
 * validator reads these specs; nothing else hard-codes column names.
 */
export const FILE_KINDS = ["accounts", "employees", "addresses", "devices", "payments", "identifiers", "refunds", "contacts"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export type ColumnRule =
  | { type: "string" }
  | { type: "date" }
  | { type: "amount" }
  | { type: "boolean" }
  | { type: "enum"; values: readonly string[] }
  | { type: "ref"; to: "accounts" | "employees" | "refunds" };

export interface ColumnSpec {
  name: string;
  required: boolean;
  rule: ColumnRule;
}

const col = (name: string, rule: ColumnRule = { type: "string" }, required = false): ColumnSpec => ({ name, required, rule });
const req = (name: string, rule: ColumnRule = { type: "string" }): ColumnSpec => col(name, rule, true);
const date = { type: "date" } as const;

/** Kinds `identifiers.csv` may carry: an account's further emails, phones, IPs and payment instruments. */
export const EXTRA_IDENTIFIER_TYPES = ["email", "phone", "ip", "payment"] as const;

export const FILE_SPECS: Record<FileKind, ColumnSpec[]> = {
  accounts: [
    req("account_id"),
    col("created_at", date),
    col("country"),
    col("email"),
    col("phone"),
    col("name"),
    col("status", { type: "enum", values: ["active", "closed", "suspended"] }),
  ],
  employees: [req("employee_id"), col("name"), col("team"), col("site"), col("country"), col("hired_at", date), col("left_at", date)],
  addresses: [
    req("account_id", { type: "ref", to: "accounts" }),
    req("line1"),
    col("line2"),
    col("city"),
    col("postal_code"),
    col("region"),
    col("country"),
    col("type", { type: "enum", values: ["shipping", "billing"] }),
  ],
  devices: [
    req("account_id", { type: "ref", to: "accounts" }),
    req("device_id"),
    col("ip"),
    col("user_agent"),
    col("first_seen", date),
    col("last_seen", date),
  ],
  payments: [req("account_id", { type: "ref", to: "accounts" }), req("payment_id"), col("type"), col("last4"), col("first_seen", date)],
  identifiers: [
    req("account_id", { type: "ref", to: "accounts" }),
    req("type", { type: "enum", values: EXTRA_IDENTIFIER_TYPES }),
    req("value"),
  ],
  refunds: [
    req("refund_id"),
    req("account_id", { type: "ref", to: "accounts" }),
    col("order_id"),
    col("employee_id", { type: "ref", to: "employees" }),
    req("amount", { type: "amount" }),
    col("currency"),
    col("item"),
    col("category"),
    col("requested_at", date),
    col("approved_at", date),
    col("returned", { type: "boolean" }),
    col("channel"),
    col("status", { type: "enum", values: ["approved", "denied", "pending"] }),
  ],
  contacts: [
    req("contact_id"),
    req("account_id", { type: "ref", to: "accounts" }),
    col("refund_id", { type: "ref", to: "refunds" }),
    col("employee_id", { type: "ref", to: "employees" }),
    col("channel"),
    col("at", date),
    col("device_id"),
    col("ip"),
    col("phone"),
    col("email"),
    col("handle"),
  ],
};
