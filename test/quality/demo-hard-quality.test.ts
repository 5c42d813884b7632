/**
 * The demo's hard mode end to end on seeds 1–5: bridged crews, relatives on a member's tablet
 * and typo'd drop addresses planted (truth/patterns.csv), loaded, analysed and evaluated
 * against the planted truth. Asserts the same quality floors as the normal demo, and that each
 * pattern is handled: crews found apart, relatives kept out of rings, typo'd members found.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeDemo } from "../../server/demo/write-demo.ts";
import { openEmbeddedStore } from "../../server/store/embedded-store.ts";
import { importFolder } from "../../server/ingest/import-folder.ts";
import { runAnalysis } from "../../server/tasks/run-analysis.ts";
import { evaluateStore } from "../../server/cli/eval-command.ts";
import { loadConfig } from "../../server/config.ts";
import { readCsv } from "../helpers/read-csv.ts";
import { tempDir } from "../helpers/temp-dir.ts";

describe.each([1, 2, 3, 4, 5])("the hard demo, seed %i", (seed) => {
  it("finds the planted rings and insiders above the quality floors, crews apart, relatives out, typos merged", async () => {
    const dir = tempDir();
    const demo = path.join(dir, "demo");
    const db = path.join(dir, "db");
    await writeDemo({ out: demo, seed, hard: true });
    const store = await openEmbeddedStore({ folder: db });
    try {
      await store.ensureSchema();
      const report = await importFolder({ folder: demo, store, rejectFile: path.join(dir, "rejects.csv") });
      expect(report.rejected).toBe(0);
      const typos = readCsv(path.join(demo, "truth/patterns.csv")).filter((p) => p.pattern === "typo");
      expect(report.addressMerges.length).toBeGreaterThanOrEqual(typos.length);
      await runAnalysis(store, {});
    } finally {
      await store.close();
    }
    const { ringlens } = await evaluateStore({ ...loadConfig({}), db }, path.join(demo, "truth"));
    expect(ringlens.rings.recall).toBeGreaterThanOrEqual(0.95);
    expect(ringlens.precisionAtK.precision).toBeGreaterThanOrEqual(0.9);
    expect(ringlens.pairwise.f1).toBeGreaterThanOrEqual(0.9);
    expect(ringlens.insiders.recall).toBeGreaterThanOrEqual(0.9);
    expect(ringlens.insiders.precision).toBeGreaterThanOrEqual(0.8);
    const { bridged, relatives, typos } = ringlens.patterns;
    expect(bridged.planted).toBeGreaterThan(0);
    expect(bridged.recall).toBeGreaterThanOrEqual(0.9);
    expect(relatives.planted).toBeGreaterThan(0);
    expect(relatives.share).toBeGreaterThanOrEqual(0.9);
    expect(typos.planted).toBeGreaterThan(0);
    expect(typos.recall).toBeGreaterThanOrEqual(0.9);
  }, 600_000);
});
