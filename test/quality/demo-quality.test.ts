/**
 * The demo end to end at its default size: generate (seed 1), load, load again, analyse,
 * evaluate against the planted truth. Asserts the import's counts and the quality floors.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDemo } from "../../server/demo/write-demo.ts";
import { openEmbeddedStore, type EmbeddedStore } from "../../server/store/embedded-store.ts";
import { importFolder, type ImportReport } from "../../server/ingest/import-folder.ts";
import { runAnalysis } from "../../server/tasks/run-analysis.ts";
import { evaluateStore } from "../../server/cli/eval-command.ts";
import { loadConfig } from "../../server/config.ts";
import { normaliseAddressKey } from "../../server/domain/normalise/address-key.ts";
import { isPlaceholder } from "../../server/domain/normalise/placeholders.ts";
import { evaluate } from "../../server/domain/eval/evaluate.ts";
import { readMemberships } from "../../server/cli/export-rings-command.ts";
import { readTruth } from "../../server/cli/eval-command.ts";
import { readCsv } from "../helpers/read-csv.ts";
import { tempDir } from "../helpers/temp-dir.ts";

describe("the default demo, seed 1", () => {
  const dir = tempDir();
  const demo = path.join(dir, "demo");
  const db = path.join(dir, "db");
  let store: EmbeddedStore;
  let first: ImportReport;

  beforeAll(async () => {
    await writeDemo({ out: demo, seed: 1 });
    store = await openEmbeddedStore({ folder: db });
    await store.ensureSchema();
    first = await importFolder({ folder: demo, store, rejectFile: path.join(dir, "r1.csv") });
  }, 300_000);
  afterAll(() => store?.close());

  it("loads every row the generator wrote, and the graph holds exactly those entities", async () => {
    expect(first.rejected).toBe(0);
    expect(first.loaded).toBe(first.read);
    const csv = (name: string) => readCsv(path.join(demo, name));
    const addresses = csv("addresses.csv");
    const devices = csv("devices.csv");
    const refunds = csv("refunds.csv");
    const contacts = csv("contacts.csv");
    const counts = await store.counts();
    expect(counts).toMatchObject({
      Account: csv("accounts.csv").length,
      Employee: csv("employees.csv").length,
      Refund: refunds.length,
      REQUESTED: refunds.length,
      APPROVED: refunds.filter((r) => r.employee_id).length,
      // Operators' devices are seen only in support contacts; placeholder ids in neither become nodes.
      Device: new Set(
        [...devices.map((d) => d.device_id), ...contacts.map((c) => c.device_id)].filter((d) => d && !isPlaceholder("device", d!)),
      ).size,
      Contact: contacts.length,
      HAS_CONTACT: contacts.length,
      DISCUSSED_IN: contacts.filter((c) => c.refund_id).length,
      USES: new Set(devices.map((d) => `${d.account_id}|${d.device_id}`)).size,
      Address: new Set(
        addresses.map((a) =>
          normaliseAddressKey({
            line1: a.line1!,
            line2: a.line2,
            city: a.city,
            postalCode: a.postal_code,
            region: a.region,
            country: a.country,
          }),
        ),
      ).size,
    });
  });

  it("changes nothing when the same folder is loaded again", async () => {
    const before = await store.counts();
    const second = await importFolder({ folder: demo, store, rejectFile: path.join(dir, "r2.csv") });
    expect(second.loaded).toBe(first.loaded);
    expect(await store.counts()).toEqual(before);
  }, 300_000);

  it("finds the planted rings and insiders above the quality floors, far above naive components", async () => {
    await runAnalysis(store, {});
    await store.close();
    const report = await evaluateStore({ ...loadConfig({}), db }, path.join(demo, "truth"));
    store = await openEmbeddedStore({ folder: db });
    const { ringlens, naive } = report;
    expect(ringlens.rings.recall).toBeGreaterThanOrEqual(0.95);
    expect(ringlens.precisionAtK.precision).toBeGreaterThanOrEqual(0.9);
    expect(ringlens.pairwise.f1).toBeGreaterThanOrEqual(0.9);
    expect(ringlens.insiders.recall).toBeGreaterThanOrEqual(0.9);
    expect(ringlens.insiders.precision).toBeGreaterThanOrEqual(0.8);
    expect(naive.pairwise.precision).toBeLessThan(0.1);
  }, 300_000);

  it("recovers every refund-as-a-service ring, which only its support contacts tie", async () => {
    const truth = readTruth(path.join(demo, "truth"));
    const services = new Map([...truth.rings].filter(([id]) => id.startsWith("svc-")));
    expect(services.size).toBe(5);
    const byRing = new Map<string, { ringId: string; accountIds: string[]; score: number; flagged: boolean }>();
    for (const m of await readMemberships(store, "low")) {
      const ring = byRing.get(m.ring_id) ?? { ringId: m.ring_id, accountIds: [], score: m.score, flagged: m.flagged };
      ring.accountIds.push(m.account_id);
      byRing.set(m.ring_id, ring);
    }
    const found = evaluate([...byRing.values()], [], { rings: services, insiders: [] });
    expect(found.rings.recall).toBe(1);
  });
});
