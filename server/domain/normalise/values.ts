/**
 * Parsers for cell values of the input contract (docs/input-format.md): ISO 8601 dates, booleans,
 * decimal amounts. Each returns a value or a reason a user can act on. Pure.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * ISO 8601 date or date-time; a value without zone is UTC. Rejects impossible dates
 * such as 2023-02-30 instead of letting them roll over.
 * @example parseIsoDate("2023-06-01 14:05:00+02:00") // ok, 1685621100000
 */
export function parseIsoDate(text: string): Parsed<number> {
  const m = DATE_RE.exec(text.trim());
  if (!m) return fail(`"${clip(text)}" is not an ISO 8601 date (use 2023-06-01 or 2023-06-01T14:05:00Z)`);
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone = "Z"] = m;
  const year = Number(y),
    month = Number(mo),
    day = Number(d);
  const hour = Number(h),
    minute = Number(mi),
    second = Number(s);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, frac ? Math.round(Number(frac) * 1000) : 0);
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return fail(`"${clip(text)}" is not a real calendar date or time`);
  }
  return ok(utc - zoneOffsetMs(zone));
}

function zoneOffsetMs(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

const TRUE = new Set(["true", "yes", "1", "y"]);
const FALSE = new Set(["false", "no", "0", "n"]);

export function parseBoolean(text: string): Parsed<boolean> {
  const t = text.trim().toLowerCase();
  if (TRUE.has(t)) return ok(true);
  if (FALSE.has(t)) return ok(false);
  return fail(`"${clip(text)}" is not a boolean (use true/false, yes/no, 1/0 or y/n)`);
}

const AMOUNT_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A decimal amount ≥ 0 with "." as separator and no thousands separator. */
export function parseAmount(text: string): Parsed<number> {
  const t = text.trim();
  if (!AMOUNT_RE.test(t)) {
    const hint = /^\d+,\d+$/.test(t) ? " (use a dot as decimal separator)" : "";
    return fail(`"${clip(text)}" is not a number${hint}`);
  }
  const value = Number(t);
  if (!Number.isFinite(value)) return fail(`"${clip(text)}" is too large`);
  if (value < 0) return fail(`"${clip(text)}" is negative; refunded amounts are ≥ 0`);
  return ok(value);
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
