import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importFolder } from "../../server/ingest/import-folder.ts";
import { readMapping } from "../../server/ingest/mapping.ts";
import { openEmbeddedStore } from "../../server/store/embedded-store.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";
import { readCsv } from "../helpers/read-csv.ts";
import { isRinglensError } from "../../server/errors.ts";
import { adHoc } from "../helpers/ad-hoc-cypher.ts";

async function withStore<T>(dir: string, fn: (store: Awaited<ReturnType<typeof openEmbeddedStore>>) => Promise<T>): Promise<T> {
  const store = await openEmbeddedStore({ folder: path.join(dir, "db") });
  try {
    await store.ensureSchema();
    return await fn(store);
  } finally {
    await store.close();
  }
}

describe("load of JSON Lines", () => {
  const dir = tempDir();
  it("loads objects, reports bad JSON and non-objects by line, skips blank lines", async () => {
    await withStore(dir, async (store) => {
      const report = await importFolder({ folder: path.join(FIXTURES, "jsonl"), store, rejectFile: path.join(dir, "r.csv") });
      expect(report.files[0]).toMatchObject({ read: 4, loaded: 2, rejected: 2 });
      expect(readCsv(report.rejectFile).map((r) => Number(r.line))).toEqual([2, 4]);
      const { rows } = await store.query(adHoc("MATCH (a:Account {id: 'J3'}) RETURN a.email AS email"), {}, { timeoutMs: 5000 });
      expect(rows).toEqual([{ email: "foo@bar.com" }]);
    });
  });
});

describe("load with a mapping file", () => {
  const dir = tempDir();
  it("renames the user's files and columns onto the format", async () => {
    await withStore(dir, async (store) => {
      const mapping = readMapping(path.join(FIXTURES, "mapped", "mapping.json"));
      const report = await importFolder({ folder: path.join(FIXTURES, "mapped"), store, mapping, rejectFile: path.join(dir, "r.csv") });
      expect(report.loaded).toBe(2);
      const { rows } = await store.query(adHoc("MATCH (a:Account) RETURN a.id AS id, a.country AS c ORDER BY id"), {}, { timeoutMs: 5000 });
      expect(rows).toEqual([
        { id: "C1", c: "US" },
        { id: "C2", c: "GB" },
      ]);
    });
  });

  it("refuses a mapping with an unknown file kind, naming the key", () => {
    const file = path.join(dir, "bad-mapping.json");
    fs.writeFileSync(file, JSON.stringify({ files: { customers: "x.csv" } }));
    try {
      readMapping(file);
      expect.unreachable();
    } catch (error) {
      expect(isRinglensError(error) && error.kind).toBe("invalid-input");
      expect((error as Error).message).toContain("files.customers");
    }
  });
});

describe("load of a folder without accounts", () => {
  const dir = tempDir();
  it("fails with invalid-input before touching the store", async () => {
    await withStore(dir, async (store) => {
      await expect(importFolder({ folder: dir, store, rejectFile: path.join(dir, "r.csv") })).rejects.toMatchObject({
        kind: "invalid-input",
      });
    });
  });
});
