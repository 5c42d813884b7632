/**
 * Normalisation of contact identifiers: email (trim, lower-case) and phone (digits only;
 * country-aware E.164 arrives with the identifiers issue). Pure.
 */

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D+/g, "");
  return phone.trim().startsWith("+") ? `+${digits}` : digits;
}
