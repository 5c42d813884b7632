/**
 * The viewer's CSV export (client/src/export/to-csv.ts) on its own: quoting, and text cells a
 * spreadsheet would run as a formula. Pure and in-process; the browser suite downloads a real
 * file, but the fixture has no formula-like names to exercise this.
 */
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../client/src/export/to-csv.ts";
import { membersCsv } from "../../client/src/export/exports.ts";
import type { RingDetail } from "../../wire/wire-types.ts";

describe("CSV export", () => {
  it("prefixes text cells starting with =, +, -, @, tab or CR with a quote", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+31 6 1234")).toBe("'+31 6 1234");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
  });

  it("leaves numbers, including negative ones, as numbers", () => {
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell(0)).toBe("0");
  });

  it("quotes commas, quotes and line breaks, and writes empty cells for null", () => {
    expect(toCsv(["id", "name", "email"], [{ id: "A1", name: 'Smith, "J"', email: null }])).toBe('id,name,email\r\nA1,"Smith, ""J""",\r\n');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("lists a ring's attached accounts after its members, each with its role and reason", () => {
    const member = { id: "A1", name: "Ann", email: null, country: "GB", createdAt: null, refundCount: 2, refundValue: 900 };
    const attached = {
      accountId: "H1",
      memberId: "A1",
      kind: "Device" as const,
      identifierId: "T",
      reason: "shares only device T with member A1",
    };
    const ring = { members: [member], attached: [attached] } as unknown as RingDetail;
    expect(membersCsv(ring).split("\r\n")).toEqual([
      "id,name,email,country,createdAt,refundCount,refundValue,role,note",
      "A1,Ann,,GB,,2,900,member,",
      "H1,,,,,,,attached,shares only device T with member A1",
      "",
    ]);
  });
});
