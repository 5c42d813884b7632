import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COLUMNS } from "../../server/demo/demo-columns.ts";
import type { DemoSummary } from "../../server/demo/demo-options.ts";
import { writeDemo } from "../../server/demo/write-demo.ts";
import { readCsv } from "./read-csv.ts";
import { tempFolder } from "./temp-folder.ts";

const FILES = [
  "accounts.csv",
  "addresses.csv",
  "devices.csv",
  "payments.csv",
  "employees.csv",
  "refunds.csv",
  "contacts.csv",
  "truth/rings.csv",
  "truth/insiders.csv",
];

async function snapshot(folder: string): Promise<Map<string, Buffer>> {
  return new Map(await Promise.all(FILES.map(async (file) => [file, await readFile(join(folder, file))] as const)));
}

describe("writeDemo", () => {
  let root: Awaited<ReturnType<typeof tempFolder>>;
  let summary: DemoSummary;
  let progress: { accounts: number; total: number }[];
  const first = () => join(root.path, "first");

  beforeAll(async () => {
    root = await tempFolder("demo");
    progress = [];
    summary = await writeDemo({ accounts: 1000, rings: 5, seed: 7, out: first(), onProgress: (p) => progress.push(p) });
  });
  afterAll(() => root.remove());

  it("writes 1000 accounts", () => {
    expect(summary.rows["accounts.csv"]).toBe(1000);
  });

  it("writes every file of the contract, header first with the exact column names", async () => {
    expect((await readdir(first())).sort()).toEqual([
      "accounts.csv",
      "addresses.csv",
      "contacts.csv",
      "devices.csv",
      "employees.csv",
      "payments.csv",
      "refunds.csv",
      "truth",
    ]);
    const heads = {
      "accounts.csv": "accounts",
      "addresses.csv": "addresses",
      "devices.csv": "devices",
      "payments.csv": "payments",
      "employees.csv": "employees",
      "refunds.csv": "refunds",
      "contacts.csv": "contacts",
      "truth/rings.csv": "rings",
      "truth/insiders.csv": "insiders",
    } as const;
    for (const [file, table] of Object.entries(heads)) {
      const text = await readFile(join(first(), file), "utf8");
      expect(text.slice(0, text.indexOf("\r\n"))).toBe(DEMO_COLUMNS[table].join(","));
    }
  });

  it("reports as many rows per file as the file holds", async () => {
    for (const file of FILES) {
      expect((await readCsv(first(), file)).length, file).toBe(summary.rows[file as keyof DemoSummary["rows"]]);
    }
    expect(summary.rings).toBe(5);
    expect(summary.serviceRings).toBe(1);
    expect(summary.rows["truth/rings.csv"]).toBe(summary.ringAccounts);
    expect(summary.insiders).toBeGreaterThan(0);
  });

  it("reports progress up to the requested number of accounts", () => {
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ accounts: 1000, total: 1000 });
  });

  it("only references accounts and employees that exist", async () => {
    const accounts = new Set((await readCsv(first(), "accounts.csv")).map((row) => row.account_id));
    const employees = new Set((await readCsv(first(), "employees.csv")).map((row) => row.employee_id));
    expect(accounts.size).toBe(1000);
    for (const file of ["addresses.csv", "devices.csv", "refunds.csv", "truth/rings.csv"]) {
      for (const row of await readCsv(first(), file)) expect(accounts.has(row.account_id), `${file} ${row.account_id}`).toBe(true);
    }
    const refunds = await readCsv(first(), "refunds.csv");
    for (const row of refunds) if (row.employee_id !== "") expect(employees.has(row.employee_id)).toBe(true);
    for (const row of await readCsv(first(), "truth/insiders.csv")) expect(employees.has(row.employee_id)).toBe(true);
    expect(new Set(refunds.map((row) => row.refund_id)).size).toBe(refunds.length);
  });

  it("writes byte-identical files for the same options", async () => {
    const again = join(root.path, "again");
    await writeDemo({ accounts: 1000, rings: 5, seed: 7, out: again });
    const [a, b] = [await snapshot(first()), await snapshot(again)];
    for (const file of FILES) expect(a.get(file)?.equals(b.get(file) as Buffer), file).toBe(true);
  });

  it("writes different files for another seed", async () => {
    const other = join(root.path, "other");
    await writeDemo({ accounts: 1000, rings: 5, seed: 8, out: other });
    const [a, b] = [await snapshot(first()), await snapshot(other)];
    for (const file of ["accounts.csv", "addresses.csv", "devices.csv", "refunds.csv", "truth/rings.csv"]) {
      expect(a.get(file)?.equals(b.get(file) as Buffer), file).toBe(false);
    }
  });

  it("writes header-only truth files when no rings are planted", async () => {
    const none = join(root.path, "none");
    const result = await writeDemo({ accounts: 50, rings: 0, seed: 1, out: none });
    expect(result.rows["truth/rings.csv"]).toBe(0);
    expect(await readFile(join(none, "truth/rings.csv"), "utf8")).toBe("ring_id,account_id\r\n");
  });

  it("rejects impossible options with an invalid-input error", async () => {
    await expect(writeDemo({ accounts: 10, rings: 30, seed: 1, out: join(root.path, "never") })).rejects.toMatchObject({
      kind: "invalid-input",
    });
    await expect(writeDemo({ accounts: 0, out: join(root.path, "never") })).rejects.toMatchObject({ kind: "invalid-input" });
  });
});
