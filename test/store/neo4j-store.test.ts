/**
 * The Neo4j adapter driven through the real neo4j-driver against a scripted Bolt peer: what it
 * sends (transactions, modes, timeouts, typed parameters, batches) and how it maps what comes
 * back (records, graph values, failures). No Cypher is executed here; see test/contract for that.
 */
import { afterEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { openNeo4jStore, type Neo4jStore } from "../../server/store/neo4j-store.ts";
import { schemaStatements, STORE_STATEMENTS } from "../../server/store/neo4j-statements.ts";
import { UPSERT_STATEMENTS } from "../../server/store/neo4j-upserts.ts";
import { ANALYSIS_WRITES } from "../../server/store/neo4j-analysis-io.ts";
import { runHealth } from "../../server/cli/health-command.ts";
import { loadConfig } from "../../server/config.ts";
import { NODE_LABELS, REL_TYPES, type Account } from "../../server/domain/model.ts";
import type { AnalysisResult } from "../../server/domain/analysis/types.ts";
import { Struct, bolt, startFakeBolt, type FakeBoltOptions, type FakeBoltServer } from "./fake-bolt-server.ts";

let fake: FakeBoltServer | undefined;
let store: Neo4jStore | undefined;
afterEach(async () => {
  await store?.close();
  await fake?.close();
  store = undefined;
  fake = undefined;
});

const pingOk = (query: string) => (query === STORE_STATEMENTS.ping ? { fields: ["ok"], records: [[1n]] } : undefined);

async function open(run: FakeBoltOptions["run"], extra: Partial<FakeBoltOptions> = {}, batchSize?: number) {
  fake = await startFakeBolt({ run: (q, p, c) => pingOk(q) ?? run(q, p, c), ...extra });
  store = await openNeo4jStore({ uri: fake.uri, user: "analyst", password: "pw", database: "fraud", batchSize, maxRetryTimeMs: 5_000 });
  fake.messages.length = 0;
  fake.runs().length = 0;
  return store;
}
const begins = () => fake!.messages.filter((m) => m.type === "BEGIN").map((m) => m.fields[0] as Record<string, unknown>);

describe("opening the Neo4j store", () => {
  it("logs in with NEO4J_USER/NEO4J_PASSWORD, checks the database answers and reports the server version", async () => {
    fake = await startFakeBolt({ agent: "Neo4j/5.26.0", run: (q) => pingOk(q) ?? { fields: [] } });
    store = await openNeo4jStore({ uri: fake.uri, user: "analyst", password: "pw", database: "fraud" });
    expect(fake.messages[0]).toMatchObject({ type: "HELLO", fields: [{ scheme: "basic", principal: "analyst", credentials: "pw" }] });
    expect(fake.runs()[0]).toMatchObject({ query: "RETURN 1 AS ok", tx: { db: "fraud" } });
    expect(store.info).toEqual({ engine: "neo4j", engineVersion: "Neo4j/5.26.0", location: `${fake.uri} (database fraud)` });
  });

  it("says to check NEO4J_USER and NEO4J_PASSWORD when the server refuses the credentials", async () => {
    fake = await startFakeBolt({ hello: () => ({ code: "Neo.ClientError.Security.Unauthorized", message: "The client is unauthorized due to authentication failure." }), run: () => ({ fields: [] }) });
    const opening = openNeo4jStore({ uri: fake.uri, user: "analyst", password: "wrong" });
    await expect(opening).rejects.toMatchObject({ kind: "invalid-input", message: expect.stringContaining("NEO4J_USER and NEO4J_PASSWORD") });
  });

  it("says to check NEO4J_DATABASE when the database does not exist", async () => {
    fake = await startFakeBolt({ run: () => ({ failure: { code: "Neo.ClientError.Database.DatabaseNotFound", message: "Database does not exist. Database name: 'nope'." } }) });
    await expect(openNeo4jStore({ uri: fake.uri, user: "neo4j", password: "pw", database: "nope" }))
      .rejects.toMatchObject({ kind: "invalid-input", message: expect.stringContaining("NEO4J_DATABASE") });
  });

  it("says to check NEO4J_URI, quickly, when nothing listens there", async () => {
    const started = Date.now();
    await expect(openNeo4jStore({ uri: "bolt://127.0.0.1:1", user: "neo4j", password: "pw" }))
      .rejects.toMatchObject({ kind: "unavailable", message: expect.stringContaining("NEO4J_URI") });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("saved and read-model queries", () => {
  it("run in a READ transaction with the timeout, integral numbers as INTEGER, fractions as FLOAT, Dates as UTC DateTime", async () => {
    const s = await open(() => ({ fields: ["n"], records: [[1n]] }));
    await s.query("MATCH (r:Ring) WHERE r.score >= $minScore AND r.analysedAt >= $since RETURN r SKIP $offset LIMIT $limit",
      { minScore: 0.5, since: new Date("2024-03-01T00:00:00Z"), offset: 0, limit: 25 }, { timeoutMs: 1234 });
    expect(begins()).toEqual([{ db: "fraud", mode: "r", tx_timeout: 1234n }]);
    const { params } = fake!.runs()[0]!;
    expect(params.limit).toBe(25n);
    expect(params.offset).toBe(0n);
    expect(params.minScore).toBe(0.5);
    expect(params.since).toEqual(new Struct(0x49, [BigInt(Date.UTC(2024, 2, 1) / 1000), 0n, 0n]));
  });

  it("return plain rows: numbers, ISO times, nodes and relationships keyed Label:id", async () => {
    const s = await open(() => ({
      fields: ["a", "s", "x", "total", "big", "opened"],
      records: [[bolt.node(1, ["Account"], { id: "RA01", country: "US" }), bolt.rel(7, 1, 2, "SHIPS_TO", { type: "shipping" }),
        bolt.node(2, ["Address"], { id: "77 drop st|newark" }), 12n, 2n ** 60n, bolt.dateTime(Date.UTC(2024, 2, 1, 10), 3600)]],
    }));
    const { columns, rows } = await s.query("MATCH (a)-[s]->(x) RETURN a, s, x", {}, { timeoutMs: 1000 });
    expect(columns).toEqual(["a", "s", "x", "total", "big", "opened"]);
    expect(rows[0]).toEqual({
      a: { _type: "node", label: "Account", id: "RA01", properties: { id: "RA01", country: "US" } },
      s: { _type: "rel", type: "SHIPS_TO", source: "Account:RA01", target: "Address:77 drop st|newark", properties: { type: "shipping" } },
      x: { _type: "node", label: "Address", id: "77 drop st|newark", properties: { id: "77 drop st|newark" } },
      total: 12, big: "1152921504606846976", opened: "2024-03-01T10:00:00.000Z",
    });
  });

  it("keep the column list when no row comes back", async () => {
    const s = await open(() => ({ fields: ["id", "score"], records: [] }));
    expect(await s.query("MATCH (r:Ring) RETURN r.id AS id, r.score AS score", {}, { timeoutMs: 1000 })).toEqual({ columns: ["id", "score"], rows: [] });
  });

  it("refuse a write as forbidden, without retrying", async () => {
    const s = await open(() => ({ failure: { code: "Neo.ClientError.Statement.AccessMode", message: "Writing in read access mode not allowed." } }));
    await expect(s.query("MATCH (a:Account) SET a.name = 'x'", {}, { timeoutMs: 1000 })).rejects.toMatchObject({ kind: "forbidden" });
    expect(begins()).toHaveLength(1);
  });

  it("stop at the timeout as kind timeout, without retrying", async () => {
    const s = await open(() => ({ failure: { code: "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", message: "The transaction has not completed within the timeout specified at its start by the client." } }));
    await expect(s.query("UNWIND range(1, 100000) AS x RETURN count(*)", {}, { timeoutMs: 300 })).rejects.toMatchObject({ kind: "timeout" });
    expect(begins()).toEqual([{ db: "fraud", mode: "r", tx_timeout: 300n }]);
  });

  it("answer bad Cypher as invalid input", async () => {
    const s = await open(() => ({ failure: { code: "Neo.ClientError.Statement.SyntaxError", message: "Invalid input 'RETURN': expected ')'" } }));
    await expect(s.query("MATCH (a:Account RETURN a", {}, { timeoutMs: 1000 })).rejects.toMatchObject({ kind: "invalid-input" });
  });

  it("are retried by the driver after a transient error", async () => {
    const s = await open((_q, _p, ctx) => (ctx.index === 0
      ? { failure: { code: "Neo.TransientError.Transaction.DeadlockDetected", message: "Deadlock detected." } }
      : { fields: ["n"], records: [[3n]] }));
    expect((await s.query("MATCH (n) RETURN count(n) AS n", {}, { timeoutMs: 1000 })).rows).toEqual([{ n: 3 }]);
    expect(begins()).toHaveLength(2);
  });
});

const account = (i: number): Account => ({ id: `A${String(i).padStart(5, "0")}`, createdAt: Date.UTC(2024, 0, 1), country: "US", email: null, phone: null, name: null, status: null });

describe("upserts", () => {
  it("split a batch from ingest into write transactions of at most the batch size", async () => {
    const s = await open(() => ({ fields: [] }), {}, 5_000);
    await s.upsert("Account", Array.from({ length: 12_001 }, (_, i) => account(i)));
    expect(begins().map((b) => b.mode)).toEqual([undefined, undefined, undefined]);
    const runs = fake!.runs();
    expect(runs.map((r) => (r.params.rows as unknown[]).length)).toEqual([5_000, 5_000, 2_001]);
    expect(runs.every((r) => r.query === UPSERT_STATEMENTS.Account[0])).toBe(true);
    const row = (runs[0]!.params.rows as Record<string, unknown>[])[0]!;
    expect(row).toEqual({ id: "A00000", createdAt: new Struct(0x49, [BigInt(Date.UTC(2024, 0, 1) / 1000), 0n, 0n]), country: "US", email: null, phone: null, name: null, status: null });
  });

  it("run a refund batch's four statements in one transaction, amounts as FLOAT", async () => {
    const s = await open(() => ({ fields: [] }));
    await s.upsert("Refund", [{ id: "F1", accountId: "A1", employeeId: "E1", orderId: null, amount: 1899, currency: "USD", item: null, category: "laptop", requestedAt: 0, approvedAt: null, returned: false, channel: null, status: "approved" }]);
    expect(begins()).toHaveLength(1);
    expect(fake!.runs().map((r) => r.query)).toEqual([...UPSERT_STATEMENTS.Refund]);
    const row = (fake!.runs()[0]!.params.rows as Record<string, unknown>[])[0]!;
    expect(row.amount).toBe(1899);
    expect(typeof row.amount).toBe("number");
  });

  it("are refused in a store opened read-only", async () => {
    fake = await startFakeBolt({ run: (q) => pingOk(q) ?? { fields: [] } });
    store = await openNeo4jStore({ uri: fake.uri, user: "neo4j", password: "pw", readOnly: true });
    await expect(store.upsert("Account", [account(1)])).rejects.toMatchObject({ kind: "forbidden" });
    await expect(store.setMeta("k", "v")).rejects.toMatchObject({ kind: "forbidden" });
  });
});

describe("schema, counts and meta", () => {
  it("applies each statement of cypher/schema/neo4j.cypher in its own write transaction, once", async () => {
    const s = await open(() => ({ fields: [] }));
    await s.ensureSchema();
    await s.ensureSchema();
    expect(fake!.runs().map((r) => r.query)).toEqual(schemaStatements());
    expect(begins()).toHaveLength(schemaStatements().length);
  });

  it("counts every label and relationship type in one read transaction", async () => {
    const s = await open(() => ({ fields: ["c"], records: [[4n]] }));
    const counts = await s.counts();
    expect(Object.keys(counts)).toEqual([...NODE_LABELS, ...REL_TYPES]);
    expect(Object.values(counts).every((c) => c === 4)).toBe(true);
    expect(begins()).toHaveLength(1);
  });

  it("reads and writes meta values by key", async () => {
    const s = await open((q) => (q === STORE_STATEMENTS.getMeta ? { fields: ["value"], records: [["{\"at\":1}"]] } : { fields: [] }));
    expect(await s.getMeta("lastImport")).toBe("{\"at\":1}");
    await s.setMeta("lastAnalysis", "x");
    expect(fake!.runs().map((r) => r.params)).toEqual([{ key: "lastImport" }, { key: "lastAnalysis", value: "x" }]);
  });

  it("pings false, quickly, once the server is gone", async () => {
    const s = await open(() => ({ fields: [] }));
    expect(await s.ping()).toBe(true);
    await fake!.close();
    fake = undefined;
    const started = Date.now();
    expect(await s.ping()).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("analysis over Bolt", () => {
  it("reads accounts, links and refunds in pages with INTEGER page sizes", async () => {
    const ids = ["A1", "A2", "A3"];
    fake = await startFakeBolt({
      run: (q, p) => {
        const ok = pingOk(q);
        if (ok) return ok;
        const page = ids.filter((id) => id > String(p.after)).slice(0, Number(p.pageSize));
        if (q.includes("MATCH (f:Refund)")) return { fields: [], records: [] };
        if (q.includes("RETURN a.id AS id")) return { fields: ["id", "createdAt", "country"], records: page.map((id) => [id, bolt.dateTime(Date.UTC(2024, 0, 1)), "US"]) };
        if (q.includes("AS accountId")) return { fields: ["accountId", "identifierIds"], records: page.map((id) => [id, q.includes(":SHIPS_TO") ? ["x1"] : []]) };
        return { fields: [], records: [] };
      },
    });
    store = await openNeo4jStore({ uri: fake.uri, user: "neo4j", password: "pw", pageSize: 2 });
    const input = await store.readAnalysisInput();
    expect(input.accounts).toEqual(ids.map((id) => ({ id, createdAt: Date.UTC(2024, 0, 1), country: "US" })));
    expect(input.links).toEqual(ids.map((accountId) => ({ accountId, kind: "Address", identifierId: "x1" })));
    const accountPages = fake.runs().filter((r) => r.query.includes("RETURN a.id AS id"));
    expect(accountPages.map((r) => r.params)).toEqual([{ after: "", pageSize: 2n }, { after: "A2", pageSize: 2n }]);
    expect(accountPages.every((r) => r.tx.mode === "r")).toBe(true);
  });

  const result: AnalysisResult = {
    rings: [{ id: "R1", accountIds: ["A1", "A2"], size: 2, score: 45, level: "medium", reasons: [], hubs: [], countries: ["US"], refundCount: 2, refundValue: 100, noReturnShare: 1, insiders: [] }],
    hubs: [], hubThreshold: 10, phases: [], analysedAt: Date.UTC(2024, 6, 1),
  };

  it("stages the new rings, then swaps them in one transaction", async () => {
    const s = await open((q) => (q === ANALYSIS_WRITES.countStaged ? { fields: ["staged"], records: [[1n]] } : { fields: [] }));
    await s.writeAnalysis(result);
    const queries = fake!.runs().map((r) => r.query);
    expect(queries).toEqual([ANALYSIS_WRITES.stageRings, ANALYSIS_WRITES.stageMembers, ANALYSIS_WRITES.countStaged, ANALYSIS_WRITES.deleteCurrent, ANALYSIS_WRITES.deleteOtherStaged, ANALYSIS_WRITES.promote]);
    expect(begins()).toHaveLength(3);
    const ring = (fake!.runs()[0]!.params.rows as Record<string, unknown>[])[0]!;
    expect(ring).toMatchObject({ id: "R1", size: 2n, score: 45, refundCount: 2n, insiderCount: 0n, countries: ["US"] });
    expect(fake!.runs()[0]!.params.analysedAt).toEqual(new Struct(0x49, [BigInt(Date.UTC(2024, 6, 1) / 1000), 0n, 0n]));
  });

  it("keeps the previous rings when the swap fails, drops the staging and reports a conflict", async () => {
    const s = await open((q) => {
      if (q === ANALYSIS_WRITES.countStaged) return { fields: ["staged"], records: [[1n]] };
      if (q === ANALYSIS_WRITES.promote) return { failure: { code: "Neo.ClientError.Schema.ConstraintValidationFailed", message: "Node(1) already exists with label `Ring` and property `id` = 'R1'" } };
      return { fields: [] };
    });
    await expect(s.writeAnalysis(result)).rejects.toMatchObject({ kind: "conflict" });
    const types = fake!.messages.map((m) => m.type);
    // Two staging transactions, the failed swap, the clean-up: the swap never commits.
    expect(types.filter((t) => t === "BEGIN")).toHaveLength(4);
    expect(types.filter((t) => t === "COMMIT")).toHaveLength(3);
    expect(fake!.runs().at(-1)!.query).toBe(ANALYSIS_WRITES.dropStaged);
  });
});

describe("ringlens health on Neo4j", () => {
  const capture = () => {
    let text = "";
    const out = new Writable({ write(chunk, _enc, done) { text += String(chunk); done(); } });
    return { out, text: () => text };
  };

  it("says which store answers and what it holds, exit 0", async () => {
    fake = await startFakeBolt({ run: (q) => pingOk(q) ?? { fields: ["c"], records: [[2n]] } });
    const c = capture();
    expect(await runHealth(loadConfig({ NEO4J_URI: fake.uri, NEO4J_PASSWORD: "pw" }), c.out)).toBe(0);
    expect(c.text()).toContain(`store: neo4j (Neo4j/5.26.0) at ${fake.uri} (database default): answers`);
    expect(c.text()).toContain("Account=2");
  });

  it("names NEO4J_URI with exit 1 when the server is unreachable", async () => {
    const c = capture();
    expect(await runHealth(loadConfig({ NEO4J_URI: "bolt://127.0.0.1:1", NEO4J_PASSWORD: "pw" }), c.out)).toBe(1);
    expect(c.text()).toMatch(/^store: neo4j at bolt:\/\/127\.0\.0\.1:1: .*cannot reach.*ECONNREFUSED.*NEO4J_URI/);
  });

  it("reads NEO4J_URI from a .env file in the working folder, and the real environment wins", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringlens-env-"));
    try {
      fs.writeFileSync(path.join(dir, ".env"), "NEO4J_URI=bolt://127.0.0.1:2\nNEO4J_PASSWORD=from-file\n");
      const bin = path.resolve(import.meta.dirname, "../../bin/ringlens.mjs");
      const { NEO4J_URI: _u, NEO4J_PASSWORD: _p, RINGLENS_STORE: _s, ...env } = process.env;
      const fromFile = spawnSync(process.execPath, [bin, "health"], { cwd: dir, env, encoding: "utf8" });
      expect(fromFile.status).toBe(1);
      expect(fromFile.stdout).toContain("store: neo4j at bolt://127.0.0.1:2:");
      const overridden = spawnSync(process.execPath, [bin, "health"], { cwd: dir, env: { ...env, NEO4J_URI: "bolt://127.0.0.1:3" }, encoding: "utf8" });
      expect(overridden.stdout).toContain("store: neo4j at bolt://127.0.0.1:3:");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
