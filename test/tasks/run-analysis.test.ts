import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbeddedStore, type EmbeddedStore } from "../../server/store/embedded-store.ts";
import { importFolder } from "../../server/ingest/import-folder.ts";
import { runAnalysis } from "../../server/tasks/run-analysis.ts";
import { HEAP_BYTES_PER_ITEM, analysisHeapProblem, analysisItems } from "../../server/tasks/analysis-memory.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";
import { adHoc } from "../helpers/ad-hoc-cypher.ts";
import { ANALYSIS_PHASES } from "../helpers/analysis-phases.ts";

describe("runAnalysis on the embedded store", () => {
  const dir = tempDir();
  let store: EmbeddedStore;
  beforeAll(async () => {
    store = await openEmbeddedStore({ folder: path.join(dir, "db") });
    await store.ensureSchema();
    await importFolder({ folder: path.join(FIXTURES, "small"), store, rejectFile: path.join(dir, "r.csv") });
  });
  afterAll(() => store.close());

  it("writes rings, memberships and suspicions, and times every phase", async () => {
    const result = await runAnalysis(store, { hubThreshold: 10 });
    const counts = await store.counts();
    expect(counts.Ring).toBe(result.rings.length);
    expect(counts.MEMBER_OF).toBe(result.rings.reduce((n, r) => n + r.size, 0));
    expect(counts.SUSPECTED_IN).toBe(result.rings.reduce((n, r) => n + r.insiders.length, 0));
    expect(result.phases.map((p) => p.phase)).toEqual(ANALYSIS_PHASES);
  });

  it("stops before reading, with what to run instead, when the store would not fit the heap", async () => {
    const before = await store.counts();
    const items = analysisItems(before);
    const small = items * HEAP_BYTES_PER_ITEM - 1;
    const refused = runAnalysis(store, { hubThreshold: 10 }, () => {}, { heapLimit: small });
    await expect(refused).rejects.toMatchObject({ kind: "unavailable" });
    await expect(refused).rejects.toThrow(/need about .* MB of Node heap .*max-old-space-size=\d+ ringlens analyze/);
    expect(await store.counts()).toEqual(before);
    expect(analysisHeapProblem(before, items * HEAP_BYTES_PER_ITEM)).toBeNull();
    expect(analysisHeapProblem({ Account: 5e6, Device: 7e6, USES: 7e6 }, 2 ** 30, 2 ** 31)?.message).toMatch(/has not that much to give/);
  });

  it("replaces the previous analysis on a second run, without duplicates", async () => {
    await runAnalysis(store, { hubThreshold: 10 });
    const first = await store.counts();
    const second = await runAnalysis(store, { hubThreshold: 10 });
    const after = await store.counts();
    expect(after).toEqual(first);
    const { rows } = await store.query(
      adHoc("MATCH (a:Account)-[:MEMBER_OF]->(r:Ring) WITH a, count(r) AS n WHERE n > 1 RETURN count(a) AS multi"),
      {},
      { timeoutMs: 5000 },
    );
    expect(rows[0]!.multi).toBe(0);
    expect(second.summary.rings).toBe(after.Ring);
  });

  it("with another hub threshold, replaces the rings by the new result as one unit", async () => {
    await runAnalysis(store, { hubThreshold: 100 });
    const glued = await store.counts();
    // The reshipper now links ring two with ten honest households: fewer, larger groups.
    const { rows } = await store.query(adHoc("MATCH (r:Ring) RETURN max(r.size) AS largest"), {}, { timeoutMs: 5000 });
    expect(Number(rows[0]!.largest)).toBeGreaterThan(6);
    expect(glued.Ring).toBeLessThan(12);
  });
});
