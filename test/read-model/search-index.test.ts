/**
 * The embedded store's prefix index for search: a search answered through it is the search
 * the scans answer, on the fixtures (rings, contacts, handles) and on random values holding
 * what the engine's CSV quotes (tabs, line breaks, quotes), upper case and other scripts. And
 * the index holds only for the import it was built for.
 */
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbeddedStore, type EmbeddedStore } from "../../server/store/embedded-store.ts";
import type { GraphStore } from "../../server/store/graph-store.ts";
import { runImport } from "../../server/tasks/run-import.ts";
import { runAnalysis } from "../../server/tasks/run-analysis.ts";
import { search } from "../../server/read-model/search.ts";
import { writeMeta } from "../../server/store/meta.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";

const T = 30_000;

/** The same store with no index: every search scans. */
function scanning(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === "prefixIndex") return async () => null;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const importedAt = (at: string) => ({ at, folder: "/x", read: 1, loaded: 1, rejected: 0 });

describe("search through the embedded store's prefix index", () => {
  const dir = tempDir("ringlens-search-index-");
  let store: EmbeddedStore;

  beforeAll(async () => {
    store = await openEmbeddedStore({ folder: path.join(dir, "db") });
    await store.ensureSchema();
    await runImport({ folder: path.join(FIXTURES, "small"), store, rejectFile: path.join(dir, "r1.csv") });
    await runImport({ folder: path.join(FIXTURES, "contacts"), store, rejectFile: path.join(dir, "r2.csv") });
    await runAnalysis(store, { hubThreshold: 10 });
  }, 120_000);
  afterAll(() => store?.close());

  it("is built by an import and answers every search as the scans do, rings and contacts included", async () => {
    expect(await store.prefixIndex()).not.toBeNull();
    const texts = [
      "ra0",
      "RA01",
      "ra",
      "r",
      "dev-r",
      "e1",
      "c1",
      "@Refund_K",
      "refund",
      "kiosk",
      "rb03@mail",
      "1 ",
      "main st",
      "555",
      "+1",
      "zzz",
      "é",
    ];
    for (const text of texts) {
      const indexed = await search(store, text, 20, T);
      expect(indexed, text).toEqual(await search(scanning(store), text, 20, T));
    }
    expect((await search(store, "ra0", 20, T)).filter((h) => h.type === "Account" && h.ringId !== null).length).toBeGreaterThan(0);
  });

  it("holds for the import it was built for: a write drops it, a reopened store keeps it", async () => {
    const other = await openEmbeddedStore({ folder: path.join(dir, "db2") });
    try {
      await other.ensureSchema();
      await other.upsert("Device", [{ id: "dev-1", ip: null, userAgent: null }]);
      await writeMeta(other, "lastImport", importedAt("2026-01-01T00:00:00Z"));
      expect(await other.prefixIndex()).toBeNull();
      await other.buildPrefixIndex();
      expect((await other.prefixIndex())?.firstHits("device", "dev", 5)).toEqual([{ id: "dev-1", label: "dev-1" }]);
      await writeMeta(other, "lastImport", importedAt("2026-01-02T00:00:00Z"));
      expect(await other.prefixIndex()).toBeNull();
      await other.buildPrefixIndex();
      await other.close();
      const reopened = await openEmbeddedStore({ folder: path.join(dir, "db2") });
      expect(await reopened.prefixIndex()).not.toBeNull();
      await reopened.upsert("Device", [{ id: "dev-2", ip: null, userAgent: null }]);
      expect(await reopened.prefixIndex()).toBeNull();
      expect((await search(reopened, "dev", 20, T)).map((h) => h.id)).toEqual(["dev-1", "dev-2"]);
      await reopened.close();
    } finally {
      await other.close();
    }
  });

  it("answers as the scans do for values the engine's CSV would quote, in any case and script", async () => {
    const unit = fc.constantFrom("a", "b", "A", "B", "é", "É", "日", " ", "\t", '"', "\n", "\r", ",", "\\");
    const value = fc.string({ unit, maxLength: 5 });
    const random = await openEmbeddedStore({ folder: path.join(dir, "db3") });
    try {
      await random.ensureSchema();
      const [accounts, devices, addresses] = fc.sample(
        fc.tuple(
          fc.uniqueArray(fc.tuple(value, fc.option(value), fc.option(value)), { selector: ([id]) => id, minLength: 30, maxLength: 60 }),
          fc.uniqueArray(value, { minLength: 10, maxLength: 30 }),
          fc.uniqueArray(fc.tuple(value, value), { selector: ([id]) => id, minLength: 10, maxLength: 30 }),
        ),
        { numRuns: 1, seed: 7 },
      )[0]!;
      await random.upsert(
        "Account",
        accounts
          .filter(([id]) => id !== "")
          .map(([id, email, name]) => ({ id, email, name, createdAt: null, country: null, phone: null, status: null })),
      );
      await random.upsert(
        "Device",
        devices.filter((id) => id !== "").map((id) => ({ id, ip: null, userAgent: null })),
      );
      await random.upsert(
        "Address",
        addresses
          .filter(([id]) => id !== "")
          .map(([id, line1]) => ({ id, line1, line2: null, city: null, postalCode: null, region: null, country: null })),
      );
      await writeMeta(random, "lastImport", importedAt("2026-01-01T00:00:00Z"));
      await random.buildPrefixIndex();
      expect(await random.prefixIndex()).not.toBeNull();
      await fc.assert(
        fc.asyncProperty(fc.string({ unit, minLength: 1, maxLength: 3 }), async (text) => {
          expect(await search(random, text, 20, T)).toEqual(await search(scanning(random), text, 20, T));
        }),
        { numRuns: 150, seed: 11 },
      );
    } finally {
      await random.close();
    }
  }, 120_000);
});
