/**
 * Checks one input record against its file's column specs and returns typed cell values, or
 * every problem found with the column it concerns. Pure apart from the key sets it reads.
 */
import { parseAmount, parseBoolean, parseIsoDate } from "../domain/normalise/values.ts";
import type { ColumnSpec } from "./file-specs.ts";

export type CellValue = string | number | boolean | null;
export interface Problem {
  column: string;
  reason: string;
}
export type Checked = { ok: true; values: Record<string, CellValue> } | { ok: false; problems: Problem[] };

/** Keys staged so far, by what they name (KeySet, or any set of strings). */
export interface KnownKeys {
  accounts: KeyLookup;
  employees: KeyLookup;
  /** Refund ids, remembered only when the import has a contacts file to check against them. */
  refunds: KeyLookup;
}

export interface KeyLookup {
  has(key: string): boolean;
  add(key: string): unknown;
}

export function validateRecord(record: Record<string, string>, specs: ColumnSpec[], known: KnownKeys): Checked {
  const values: Record<string, CellValue> = {};
  const problems: Problem[] = [];
  for (const spec of specs) {
    const raw = record[spec.name];
    const text = raw === undefined ? "" : raw.trim();
    if (text === "") {
      if (spec.required) problems.push({ column: spec.name, reason: "is required but empty" });
      values[spec.name] = null;
      continue;
    }
    const checked = checkCell(text, spec, known);
    if (typeof checked === "object" && checked !== null && "reason" in checked)
      problems.push({ column: spec.name, reason: checked.reason });
    else values[spec.name] = checked;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}

function checkCell(text: string, spec: ColumnSpec, known: KnownKeys): CellValue | { reason: string } {
  const rule = spec.rule;
  switch (rule.type) {
    case "string":
      return text;
    case "date":
      return unwrap(parseIsoDate(text));
    case "amount":
      return unwrap(parseAmount(text));
    case "boolean":
      return unwrap(parseBoolean(text));
    case "enum": {
      const v = text.toLowerCase();
      return rule.values.includes(v) ? v : { reason: `"${text}" is not one of ${rule.values.join(", ")}` };
    }
    case "ref": {
      const set = known[rule.to];
      return set.has(text) ? text : { reason: `"${text}" is not in ${rule.to} (unknown ${spec.name})` };
    }
  }
}

function unwrap<T extends CellValue>(p: { ok: true; value: T } | { ok: false; reason: string }): T | { reason: string } {
  return p.ok ? p.value : { reason: p.reason };
}
