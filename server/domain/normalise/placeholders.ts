/**
 * Placeholder identifier values that exports put in when the real one is unknown
 * (`test@test.com`, `000-000-0000`, a constant device id). They would glue thousands of
 * unrelated accounts together, so they never become identifier nodes; the import counts them.
 * Pure; takes values already normalised.
 */
import type { IdentifierName } from "../model.ts";

export const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  "unknown",
  "none",
  "null",
  "nil",
  "undefined",
  "n/a",
  "na",
  "test",
  "default",
  "empty",
  "0",
  "-",
  "x",
  "xxx",
  "tbd",
  "device",
  "noemail",
  "nomail",
  "noreply",
  "no-reply",
]);
const EMAIL_DOMAINS = new Set([
  "test.com",
  "example.com",
  "example.org",
  "example.net",
  "noemail.com",
  "nomail.com",
  "na.com",
  "none.com",
  "email.com",
  "invalid",
  "test",
  "localhost",
]);
const IPS = new Set(["0.0.0.0", "127.0.0.1", "255.255.255.255", "::", "::1"]);
const SEQUENCES = ["0123456789", "1234567890", "9876543210"];

/** Characters `constant` skips: white space and the separators of phone numbers, ids and IPs. */
const SEPARATORS = /[\s\-_.:+()]/;

/**
 * One character repeated (`0000`, `xxxxxx`), ignoring separators. A scan, not a replace and a
 * pattern: every identifier of an import passes here, twice.
 */
function constant(text: string): boolean {
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Letters and digits are never separators; anything else is asked of the pattern.
    const plainChar = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || !SEPARATORS.test(text[i]!);
    if (!plainChar) continue;
    if (first === -1) first = c;
    else if (c !== first) return false;
  }
  return true;
}

/**
 * @example isPlaceholder("email", "test@test.com") // true
 * @example isPlaceholder("phone", "+10000000000")  // true
 * @example isPlaceholder("device", "00000000-0000-0000-0000-000000000000") // true
 */
export function isPlaceholder(kind: IdentifierName | "handle", value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === "" || PLACEHOLDER_WORDS.has(v)) return true;
  switch (kind) {
    case "email": {
      const at = v.lastIndexOf("@");
      if (at <= 0 || at === v.length - 1) return true;
      const local = v.slice(0, at);
      return EMAIL_DOMAINS.has(v.slice(at + 1)) || PLACEHOLDER_WORDS.has(local) || constant(local);
    }
    case "phone": {
      const digits = v.replace(/\D+/g, "");
      // The national part: what follows a calling code of 1–3 digits is checked both ways.
      const tails = v.startsWith("+") ? [digits.slice(1), digits.slice(2), digits.slice(3)] : [digits];
      return digits.length < 6 || tails.some((t) => t.length >= 6 && (constant(t) || SEQUENCES.some((s) => s.includes(t))));
    }
    case "ip":
      return IPS.has(v);
    case "device":
    case "handle":
    case "payment":
    case "address":
      return constant(v);
  }
}
