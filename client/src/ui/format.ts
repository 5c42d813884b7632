/**
 * Number, money, share and date formatting for panels and tables. Pure functions, locale
 * fixed to "en" so screenshots and tests read the same everywhere.
 */

const integer = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/** 12345.6 → "12,346". */
export function formatInt(value: number): string {
  return integer.format(value);
}

/** 1.2345 → "1.23". */
export function formatNumber(value: number): string {
  return decimal.format(value);
}

/** Refunded value, no currency (the data mixes currencies): 48210 → "48.2K". */
export function formatValue(value: number): string {
  return Math.abs(value) >= 10_000 ? compact.format(value) : integer.format(value);
}

/** 0.834 → "83%". */
export function formatShare(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** Epoch millis or ISO text → "2024-03-01"; anything else unchanged. */
export function formatDate(value: unknown): string {
  const time = typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : NaN;
  if (Number.isNaN(time) || (typeof value === "number" && value < 946_684_800_000)) return String(value);
  return new Date(time).toISOString().slice(0, 10);
}

/** plural(1, "refund") → "1 refund"; plural(3, "refund") → "3 refunds". */
export function plural(count: number, noun: string): string {
  return `${formatInt(count)} ${noun}${count === 1 ? "" : "s"}`;
}

/** Any cell value as text: arrays joined, objects as JSON, null as an em dash. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : formatNumber(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.map(formatCell).join(", ");
  return JSON.stringify(value);
}
