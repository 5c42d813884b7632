/**
 * Judges one record read from a file before it is staged: its values checked against the
 * file's column specs, or the reasons it cannot be loaded (unreadable, a required column
 * missing from the header, invalid cells), worded for the reject report.
 */
import type { ColumnSpec } from "./file-specs.ts";
import type { RecordEvent } from "./read-records.ts";
import type { CellRejection } from "./row-accounting.ts";
import { validateRecord, type CellValue, type KnownKeys } from "./validate-record.ts";

export type CheckedRecord = { ok: true; values: Record<string, CellValue> } | { ok: false; rejections: CellRejection[] };

/**
 * @example checkRecord({ account_id: "A1" }, ["amount"], FILE_SPECS.refunds, known)
 * // { ok: false, rejections: [{ column: "amount", reason: "required column amount is missing from the header" }] }
 */
export function checkRecord(
  values: Record<string, string>,
  missing: readonly string[],
  specs: ColumnSpec[],
  known: KnownKeys,
): CheckedRecord {
  if (missing.length > 0)
    return {
      ok: false,
      rejections: [{ column: missing.join(" "), reason: `required column ${missing.join(", ")} is missing from the header` }],
    };
  const checked = validateRecord(values, specs, known);
  if (checked.ok) return checked;
  return { ok: false, rejections: checked.problems.map((p) => ({ column: p.column, reason: `${p.column} ${p.reason}` })) };
}

/** The reject reason of a record the reader could not read, naming its lines. */
export function unreadableRejections(event: Extract<RecordEvent, { type: "unreadable" }>): CellRejection[] {
  const lines = event.lastLine && event.lastLine > event.line ? `lines ${event.line}–${event.lastLine}` : `line ${event.line}`;
  return [{ column: "", reason: `${lines} ${event.reason}` }];
}

/** Required columns absent from a CSV header: every record of that file is rejected naming them. */
export function missingColumns(specs: ColumnSpec[], header: string[]): string[] {
  const present = new Set(header);
  return specs.filter((c) => c.required && !present.has(c.name)).map((c) => c.name);
}
