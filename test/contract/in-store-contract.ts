/**
 * The in-store analysis' part of the store contract (`analyze --in-store`): a store with graph
 * algorithms (Neo4j with GDS) finds the same rings as the in-process path, follows cases the
 * same way and leaves no projection behind; a store without them says so and what to use.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../server/store/graph-store.ts";
import type { AnalysisResult } from "../../server/domain/analysis-types.ts";
import { importFolder } from "../../server/ingest/import-folder.ts";
import { runAnalysis } from "../../server/tasks/run-analysis.ts";
import { detectInStore } from "../../server/tasks/detect-in-store.ts";
import { GdsGraph, type GdsRead } from "../../server/store/neo4j-gds-graph.ts";
import { updateCase } from "../../server/investigation/update-case.ts";
import { listAlerts } from "../../server/investigation/investigation-records.ts";
import { isRinglensError } from "../../server/errors.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";
import { adHoc } from "../helpers/ad-hoc-cypher.ts";

const NOW = Date.UTC(2024, 6, 1);
const T = 30_000;
const SETTINGS = { hubThreshold: 10 } as const;
const plain = (result: AnalysisResult) => JSON.parse(JSON.stringify(result.rings.map(({ lineage: _, ...ring }) => ring))) as unknown;

/** ringlens' projections still in GDS's catalogue. */
async function projections(store: GraphStore): Promise<string[]> {
  const { rows } = await store.query(adHoc("CALL gds.graph.list() YIELD graphName RETURN graphName"), {}, { timeoutMs: T });
  return rows.map((r) => String(r.graphName)).filter((n) => n.startsWith("ringlens-"));
}

export function inStoreContract(name: string, makeStore: () => Promise<GraphStore>, hasGraphAlgorithms: boolean): void {
  describe(`${name} store contract — analysis in the store`, () => {
    const dir = tempDir("ringlens-contract-in-store-");
    let store: GraphStore;
    beforeAll(async () => {
      store = await makeStore();
      await importFolder({ folder: path.join(FIXTURES, "small"), store, rejectFile: path.join(dir, "rejects.csv") });
    });
    afterAll(() => store?.close());

    if (!hasGraphAlgorithms) {
      it("says it cannot analyse in the store, and what to use instead", async () => {
        const error = await runAnalysis(store, { ...SETTINGS, now: NOW }, () => {}, { inStore: true }).catch((e: unknown) => e);
        expect(isRinglensError(error) && error.kind).toBe("invalid-input");
        expect((error as Error).message).toMatch(/no graph algorithms library.*without --in-store.*Neo4j with Graph Data Science/);
        // Nothing was written: the store holds no analysis.
        expect((await store.counts()).Ring).toBe(0);
      });
      return;
    }

    it("finds in the store the same rings, scores, reasons, insiders, hubs and attachments as in process", async () => {
      const inProcess = await runAnalysis(store, { ...SETTINGS, now: NOW });
      const inStore = await runAnalysis(store, { ...SETTINGS, now: NOW }, () => {}, { inStore: true });
      expect(inProcess.rings.length).toBeGreaterThan(0);
      expect(plain(inStore)).toEqual(plain(inProcess));
      expect(inStore.hubs).toEqual(inProcess.hubs);
      expect(inStore.hubThreshold).toBe(inProcess.hubThreshold);
      // The rings written are the in-store ones, with the in-store phases recorded.
      expect((await store.counts()).Ring).toBe(inStore.rings.length);
      expect(inStore.summary.phases.map((p) => p.phase)).toEqual(expect.arrayContaining(["in-store components", "in-store counts"]));
    });

    it("splits a group above the ring size with the store's Louvain into linked pieces no larger than the group", async () => {
      const whole = await runAnalysis(store, { ...SETTINGS, now: NOW }, () => {}, { inStore: true });
      const biggest = whole.rings.reduce((a, b) => (b.size > a.size ? b : a));
      const split = await runAnalysis(store, { ...SETTINGS, maxRingSize: biggest.size - 1, now: NOW }, () => {}, { inStore: true });
      const pieces = split.rings.filter((r) => r.accountIds.every((a) => biggest.accountIds.includes(a)));
      expect(pieces.length).toBeGreaterThan(1);
      const members = pieces.flatMap((r) => r.accountIds);
      expect(new Set(members).size).toBe(members.length);
      for (const piece of pieces) expect(piece.size).toBeLessThan(biggest.size);
      // A split's pieces stay linked to each other through what they share.
      expect(pieces.some((p) => p.links.some((l) => pieces.some((q) => q.id === l.ringId)))).toBe(true);
      // The same split in two runs (GDS's Louvain on one thread).
      const again = await runAnalysis(store, { ...SETTINGS, maxRingSize: biggest.size - 1, now: NOW }, () => {}, { inStore: true });
      expect(plain(again)).toEqual(plain(split));
    });

    it("raises the alert for an account newly linked to a confirmed ring", async () => {
      const first = await runAnalysis(store, { ...SETTINGS, now: NOW }, () => {}, { inStore: true });
      const ringId = first.rings.find((r) => r.accountIds.includes("RA01"))!.id;
      const opened = await updateCase(store, ringId, { status: "confirmed", assignee: "ana" }, "ana");
      const back = path.join(dir, "back");
      fs.mkdirSync(back, { recursive: true });
      fs.writeFileSync(path.join(back, "accounts.csv"), "account_id,created_at,country\nNX01,2024-06-20,DE\n");
      fs.writeFileSync(path.join(back, "devices.csv"), "account_id,device_id\nNX01,dev-r1a\n");
      await importFolder({ folder: back, store, rejectFile: path.join(dir, "rejects-back.csv") });
      const second = await runAnalysis(store, { ...SETTINGS, now: NOW + 86_400_000 }, () => {}, { inStore: true });
      expect(second.investigation.casesMoved).toBe(1);
      expect((await listAlerts(store, { status: "open" })).find((a) => a.kind === "linked-to-confirmed")).toMatchObject({
        accountId: "NX01",
        caseId: opened.id,
        identifier: { kind: "Device", id: "dev-r1a" },
      });
    });

    it("drops the projections a killed run left, and none another run may be using", async () => {
      const leave = (name: string) =>
        store.query(
          adHoc(`MATCH (a:Account) WITH a LIMIT 1 RETURN gds.graph.project('${name}', a, null).nodeCount AS nodes`),
          {},
          { timeoutMs: T },
        );
      await leave("ringlens-links-left-by-a-killed-run");
      const read: GdsRead = (text, params) => store.query(text, params, { timeoutMs: T });
      await detectInStore(new GdsGraph(read, "Graph Data Science", 3_600_000), { ...SETTINGS, now: NOW });
      expect(await projections(store)).toEqual(["ringlens-links-left-by-a-killed-run"]);
      await detectInStore(new GdsGraph(read, "Graph Data Science", 0), { ...SETTINGS, now: NOW });
      expect(await projections(store)).toEqual([]);
    });

    it("leaves no projection behind, also when a step after the projection fails", async () => {
      expect(await projections(store)).toEqual([]);
      let projected = false;
      const failing = new GdsGraph(async (text, params) => {
        if (text.name === "store/neo4j-gds-components") {
          projected = (await projections(store)).length > 0;
          throw new Error("injected: the store went away during gds.wcc");
        }
        return store.query(text, params, { timeoutMs: T });
      }, "Graph Data Science");
      await expect(detectInStore(failing, { ...SETTINGS, now: NOW })).rejects.toThrow(/injected/);
      expect(projected).toBe(true);
      expect(await projections(store)).toEqual([]);
    });
  });
}
