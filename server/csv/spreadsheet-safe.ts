/**
 * Neutralises a text cell that a spreadsheet would run as a formula: one starting with =, +, -,
 * @, tab or carriage return gets a leading apostrophe (OWASP "CSV injection"). For CSVs meant to
 * be opened in a spreadsheet; a CSV read by programs keeps its values exact.
 * @example spreadsheetSafe("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
