import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parseCsvRecord } from "../../server/csv/csv-records.ts";

describe("parseCsvRecord", () => {
  it("reads what a standard CSV writer writes, for any cells", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 8 }), (cells) => {
        const line = stringify([cells], { record_delimiter: "" });
        expect(parseCsvRecord(line)).toEqual(cells.length === 1 && cells[0] === "" ? [""] : cells);
      }),
      { numRuns: 500 },
    );
  });

  it("agrees with csv-parse on well-formed records", () => {
    for (const line of ['a,"b,c",d', '"x ""quoted"" y",2', ",,", '"multi\nline",z', 'A1,5" screen,US']) {
      expect(parseCsvRecord(line)).toEqual(parse(line, { relax_quotes: true })[0]);
    }
  });

  it("refuses an unclosed quote and text after a closing quote", () => {
    expect(parseCsvRecord('a,"b')).toHaveProperty("error");
    expect(parseCsvRecord('a,"b"c,d')).toHaveProperty("error");
  });
});
