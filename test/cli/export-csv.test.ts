/**
 * `ringlens rings` / `ringlens insiders` CSVs when ids look like spreadsheet formulas: exact by
 * default (ids join back to the source), neutralised with --spreadsheet-safe.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { spreadsheetSafe } from "../../server/csv/spreadsheet-safe.ts";
import { runCli } from "../helpers/run-cli.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";

// Ring one of the small fixture, with ids a spreadsheet would run.
const RENAMES: [RegExp, string][] = [
  [/\bRA01\b/g, '=HYPERLINK("http://x.test","RA01")'],
  [/\bRA02\b/g, "+RA02"],
  [/\bRA03\b/g, "@RA03"],
  [/\bE1\b/g, "-E1"],
];

describe("rings and insiders CSV with formula-like ids", () => {
  const dir = tempDir();
  const db = path.join(dir, "db");

  beforeAll(async () => {
    const data = path.join(dir, "data");
    fs.mkdirSync(data);
    for (const file of fs.readdirSync(path.join(FIXTURES, "small"))) {
      let text = fs.readFileSync(path.join(FIXTURES, "small", file), "utf8");
      for (const [from, to] of RENAMES)
        text = text.replace(from, to.includes(",") || to.includes('"') ? `"${to.replace(/"/g, '""')}"` : to);
      fs.writeFileSync(path.join(data, file), text);
    }
    expect((await runCli(["load", data, "--db", db, "--rejects", path.join(dir, "r.csv")])).code).toBe(0);
    expect((await runCli(["analyze", "--db", db, "--hub-threshold", "10"])).code).toBe(0);
  });

  it("writes ids exactly as stored by default", async () => {
    const { code, stdout } = await runCli(["rings", "--db", db]);
    expect(code).toBe(0);
    const ids = (parse(stdout, { columns: true }) as { account_id: string }[]).map((r) => r.account_id);
    expect(ids).toEqual(expect.arrayContaining(['=HYPERLINK("http://x.test","RA01")', "+RA02", "@RA03"]));
  });

  it("prefixes formula-like cells with ' under --spreadsheet-safe, numbers and plain ids untouched", async () => {
    const rings = await runCli(["rings", "--db", db, "--spreadsheet-safe"]);
    expect(rings.code).toBe(0);
    const rows = parse(rings.stdout, { columns: true }) as { account_id: string; score: string }[];
    const ids = rows.map((r) => r.account_id);
    expect(ids).toEqual(expect.arrayContaining(['\'=HYPERLINK("http://x.test","RA01")', "'+RA02", "'@RA03", "RA04"]));
    expect(ids.every((id) => !/^[=+\-@]/.test(id))).toBe(true);
    expect(rows.every((r) => Number.isFinite(Number(r.score)))).toBe(true);

    const insiders = await runCli(["insiders", "--db", db, "--spreadsheet-safe"]);
    const employees = (parse(insiders.stdout, { columns: true }) as { employee_id: string }[]).map((r) => r.employee_id);
    expect(employees).toContain("'-E1");
  });

  it("neutralises = + - @ tab and carriage return at the start only", () => {
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "a=b", "", "R-1"].map(spreadsheetSafe)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "a=b",
      "",
      "R-1",
    ]);
  });
});
