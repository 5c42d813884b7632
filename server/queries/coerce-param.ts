/**
 * Checks and converts one parameter value against its declared type. Values from JSON bodies
 * (and defaults from query headers, as text) become plain JS values the stores understand:
 * numbers, booleans, strings, string arrays and Dates.
 */
import type { ParamType } from "../../wire/wire-types.ts";
import { parseIsoDate } from "../domain/normalise/values.ts";

export type Coerced = { ok: true; value: unknown } | { ok: false; reason: string };

export function coerceParam(type: ParamType, value: unknown, fromText = false): Coerced {
  const fail = (expected: string): Coerced => ({ ok: false, reason: `expected ${expected}, got ${describe(value)}` });
  switch (type) {
    case "string":
      return typeof value === "string" ? { ok: true, value } : fail("a string");
    case "int": {
      const n = fromText && typeof value === "string" ? Number(value) : value;
      return typeof n === "number" && Number.isSafeInteger(n) ? { ok: true, value: n } : fail("an integer");
    }
    case "float": {
      const n = fromText && typeof value === "string" ? Number(value) : value;
      return typeof n === "number" && Number.isFinite(n) ? { ok: true, value: n } : fail("a number");
    }
    case "boolean": {
      if (typeof value === "boolean") return { ok: true, value };
      if (fromText && (value === "true" || value === "false")) return { ok: true, value: value === "true" };
      return fail("true or false");
    }
    case "date": {
      if (typeof value !== "string") return fail("an ISO 8601 date string");
      const parsed = parseIsoDate(value);
      return parsed.ok ? { ok: true, value: new Date(parsed.value) } : { ok: false, reason: parsed.reason };
    }
    case "string[]": {
      const list =
        fromText && typeof value === "string"
          ? value
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean)
          : value;
      return Array.isArray(list) && list.every((v) => typeof v === "string") ? { ok: true, value: list } : fail("an array of strings");
    }
  }
}

/** A short, safe description of any value (no recursion: bodies may nest thousands deep). */
function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length} items`;
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  return String(value);
}
