import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFolder, type ImportReport } from "../../server/ingest/import-folder.ts";
import { openEmbeddedStore, type EmbeddedStore } from "../../server/store/embedded-store.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";
import { readCsv } from "../helpers/read-csv.ts";
import { adHoc } from "../helpers/ad-hoc-cypher.ts";

describe("load of a folder with bad input", () => {
  const dir = tempDir();
  let store: EmbeddedStore;
  let report: ImportReport;
  let rejects: Record<string, string>[];

  beforeAll(async () => {
    store = await openEmbeddedStore({ folder: path.join(dir, "db") });
    await store.ensureSchema();
    report = await importFolder({ folder: path.join(FIXTURES, "bad-input"), store, rejectFile: path.join(dir, "rejects.csv") });
    rejects = readCsv(report.rejectFile);
  });
  afterAll(() => store.close());

  const file = (kind: string) => report.files.find((f) => f.kind === kind)!;
  const rejected = (name: string, line: number) => rejects.filter((r) => r.file === name && Number(r.line) === line);

  it("accounts for every row: read = loaded + rejected + duplicates, per file", () => {
    for (const f of report.files) expect(f.read).toBe(f.loaded + f.rejected + f.duplicates);
    expect(new Set(rejects.map((r) => `${r.file}:${r.line}`)).size).toBe(report.rejected);
  });

  it("reads a UTF-8 BOM, quoted commas and newlines in a cell", async () => {
    expect(file("accounts")).toMatchObject({ read: 9, loaded: 5, rejected: 2, duplicates: 2, replaced: 1 });
    const { rows } = await store.query(
      adHoc("MATCH (a:Account) WHERE a.id IN ['A1','A2'] RETURN a.id AS id, a.name AS name ORDER BY id"),
      {},
      { timeoutMs: 5000 },
    );
    expect(rows).toEqual([
      { id: "A1", name: "Smith, John" },
      { id: "A2", name: "Multi\nline name" },
    ]);
  });

  it("rejects an impossible date and a missing key with file, line and column", () => {
    expect(rejected("accounts.csv", 5)).toMatchObject([{ column: "created_at" }]);
    expect(rejected("accounts.csv", 6)).toMatchObject([{ column: "account_id" }]);
  });

  it("drops an identical duplicate and lets a later conflicting row win", async () => {
    const { rows } = await store.query(adHoc("MATCH (a:Account {id: 'A5'}) RETURN a.name AS name"), {}, { timeoutMs: 5000 });
    expect(rows).toEqual([{ name: "Second Wins" }]);
  });

  it("rejects amounts 12,50 and -3, an unknown account_id and employee_id, and a bad boolean", () => {
    expect(file("refunds")).toMatchObject({ read: 7, loaded: 2, rejected: 5 });
    expect(rejected("refunds.csv", 3)[0]).toMatchObject({ column: "amount" });
    expect(rejected("refunds.csv", 3)[0]!.reason).toMatch(/dot as decimal separator/);
    expect(rejected("refunds.csv", 4)[0]).toMatchObject({ column: "amount" });
    expect(rejected("refunds.csv", 5)[0]).toMatchObject({ column: "employee_id" });
    expect(rejected("refunds.csv", 6)[0]).toMatchObject({ column: "account_id" });
    expect(rejected("refunds.csv", 7)[0]).toMatchObject({ column: "returned" });
  });

  it("loads a 20,000-character cell intact", async () => {
    expect(file("addresses")).toMatchObject({ read: 5, loaded: 3, rejected: 2 });
    const { rows } = await store.query(adHoc("MATCH (x:Address) RETURN max(size(x.line1)) AS longest"), {}, { timeoutMs: 5000 });
    expect(rows[0]!.longest).toBe(20000);
  });

  it("writes exactly the valid rows to the graph", async () => {
    const counts = await store.counts();
    expect(counts).toMatchObject({
      Account: 5,
      Address: 3,
      Device: 2,
      Employee: 2,
      Refund: 2,
      SHIPS_TO: 3,
      USES: 2,
      REQUESTED: 2,
      APPROVED: 1,
    });
  });
});

describe("load of a file missing a required column", () => {
  const dir = tempDir();
  it("rejects every row of that file naming the column, and loads the rest", async () => {
    const store = await openEmbeddedStore({ folder: path.join(dir, "db") });
    try {
      await store.ensureSchema();
      const report = await importFolder({ folder: path.join(FIXTURES, "missing-column"), store, rejectFile: path.join(dir, "r.csv") });
      expect(report.files.find((f) => f.kind === "refunds")).toMatchObject({ read: 2, loaded: 0, rejected: 2 });
      expect(readCsv(report.rejectFile).map((r) => r.column)).toEqual(["amount", "amount"]);
      expect(report.loaded).toBe(1);
    } finally {
      await store.close();
    }
  });
});

describe("load of empty and header-only files", () => {
  const dir = tempDir();
  it("treats them as no rows, without error", async () => {
    const store = await openEmbeddedStore({ folder: path.join(dir, "db") });
    try {
      await store.ensureSchema();
      const report = await importFolder({ folder: path.join(FIXTURES, "empty-files"), store, rejectFile: path.join(dir, "r.csv") });
      expect(report.files.find((f) => f.kind === "devices")).toMatchObject({ read: 0, rejected: 0 });
      expect(report.files.find((f) => f.kind === "employees")).toMatchObject({ read: 0, rejected: 0 });
      expect(report).toMatchObject({ loaded: 1, rejected: 0 });
    } finally {
      await store.close();
    }
  });
});
