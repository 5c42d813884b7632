/**
 * A peer's data set: Neo4j's public demo-fraud export, converted to ringlens input, loaded into
 * the embedded store with address, email and phone linking. ringlens must reproduce Neo4j's own
 * SHARED_IDENTIFIERS relationships exactly: the same 131 pairs, each with the same sharedCount
 * and sharedRatio (Jaccard index). The CSVs stay in ../shared/data (not copied here).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbeddedStore, type EmbeddedStore } from "../../server/store/embedded-store.ts";
import { importFolder } from "../../server/ingest/import-folder.ts";
import { loadCatalogue } from "../../server/queries/catalogue.ts";
import { sharedIdentifiers } from "../../server/read-model/shared-identifiers.ts";
import { detectRings } from "../../server/domain/rings/detect-rings.ts";
import { tempDir } from "../helpers/temp-dir.ts";
import { convertNeo4jDemoFraud, readPeerPairs } from "../fixtures/neo4j-demo-fraud/convert.ts";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const PEER = path.resolve(repoRoot, "../shared/data/neo4j-demo-fraud");
const present = fs.existsSync(path.join(PEER, "export_transactions_Customer.csv"));

describe.skipIf(!present)(`Neo4j's demo-fraud data set${present ? "" : ` (skipped: ${PEER} is missing)`}`, () => {
  const dir = tempDir();
  let store: EmbeddedStore;

  beforeAll(async () => {
    expect(convertNeo4jDemoFraud(PEER, path.join(dir, "in"))).toBe(74);
    store = await openEmbeddedStore({ folder: path.join(dir, "db") });
    const report = await importFolder({ folder: path.join(dir, "in"), store, rejectFile: path.join(dir, "rejects.csv") });
    expect(report.rejected).toBe(0);
    expect(report.placeholders).toBe(0);
  }, 120_000);
  afterAll(() => store?.close());

  it("reproduces Neo4j's SHARED_IDENTIFIERS: 131 pairs, the same sharedCount and sharedRatio", async () => {
    const ours = await sharedIdentifiers(
      store,
      loadCatalogue(),
      { account: null, kinds: ["address", "email", "phone"], limit: 100_000 },
      30_000,
    );
    const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
    const theirs = new Map(readPeerPairs(PEER).map((p) => [key(p.a, p.b), { sharedCount: p.sharedCount, sharedRatio: p.sharedRatio }]));
    expect(theirs.size).toBe(131);
    expect(ours).toHaveLength(131);
    const mine = new Map(ours.map((p) => [key(p.account, p.other), { sharedCount: p.sharedCount, sharedRatio: p.jaccard }]));
    expect(mine).toEqual(theirs);
  });

  it("answers one account's sharers the same way as the all-pairs query", async () => {
    const catalogue = loadCatalogue();
    const all = await sharedIdentifiers(store, catalogue, { account: null, kinds: ["Address", "Email", "Phone"], limit: 100_000 }, 30_000);
    const one = all[0]!;
    const forOne = await sharedIdentifiers(
      store,
      catalogue,
      { account: one.account, kinds: ["Address", "Email", "Phone"], limit: 1000 },
      30_000,
    );
    expect(forOne.find((p) => p.other === one.other)).toEqual(one);
    expect(forOne.length).toBe(all.filter((p) => p.account === one.account || p.other === one.account).length);
  });

  it("links every customer that shares an identifier into one group of 70 under the link policy", async () => {
    const input = await store.readAnalysisInput();
    const result = detectRings(input, {
      maxRingSize: 1000,
      now: 0,
      linkPolicy: { address: { link: true }, email: { link: true }, phone: { link: true } },
    });
    expect(result.rings.map((r) => r.size)).toEqual([70]);
    const addressOnly = detectRings(input, { maxRingSize: 1000, now: 0, linkPolicy: { email: { link: false }, phone: { link: false } } });
    expect(addressOnly.rings.reduce((s, r) => s + r.size, 0)).toBeLessThan(70);
  });
});
