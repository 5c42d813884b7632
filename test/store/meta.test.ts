import { describe, expect, it } from "vitest";
import { readMeta, writeMeta } from "../../server/store/meta.ts";

/** The two meta methods of a store, over a Map. */
class MetaRecords {
  readonly values = new Map<string, string>();
  async getMeta(key: string): Promise<string | null> {
    return this.values.get(key) ?? null;
  }
  async setMeta(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
}

const SUMMARY = {
  at: "2024-07-01T00:00:00.000Z",
  rings: 3,
  flagged: 2,
  high: 1,
  hubs: 4,
  hubThreshold: 30,
  phases: [{ phase: "detect", ms: 12 }],
};

describe("store meta records", () => {
  it("reads back what was written, typed, and null for a key never written", async () => {
    const store = new MetaRecords();
    expect(await readMeta(store, "lastAnalysis")).toBeNull();
    await writeMeta(store, "lastAnalysis", SUMMARY);
    expect(JSON.parse(store.values.get("lastAnalysis")!)).toEqual(SUMMARY);
    expect(await readMeta(store, "lastAnalysis")).toEqual(SUMMARY);
  });

  it("refuses to write a value that does not match the key's schema", async () => {
    const store = new MetaRecords();
    await expect(writeMeta(store, "lastImport", { at: "x", folder: "/d", read: 1, loaded: "1" } as never)).rejects.toThrow();
    expect(store.values.size).toBe(0);
  });

  it("throws naming the key when a stored record is not JSON or not of its shape", async () => {
    const store = new MetaRecords();
    store.values.set("lastImport", "not json");
    await expect(readMeta(store, "lastImport")).rejects.toThrow(/lastImport/);
    store.values.set("lastAnalysis", JSON.stringify({ hubThreshold: 10 }));
    await expect(readMeta(store, "lastAnalysis")).rejects.toThrow(/lastAnalysis/);
  });
});
