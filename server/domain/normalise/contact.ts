/**
 * Normalisation of contact identifiers: email (trim, lower-case), chat handle (trim,
 * lower-case, no leading `@`) and phone (E.164: `+`, the
 * country calling code, the national number) through libphonenumber-js, using the account's
 * country for numbers written without their prefix. Pure: libphonenumber-js is a data library.
 */
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/**
 * A messenger or chat handle as one key: trimmed, lower-cased, without a leading `@`
 * (Telegram, Discord and chat transcripts write the same handle with and without it).
 * @example normaliseHandle("  @Refund_King ") // "refund_king"
 */
export function normaliseHandle(handle: string): string {
  return handle.trim().toLowerCase().replace(/^@+/, "").trim();
}

/** @example normaliseEmail("  Jane.Doe@Example.COM ") // "jane.doe@example.com" */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The number as `+<country code><national number>` when libphonenumber-js can read it (with
 * `country`, an ISO alpha-2 code, for national formats); otherwise its digits, `+` kept.
 * Validity is not required: a fictional `+1-555-6768` still normalises to `+15556768`.
 *
 * @example normalisePhone("(212) 555-2368", "US") // "+12125552368"
 * @example normalisePhone("07700 900123", "GB")   // "+447700900123"
 */
export function normalisePhone(phone: string, country: string | null = null): string {
  const code = country !== null && isSupportedCountry(country.toUpperCase()) ? (country.toUpperCase() as CountryCode) : undefined;
  try {
    const parsed = parsePhoneNumberFromString(phone, code);
    if (parsed) return parsed.number;
  } catch {
    // Unreadable: fall through to the digits.
  }
  const digits = phone.replace(/\D+/g, "");
  return phone.trim().startsWith("+") ? `+${digits}` : digits;
}
