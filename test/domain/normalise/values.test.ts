import { describe, expect, it } from "vitest";
import { parseAmount, parseBoolean, parseIsoDate } from "../../../server/domain/normalise/values.ts";

describe("cell value parsers", () => {
  it("reads ISO dates in the forms of the input contract, a date without zone as UTC", () => {
    expect(parseIsoDate("2023-06-01")).toEqual({ ok: true, value: Date.UTC(2023, 5, 1) });
    expect(parseIsoDate("2023-06-01T14:05:00Z")).toEqual({ ok: true, value: Date.UTC(2023, 5, 1, 14, 5) });
    expect(parseIsoDate("2023-06-01 14:05:00+02:00")).toEqual({ ok: true, value: Date.UTC(2023, 5, 1, 12, 5) });
  });

  it("refuses impossible dates instead of rolling them over", () => {
    expect(parseIsoDate("2023-02-30").ok).toBe(false);
    expect(parseIsoDate("2023-13-01").ok).toBe(false);
    expect(parseIsoDate("01/06/2023").ok).toBe(false);
  });

  it("reads booleans in any case and refuses others", () => {
    for (const t of ["true", "YES", "1", "y"]) expect(parseBoolean(t)).toEqual({ ok: true, value: true });
    for (const f of ["False", "no", "0", "N"]) expect(parseBoolean(f)).toEqual({ ok: true, value: false });
    expect(parseBoolean("maybe").ok).toBe(false);
  });

  it("reads amounts with a dot and explains a comma or a negative", () => {
    expect(parseAmount("12.50")).toEqual({ ok: true, value: 12.5 });
    const comma = parseAmount("12,50");
    expect(comma.ok === false && comma.reason).toMatch(/dot as decimal separator/);
    expect(parseAmount("-3").ok).toBe(false);
    expect(parseAmount("1,000.00").ok).toBe(false);
    expect(parseAmount("1e400").ok).toBe(false);
  });
});
