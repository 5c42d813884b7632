/**
 * CSV text for spreadsheets: RFC 4180 quoting, and text cells that a spreadsheet would read
 * as a formula (starting with =, +, -, @, tab or carriage return) prefixed with a quote
 * (OWASP "CSV injection"). Numbers are left as numbers, so -12.5 stays a number.
 */

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** @example toCsv(["id", "name"], [{ id: "A1", name: "=HYPERLINK(...)" }]) */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.map(csvCell).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
