/**
 * The GraphStore contract: one suite every store runs. Same fixture in → same counts, same
 * rings, same rows for every saved query (each engine's own text from the catalogue), same
 * read-model answers, same import reports for bad input, same refusals (writes, timeouts, bad
 * Cypher), and an analysis that replaces the previous one without duplicates. The expected
 * values live in golden-small.json, written from the embedded store with
 * `RINGLENS_UPDATE_GOLDEN=1` and reviewed; every store must match them.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../server/store/graph-store.ts";
import type { AnalysisResult } from "../../server/domain/analysis-types.ts";
import { importFolder, type ImportReport } from "../../server/ingest/import-folder.ts";
import { runAnalysis } from "../../server/tasks/run-analysis.ts";
import { bindParams, loadCatalogue } from "../../server/queries/catalogue.ts";
import { listRings, getRing } from "../../server/read-model/ring-reads.ts";
import { ringGraph, neighbours } from "../../server/read-model/graph-reads.ts";
import { search } from "../../server/read-model/search.ts";
import { readInsiders, readMemberships } from "../../server/cli/export-rings-command.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";
import { adHoc } from "../helpers/ad-hoc-cypher.ts";
import { factsOf } from "../../server/domain/rings/link-columns.ts";
import { caseView, updateCase } from "../../server/investigation/update-case.ts";
import {
  addWatch,
  listAlerts,
  listAudit,
  listCases,
  listWatches,
  setAlertStatus,
} from "../../server/investigation/investigation-records.ts";
import { watchRows } from "../../server/investigation/run-watches.ts";
import { inStoreContract } from "./in-store-contract.ts";

const GOLDEN_FILE = path.join(import.meta.dirname, "golden-small.json");
const UPDATE = process.env.RINGLENS_UPDATE_GOLDEN === "1";
const NOW = Date.UTC(2024, 6, 1);
const T = 30_000;

/** Parameters of every saved query on the small fixture; `ring:RA01` is the ring holding RA01. */
export const SAVED_QUERY_RUNS: Record<string, Record<string, unknown>[]> = {
  "accounts-sharing-identifiers": [{ accountId: "RA01" }],
  "shared-identifiers": [{ account: "RA01" }, {}, { kinds: ["Address", "Device", "Email", "Phone", "Payment", "IP"], limit: 20 }],
  "addresses-multi-country": [{}],
  "connection-between-accounts": [
    { from: "RA01", to: "RA06" },
    { from: "RA01", to: "RA06", maxHops: 1 },
  ],
  "device-neighbourhood": [{ deviceId: "dev-r2" }],
  "devices-shared": [{}],
  "employee-vs-team": [{ employeeId: "E1" }],
  "employees-approving-ring": [{ minMembers: 4 }],
  "new-accounts-high-value": [{}],
  "refund-velocity": [{ minRefunds: 3, days: 7 }],
  "refunds-by-category": [{ category: "jewelry", minAmount: 1000 }],
  "ring-members-graph": [{ ringId: "ring:RA01" }],
  "ring-refunds-no-return": [{ ringId: "ring:RA01" }],
  "rings-multi-country": [{ minCountries: 3 }],
  "suspected-insiders": [{}],
};

/** Engine-neutral form of query rows: graph values as keys, numbers to 9 digits, unordered lists and rows sorted. */
export function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number(value.toPrecision(9));
  if (Array.isArray(value)) {
    const items = value.map(normalise);
    return items.every((v) => typeof v !== "object" || v === null) ? [...items].sort() : items;
  }
  if (typeof value !== "object") return value;
  const v = value as Record<string, unknown>;
  if (v._type === "node") return `${v.label}:${v.id}`;
  if (v._type === "rel") return `${v.source}-${v.type}->${v.target}`;
  if (v._type === "path") return { nodes: (v.nodes as unknown[]).map(normalise), rels: (v.rels as unknown[]).map(normalise) };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v).sort()) out[key] = normalise(v[key]);
  return out;
}

const sortedRows = (rows: Record<string, unknown>[]) =>
  rows.map(normalise).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const reportOf = (r: ImportReport) => ({
  files: r.files.map((f) => ({
    kind: f.kind,
    read: f.read,
    loaded: f.loaded,
    rejected: f.rejected,
    duplicates: f.duplicates,
    replaced: f.replaced,
  })),
  read: r.read,
  loaded: r.loaded,
  rejected: r.rejected,
});
const ringsOf = (result: AnalysisResult) =>
  result.rings
    // Lineage is the investigation's, checked in its own block below, not part of the golden rings.
    .map(({ lineage: _, ...r }) => ({ ...r, accountIds: [...r.accountIds].sort(), countries: [...r.countries].sort() }))
    .sort((a, b) => a.id.localeCompare(b.id));

/** Compares with the golden value, or records it when regenerating. */
function goldenChecker() {
  const golden: Record<string, unknown> = !UPDATE && fs.existsSync(GOLDEN_FILE) ? JSON.parse(fs.readFileSync(GOLDEN_FILE, "utf8")) : {};
  const recorded: Record<string, unknown> = {};
  return {
    check(key: string, actual: unknown) {
      const plain = JSON.parse(JSON.stringify(actual)) as unknown;
      if (UPDATE) recorded[key] = plain;
      else expect(plain, `golden ${key}`).toEqual(golden[key]);
    },
    save() {
      if (UPDATE) fs.writeFileSync(GOLDEN_FILE, `${JSON.stringify({ ...golden, ...recorded }, null, 1)}\n`);
    },
  };
}

/**
 * Runs the contract against a store kind. `makeStore` returns an empty, open store each call.
 * `has.graphAlgorithms`: the store runs `analyze --in-store` (Neo4j with GDS), or must say why not.
 * @example storeContract("embedded", async () => openEmbeddedStore({ folder: tempDir() }), { graphAlgorithms: false })
 */
export function storeContract(name: string, makeStore: () => Promise<GraphStore>, has: { graphAlgorithms: boolean }): void {
  const golden = goldenChecker();
  afterAll(() => golden.save());
  inStoreContract(name, makeStore, has.graphAlgorithms);

  describe(`${name} store contract — the small fixture, loaded and analysed`, () => {
    const dir = tempDir("ringlens-contract-");
    let store: GraphStore;
    let report: ImportReport;
    let result: AnalysisResult;
    const ringOf = (account: string) => result.rings.find((r) => r.accountIds.includes(account))!.id;
    const bind = (params: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(params).map(([k, v]) => [k, typeof v === "string" && v.startsWith("ring:") ? ringOf(v.slice(5)) : v]),
      );

    beforeAll(async () => {
      store = await makeStore();
      report = await importFolder({ folder: path.join(FIXTURES, "small"), store, rejectFile: path.join(dir, "rejects.csv") });
      result = await runAnalysis(store, { hubThreshold: 10, now: NOW });
    });
    afterAll(() => store?.close());

    it("reports the same import and holds the same counts", async () => {
      golden.check("small.report", reportOf(report));
      golden.check("small.counts", await store.counts());
    });

    it("finds the same rings, insiders and hubs, and stores them", async () => {
      golden.check("small.rings", ringsOf(result));
      golden.check("small.hubs", result.hubs);
      const stored = await store.query(
        adHoc(`MATCH (r:Ring) OPTIONAL MATCH (a:Account)-[:MEMBER_OF]->(r)
         RETURN r.id AS id, r.size AS size, r.score AS score, r.level AS level, r.countries AS countries, r.analysedAt AS analysedAt, collect(a.id) AS members`),
        {},
        { timeoutMs: T },
      );
      golden.check("small.storedRings", sortedRows(stored.rows));
    });

    it("reads back the analysis input it was given", async () => {
      const input = await store.readAnalysisInput();
      const sort = <X>(xs: X[]) => xs.map((x) => JSON.stringify(x)).sort();
      golden.check("small.input", { accounts: sort(input.accounts), links: sort(factsOf(input)), refunds: sort(input.refunds) });
    });

    it("has parameters for every saved query of the catalogue", () => {
      expect(Object.keys(SAVED_QUERY_RUNS).sort()).toEqual([...loadCatalogue().keys()].sort());
    });

    for (const [queryName, runs] of Object.entries(SAVED_QUERY_RUNS)) {
      runs.forEach((given, i) => {
        it(`answers saved query ${queryName} ${JSON.stringify(given)} with the same rows`, async () => {
          const query = loadCatalogue().get(queryName)!;
          const { columns, rows } = await store.query(query.text, bindParams(query, bind(given)), { timeoutMs: T });
          golden.check(`query.${queryName}.${i}`, { columns, rows: sortedRows(rows) });
        });
      });
    }

    it("answers the read model (ring list, ring detail, ring graph, search, neighbours) the same way", async () => {
      const ring = ringOf("RA01");
      const page = await listRings(store, { sort: "score", limit: 5, offset: 0, minSize: 2, country: "us" }, T);
      golden.check("read.listRings", page);
      golden.check("read.getRing", await getRing(store, ring, T));
      const graph = await ringGraph(store, ring, 5_000, T);
      golden.check("read.ringGraph", {
        nodes: graph.nodes
          .map((n) => [
            n.key,
            n.attributes.ringMember ?? false,
            n.attributes.insider ?? false,
            n.attributes.hub ?? false,
            n.attributes.value ?? null,
          ])
          .sort(),
        edges: graph.edges.map((e) => e.key).sort(),
      });
      golden.check("read.search", await search(store, "ra0", 20, T));
      const around = await neighbours(store, "Device", "dev-r2", 2, 1_000, T);
      golden.check("read.neighbours", { nodes: around.nodes.map((n) => n.key).sort(), edges: around.edges.map((e) => e.key).sort() });
      golden.check("read.memberships", await readMemberships(store, "low"));
      golden.check("read.insiders", await readInsiders(store));
    });

    it("refuses writes in the read-only query path", async () => {
      await expect(
        store.query(adHoc("MATCH (a:Account {id: 'RA01'}) SET a.name = 'x' RETURN a"), {}, { timeoutMs: T }),
      ).rejects.toMatchObject({ kind: "forbidden" });
      expect((await store.query(adHoc("MATCH (a:Account {id: 'RA01'}) RETURN a.name AS name"), {}, { timeoutMs: T })).rows).toEqual([
        { name: "Ring One 0" },
      ]);
    });

    it("stops a slow query at its timeout and keeps answering", async () => {
      const slow = "UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y WITH x, y WHERE x * y % 7 = 3 RETURN count(*) AS n";
      await expect(store.query(adHoc(slow), {}, { timeoutMs: 300 })).rejects.toMatchObject({ kind: "timeout" });
      expect(await store.ping()).toBe(true);
    });

    // A missing parameter is not part of the contract: Neo4j refuses it, the embedded engine
    // matches nothing. Saved queries cannot hit it (bindParams fills or refuses every parameter).
    it("answers broken Cypher as invalid input", async () => {
      await expect(store.query(adHoc("MATCH (a:Account RETURN a"), {}, { timeoutMs: T })).rejects.toMatchObject({ kind: "invalid-input" });
    });

    it("keeps a value a value: an injection attempt matches nothing and changes nothing", async () => {
      const before = await store.counts();
      const { rows } = await store.query(
        adHoc("MATCH (a:Account {id: $id}) RETURN a"),
        { id: "x'}) MATCH (n) DETACH DELETE n //" },
        { timeoutMs: T },
      );
      expect(rows).toEqual([]);
      expect(await store.counts()).toEqual(before);
    });

    it("keeps meta values by key", async () => {
      await store.setMeta("contract", '{"a":1}');
      expect(await store.getMeta("contract")).toBe('{"a":1}');
      expect(await store.getMeta("nothing-here")).toBeNull();
    });

    it("merges a re-import onto the same nodes and relationships", async () => {
      const before = await store.counts();
      await importFolder({ folder: path.join(FIXTURES, "small"), store, rejectFile: path.join(dir, "rejects-again.csv") });
      expect(await store.counts()).toEqual(before);
    });

    it("replaces the previous analysis as a unit, without duplicates", async () => {
      const before = await store.counts();
      const again = await runAnalysis(store, { hubThreshold: 10, now: NOW + 86_400_000 });
      expect(ringsOf(again).map((r) => r.id)).toEqual(ringsOf(result).map((r) => r.id));
      const after = await store.counts();
      expect(after).toEqual(before);
      const { rows } = await store.query(
        adHoc("MATCH (r:Ring) RETURN count(r) AS rings, count(DISTINCT r.id) AS ids, max(r.analysedAt) AS at"),
        {},
        { timeoutMs: T },
      );
      expect(rows[0]).toEqual({ rings: result.rings.length, ids: result.rings.length, at: new Date(NOW + 86_400_000).toISOString() });
      expect(after.MEMBER_OF).toBe(result.rings.reduce((s, r) => s + r.size, 0));
      expect(after.SUSPECTED_IN).toBe(result.rings.reduce((s, r) => s + r.insiders.length, 0));
    });

    it("keeps a ring's countries as written, whatever characters they hold", async () => {
      const odd = ["GB", "A;B", "x,y", '"q"'];
      const first = { ...result.rings[0]!, countries: odd };
      await store.writeAnalysis({ ...result, rings: [first, ...result.rings.slice(1)] });
      const { rows } = await store.query(
        adHoc("MATCH (r:Ring {id: $id}) RETURN r.countries AS countries"),
        { id: first.id },
        { timeoutMs: T },
      );
      expect([...(rows[0]!.countries as string[])].sort()).toEqual([...odd].sort());
      await store.writeAnalysis(result);
    });

    it("shows a ring's reasons and an insider's reason as written, whatever characters they hold", async () => {
      const odd = 'a "quoted", comma\tand\nline \\ break';
      const base = result.rings.find((r) => r.insiders.length > 0)!;
      const ring = {
        ...base,
        reasons: [{ ...base.reasons[0]!, label: odd }, ...base.reasons.slice(1)],
        insiders: [{ ...base.insiders[0]!, reason: odd }, ...base.insiders.slice(1)],
      };
      await store.writeAnalysis({ ...result, rings: result.rings.map((r) => (r.id === ring.id ? ring : r)) });
      const detail = await getRing(store, ring.id, T);
      expect(detail.reasons).toEqual(ring.reasons);
      expect(detail.insiders.find((i) => i.employeeId === ring.insiders[0]!.employeeId)?.reason).toBe(odd);
      await store.writeAnalysis(result);
    });

    it("keeps the previous analysis intact when writing a new one fails", async () => {
      const before = await store.query(
        adHoc("MATCH (r:Ring) OPTIONAL MATCH (a:Account)-[:MEMBER_OF]->(r) RETURN r.id AS id, r.analysedAt AS at, count(a) AS members"),
        {},
        { timeoutMs: T },
      );
      const counts = await store.counts();
      const first = result.rings[0]!;
      // Two rings with one id cannot both be stored: the write must fail as a whole.
      await expect(
        store.writeAnalysis({ ...result, rings: [first, { ...first }], analysedAt: NOW + 2 * 86_400_000 }),
      ).rejects.toBeDefined();
      const after = await store.query(
        adHoc("MATCH (r:Ring) OPTIONAL MATCH (a:Account)-[:MEMBER_OF]->(r) RETURN r.id AS id, r.analysedAt AS at, count(a) AS members"),
        {},
        { timeoutMs: T },
      );
      expect(sortedRows(after.rows)).toEqual(sortedRows(before.rows));
      expect(await store.counts()).toEqual(counts);
    });

    it("answers reads while an analysis is written, each from one whole analysis", async () => {
      const at = (offset: number) => new Date(NOW + offset * 86_400_000).toISOString();
      await store.writeAnalysis({ ...result, analysedAt: NOW + 3 * 86_400_000 });
      const writing = store.writeAnalysis({ ...result, analysedAt: NOW + 4 * 86_400_000 });
      let done = false;
      void writing.finally(() => {
        done = true;
      });
      const seen: unknown[] = [];
      // Readers keep asking until the write has finished, so some of them overlap its swap.
      const reader = async () => {
        do {
          const { rows } = await store.query(
            adHoc(
              "MATCH (r:Ring) OPTIONAL MATCH (a:Account)-[:MEMBER_OF]->(r) RETURN count(DISTINCT r) AS rings, count(a) AS members, max(r.analysedAt) AS at",
            ),
            {},
            { timeoutMs: T },
          );
          seen.push(rows[0]);
        } while (!done);
      };
      await Promise.all([writing, reader(), reader(), reader()]);
      const members = result.rings.reduce((s, r) => s + r.size, 0);
      expect(seen.length).toBeGreaterThanOrEqual(3);
      for (const row of seen)
        expect([
          { rings: result.rings.length, members, at: at(3) },
          { rings: result.rings.length, members, at: at(4) },
        ]).toContainEqual(row);
      const { rows } = await store.query(
        adHoc(
          "MATCH (r:Ring) OPTIONAL MATCH (a:Account)-[:MEMBER_OF]->(r) RETURN count(DISTINCT r) AS rings, count(a) AS members, max(r.analysedAt) AS at",
        ),
        {},
        { timeoutMs: T },
      );
      expect(rows[0]).toEqual({ rings: result.rings.length, members, at: at(4) });
      await store.writeAnalysis(result);
    });
  });

  describe(`${name} store contract — support contacts`, () => {
    const dir = tempDir("ringlens-contract-contacts-");
    let store: GraphStore;
    let report: ImportReport;
    beforeAll(async () => {
      store = await makeStore();
      report = await importFolder({ folder: path.join(FIXTURES, "contacts"), store, rejectFile: path.join(dir, "rejects.csv") });
    });
    afterAll(() => store?.close());

    it("loads the same contacts and rejects the same rows", async () => {
      golden.check("contacts.report", reportOf(report));
      golden.check("contacts.rejects", fs.readFileSync(report.rejectFile, "utf8").split("\n").slice(1).filter(Boolean).sort());
      golden.check("contacts.counts", await store.counts());
    });

    it("reads the contacting party's identifiers as links of the accounts served", async () => {
      const input = await store.readAnalysisInput();
      const links = factsOf(input);
      const of = (kind: string, identifierId: string) =>
        links
          .filter((l) => l.kind === kind && l.identifierId === identifierId)
          .map((l) => l.accountId)
          .sort();
      expect(of("ContactDevice", "dev-op")).toEqual(["S1", "S2", "S3", "S4"]);
      expect(of("Handle", "refund_king")).toEqual(["S1", "S2", "S3"]);
      expect(of("ContactPhone", "+14155550000")).toEqual(["S1", "S2"]);
      expect(of("ContactEmail", "op.desk@proton.test")).toEqual(["S1"]);
      expect(of("ContactIP", "81.2.69.142")).toEqual(["S1", "S2"]);
      expect(of("ContactDevice", "kiosk-1")).toHaveLength(40);
      // The operator's device on an account of its own is that account's Device link, apart from contacts.
      expect(of("Device", "dev-op")).toEqual(["Z1"]);
      golden.check("contacts.links", links.map((l) => JSON.stringify(l)).sort());
    });

    it("finds the service ring through its contacts, says so, and keeps the kiosk from linking", async () => {
      const result = await runAnalysis(store, { now: NOW });
      expect(result.rings.map((r) => r.accountIds)).toEqual([["S1", "S2", "S3", "S4"]]);
      expect(result.hubs).toContainEqual({ kind: "ContactDevice", identifierId: "kiosk-1", accounts: 40 });
      const detail = await getRing(store, result.rings[0]!.id, T);
      expect(detail.reasons.find((r) => r.code === "identifier-sharing")!.label).toBe(
        "4 accounts served from the same support-contact device",
      );
      const graph = await ringGraph(store, result.rings[0]!.id, 500, T);
      const keys = graph.nodes.map((n) => n.key);
      expect(keys).toEqual(expect.arrayContaining(["Contact:C1", "Device:dev-op", "Handle:refund_king", "Phone:+14155550000"]));
      golden.check("contacts.rings", ringsOf(result));
    });

    it("marks a kiosk as a hub in its neighbourhood and finds contacts and handles by search", async () => {
      const around = await neighbours(store, "Device", "kiosk-1", 1, 500, T);
      expect(around.nodes.find((n) => n.key === "Device:kiosk-1")!.attributes.hub).toBe(true);
      expect(around.nodes.filter((n) => n.attributes.type === "Contact")).toHaveLength(40);
      const hits = (text: string) => search(store, text, 20, T).then((h) => h.map((x) => `${x.type}:${x.id}`));
      expect(await hits("@Refund_K")).toEqual(["Handle:refund_king"]);
      expect(await hits("c1")).toEqual(["Contact:C1", "Contact:C10"]);
    });
  });

  describe(`${name} store contract — the investigation across a re-import and re-analysis`, () => {
    const dir = tempDir("ringlens-contract-case-");
    const back = path.join(dir, "back");
    let store: GraphStore;
    let first: AnalysisResult;
    const ringHolding = (r: AnalysisResult, account: string) => r.rings.find((x) => x.accountIds.includes(account))!.id;

    beforeAll(async () => {
      fs.mkdirSync(back, { recursive: true });
      fs.writeFileSync(path.join(back, "accounts.csv"), "account_id,created_at,country\nNX01,2024-06-20,DE\n");
      fs.writeFileSync(path.join(back, "devices.csv"), "account_id,device_id\nNX01,dev-r1a\n");
      store = await makeStore();
      await importFolder({ folder: path.join(FIXTURES, "small"), store, rejectFile: path.join(dir, "rejects.csv") });
      first = await runAnalysis(store, { hubThreshold: 10, now: NOW });
    });
    afterAll(() => store?.close());

    it("keeps a case, its ring's lineage and an alert for the account that came back through the ring's device", async () => {
      const ringId = ringHolding(first, "RA01");
      const opened = await updateCase(store, ringId, { status: "confirmed", assignee: "ana", note: "handed to LKA" }, "ana");
      await addWatch(store, {
        id: "W-contract",
        name: "shared devices",
        query: "devices-shared",
        params: {},
        seen: (await watchRows(store, loadCatalogue(), "devices-shared", {}, T)).map((r) => r.digest),
        addedBy: "ana",
        addedAt: new Date(NOW).toISOString(),
      });
      await importFolder({ folder: back, store, rejectFile: path.join(dir, "rejects-back.csv") });
      const second = await runAnalysis(store, { hubThreshold: 10, now: NOW + 86_400_000 });
      const grown = ringHolding(second, "NX01");
      expect(grown).toBe(ringHolding(second, "RA01"));
      expect(second.investigation.casesMoved).toBe(1);
      expect((await getRing(store, grown, T)).lineage).toEqual({
        state: "grew",
        previousId: ringId,
        added: ["NX01"],
        removed: [],
        mergedFrom: [],
        splitFrom: null,
      });
      const followed = (await caseView(store, grown))!;
      expect(followed).toMatchObject({ id: opened.id, ringId: grown, status: "confirmed", assignee: "ana" });
      expect(followed.notes.map((n) => n.text)).toEqual(["handed to LKA"]);
      expect(followed.history.map((h) => `${h.actor} ${h.action}`)).toEqual(["ana case.open", "analysis case.followed"]);
      const open = await listAlerts(store, { status: "open" });
      expect(open.map((a) => a.kind).sort()).toEqual(["linked-to-confirmed", "ring-grew", "watch"]);
      expect(open.find((a) => a.kind === "linked-to-confirmed")).toMatchObject({
        accountId: "NX01",
        ringId: grown,
        caseId: opened.id,
        identifier: { kind: "Device", id: "dev-r1a" },
      });
      // The same finding is raised once; acknowledging it is kept.
      expect((await runAnalysis(store, { hubThreshold: 10, now: NOW + 2 * 86_400_000 })).investigation.alerts).toEqual([]);
      await setAlertStatus(store, open[0]!.id, "acknowledged", "ana", new Date(NOW).toISOString());
      expect((await listAlerts(store, { status: "acknowledged" })).map((a) => [a.id, a.acknowledgedBy])).toEqual([[open[0]!.id, "ana"]]);
    });

    it("lists cases by status and assignee, and keeps cases, alerts, audit and watches through a re-import", async () => {
      const kept = async () => ({
        cases: await listCases(store),
        alerts: await listAlerts(store),
        audit: await listAudit(store),
        watches: await listWatches(store),
      });
      const before = await kept();
      expect(before.cases).toHaveLength(1);
      expect(await listCases(store, { status: "confirmed", assignee: "ana" })).toEqual(before.cases);
      expect(await listCases(store, { status: "dismissed" })).toEqual([]);
      expect(await listCases(store, { assignee: "bob" })).toEqual([]);
      await importFolder({ folder: path.join(FIXTURES, "small"), store, rejectFile: path.join(dir, "rejects-again.csv") });
      expect(await kept()).toEqual(before);
      expect(before.watches[0]!.seen.length).toBeGreaterThan(0);
    });
  });

  describe(`${name} store contract — a folder with bad input`, () => {
    const dir = tempDir("ringlens-contract-bad-");
    let store: GraphStore;
    beforeAll(async () => {
      store = await makeStore();
    });
    afterAll(() => store?.close());

    it("rejects the same rows and loads the same graph", async () => {
      const report = await importFolder({ folder: path.join(FIXTURES, "bad-input"), store, rejectFile: path.join(dir, "rejects.csv") });
      golden.check("bad.report", reportOf(report));
      golden.check("bad.rejects", fs.readFileSync(report.rejectFile, "utf8").split("\n").slice(1).filter(Boolean).sort());
      golden.check("bad.counts", await store.counts());
      const { rows } = await store.query(
        adHoc("MATCH (a:Account) RETURN a.id AS id, a.name AS name, a.createdAt AS createdAt"),
        {},
        { timeoutMs: T },
      );
      golden.check("bad.accounts", sortedRows(rows));
    });
  });
}
