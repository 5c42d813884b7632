import path from "node:path";
import { describe, expect, it } from "vitest";
import { RejectReport } from "../../server/ingest/reject-report.ts";
import { RowAccounting, type RecordOutcome } from "../../server/ingest/row-accounting.ts";
import { readCsv } from "../helpers/read-csv.ts";
import { tempDir } from "../helpers/temp-dir.ts";

describe("accounting for the records of one file", () => {
  const dir = tempDir();

  it("counts loaded, identical and changed duplicates, placeholders and rejects, and tells the audit each outcome", async () => {
    const rejects = new RejectReport(path.join(dir, "rejects.csv"));
    const outcomes: RecordOutcome[] = [];
    const rows = new RowAccounting("refunds", "/data/refunds.csv", rejects, (o) => outcomes.push(o));
    const staged = (key: string, content: number, placeholder = false) => ({ key, content, placeholder });
    for (let i = 0; i < 5; i++) rows.read();
    rows.accept({ line: 2 }, staged("R1", 1, true));
    rows.accept({ line: 3 }, staged("R1", 1));
    rows.accept({ line: 4, lastLine: 5 }, staged("R1", 2));
    await rows.reject({ line: 6 }, [
      { column: "amount", reason: "amount is required but empty" },
      { column: "status", reason: 'status "x" is not one of approved' },
    ]);
    await rows.reject({ line: 7 }, [{ column: "", reason: "line 7 is not valid JSON" }]);
    await rejects.close();

    expect(rows.report).toEqual({
      kind: "refunds",
      file: "/data/refunds.csv",
      read: 5,
      loaded: 1,
      rejected: 2,
      duplicates: 2,
      replaced: 1,
      placeholders: 1,
    });
    expect(outcomes.map((o) => [o.firstLine, o.lastLine, o.outcome])).toEqual([
      [2, 2, "loaded"],
      [3, 3, "duplicate"],
      [4, 5, "duplicate"],
      [6, 6, "rejected"],
      [7, 7, "rejected"],
    ]);
    expect(readCsv(rejects.file)).toEqual([
      { file: "refunds.csv", line: "6", column: "amount", reason: "amount is required but empty" },
      { file: "refunds.csv", line: "6", column: "status", reason: 'status "x" is not one of approved' },
      { file: "refunds.csv", line: "7", column: "", reason: "line 7 is not valid JSON" },
    ]);
  });
});
