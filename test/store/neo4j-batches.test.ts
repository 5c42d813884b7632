import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import {
  MAX_INDEXED_ID_BYTES,
  UPSERT_FIELDS,
  UPSERT_STATEMENTS,
  checkIndexedIds,
  chunk,
  toUpsertRow,
} from "../../server/store/neo4j-upserts.ts";
import { normaliseAddressKey } from "../../server/domain/normalise/address-key.ts";
import { ANALYSIS_WRITES, readAnalysisPages, stagedRows, writeAnalysisStaged, type Records } from "../../server/store/neo4j-analysis-io.ts";
import { UPSERT_ORDER } from "../../server/store/graph-store.ts";
import { toDateTime } from "../../server/store/neo4j-values.ts";
import { factsOf } from "../../server/domain/rings/link-columns.ts";
import type { AnalysisResult, RingResult } from "../../server/domain/analysis-types.ts";

const records = (rows: Record<string, unknown>[]): Records => rows.map((r) => ({ get: (k: string) => r[k] }));

describe("batches", () => {
  it("splits rows into batches of at most the batch size, keeping order", () => {
    const rows = Array.from({ length: 12_001 }, (_, i) => i);
    const batches = chunk(rows, 5_000);
    expect(batches.map((b) => b.length)).toEqual([5_000, 5_000, 2_001]);
    expect(batches.flat()).toEqual(rows);
    expect(chunk([], 5_000)).toEqual([]);
  });

  it("refuses a batch size that is not a whole number ≥ 1", () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
    expect(() => chunk([1], 2.5)).toThrow(RangeError);
  });
});

describe("upsert rows", () => {
  it("carry every field the statements read, absent ones as null, times as DateTime at UTC", () => {
    const row = toUpsertRow("Refund", {
      id: "F1",
      accountId: "A1",
      employeeId: null,
      orderId: null,
      amount: 1899,
      currency: "USD",
      item: null,
      category: "laptop",
      requestedAt: Date.UTC(2024, 2, 10),
      approvedAt: null,
      returned: false,
      channel: null,
      status: "approved",
    });
    expect(Object.keys(row)).toEqual([...UPSERT_FIELDS.Refund]);
    expect(neo4j.isDateTime(row.requestedAt)).toBe(true);
    expect(String(row.requestedAt)).toBe("2024-03-10T00:00:00Z");
    expect(row.approvedAt).toBeNull();
    expect(row.employeeId).toBeNull();
    // A JS number is sent as a float: amounts stay floats even when whole.
    expect(row.amount).toBe(1899);
    expect(neo4j.isInt(row.amount)).toBe(false);
  });

  it("every statement of every kind reads its rows through `UNWIND $rows AS row` and only known fields", () => {
    for (const kind of UPSERT_ORDER) {
      for (const statement of UPSERT_STATEMENTS[kind]) {
        expect(statement).toMatch(/^UNWIND \$rows AS row /);
        const used = [...statement.matchAll(/\brow\.(\w+)/g)].map((m) => m[1]);
        for (const field of used) expect(UPSERT_FIELDS[kind]).toContain(field);
      }
    }
  });
});

describe("paged analysis reads", () => {
  it("follow the ordered-id cursor until a short page, and keep every fact", async () => {
    const ids = Array.from({ length: 7 }, (_, i) => `A${i}`);
    const calls: { statement: string; after: unknown }[] = [];
    const read = async (statement: string, params: Record<string, unknown>) => {
      calls.push({ statement, after: params.after });
      const after = String(params.after);
      const page = ids.filter((id) => id > after).slice(0, Number(params.pageSize));
      if (statement.includes("RETURN a.id AS id"))
        return records(page.map((id) => ({ id, createdAt: toDateTime(Date.UTC(2024, 0, 1)), country: "US" })));
      if (statement.includes("AS accountId"))
        return records(page.map((id) => ({ accountId: id, identifierIds: statement.includes(":USES") ? [] : [`x-${id}`] })));
      return records([]);
    };
    const input = await readAnalysisPages(read, 3);
    expect(input.accounts.map((a) => a.id)).toEqual(ids);
    expect(input.accounts[0]!.createdAt).toBe(Date.UTC(2024, 0, 1));
    expect(factsOf(input).filter((l) => l.kind === "Address")).toHaveLength(7);
    expect(calls.filter((c) => c.statement.includes("RETURN a.id AS id")).map((c) => c.after)).toEqual(["", "A2", "A5"]);
  });

  it("drop refunds without a requester after moving the cursor past them", async () => {
    const read = async (statement: string, params: Record<string, unknown>) => {
      if (!statement.includes("MATCH (f:Refund)")) return records([]);
      if (params.after !== "") return records([]);
      return records([
        { id: "F1", accountId: "A1", employeeId: null, amount: 10, category: null, returned: null, requestedAt: null, status: null },
        { id: "F2", accountId: null, employeeId: null, amount: 5, category: null, returned: false, requestedAt: null, status: "approved" },
      ]);
    };
    const input = await readAnalysisPages(read, 2);
    expect(input.refunds).toEqual([
      { id: "F1", accountId: "A1", employeeId: null, amount: 10, category: null, returned: null, requestedAt: null, status: "approved" },
    ]);
  });
});

const ring = (id: string, accountIds: string[]): RingResult => ({
  id,
  accountIds,
  size: accountIds.length,
  score: 45,
  level: "medium",
  reasons: [],
  hubs: [],
  countries: ["US", "GB"],
  refundCount: 3,
  refundValue: 1200,
  noReturnShare: 1,
  links: [],
  attached: [],
  insiders: [{ employeeId: "E1", share: 0.5, baseline: 0.1, lift: 5, approvals: 3, noReturnApprovals: 2, score: 60, reason: "r" }],
});
const result = (rings: RingResult[]): AnalysisResult => ({
  rings,
  hubs: [],
  hubThreshold: 10,
  phases: [],
  analysedAt: Date.UTC(2024, 6, 1),
});

/** A fake transaction runner: records statements per transaction and answers countStaged. */
function fakeWriter(options: { failOn?: string; staged?: (analysisId: string) => number } = {}) {
  const txs: string[][] = [];
  let analysisId = "";
  const write = async <T>(work: (run: (s: string, p: Record<string, unknown>) => Promise<Records>) => Promise<T>): Promise<T> => {
    const tx: string[] = [];
    const value = await work(async (statement, params) => {
      tx.push(statement);
      if (params.analysisId) analysisId = String(params.analysisId);
      if (options.failOn && statement === options.failOn) throw new Error("boom");
      if (statement === ANALYSIS_WRITES.countStaged) return records([{ staged: neo4j.int(options.staged?.(analysisId) ?? 0) }]);
      return [];
    });
    txs.push(tx);
    return value;
  };
  return { write, txs, analysisId: () => analysisId };
}

describe("replacing the analysis", () => {
  it("stages rings, members and suspects in batches, then swaps them in with one transaction", async () => {
    const rings = [ring("R1", ["A1", "A2", "A3"]), ring("R2", ["A4", "A5"]), ring("R3", ["A6", "A7"])];
    const w = fakeWriter({ staged: () => 3 });
    await writeAnalysisStaged(w.write, result(rings), 2);
    const staging = w.txs.slice(0, -2).map((t) => t[0]);
    expect(staging.filter((s) => s === ANALYSIS_WRITES.stageRings)).toHaveLength(2);
    expect(staging.filter((s) => s === ANALYSIS_WRITES.stageMembers)).toHaveLength(4);
    expect(staging.filter((s) => s === ANALYSIS_WRITES.stageSuspects)).toHaveLength(2);
    expect(w.txs.at(-2)).toEqual([
      ANALYSIS_WRITES.countStaged,
      ANALYSIS_WRITES.retireCurrent,
      ANALYSIS_WRITES.deleteOtherStaged,
      ANALYSIS_WRITES.promote,
    ]);
    // The replaced rings go after the swap, in batches of their own.
    expect(w.txs.at(-1)).toEqual([ANALYSIS_WRITES.deleteRetired]);
  });

  it("leaves the current rings alone and drops its staging when staging fails", async () => {
    const w = fakeWriter({ failOn: ANALYSIS_WRITES.stageMembers, staged: () => 1 });
    await expect(writeAnalysisStaged(w.write, result([ring("R1", ["A1"])]), 10)).rejects.toThrow("boom");
    const all = w.txs.flat();
    expect(all).not.toContain(ANALYSIS_WRITES.retireCurrent);
    expect(all.at(-1)).toBe(ANALYSIS_WRITES.dropStaged);
  });

  it("refuses to swap when the staged rings are not all there (a concurrent analysis) and keeps the current ones", async () => {
    const w = fakeWriter({ staged: () => 0 });
    await expect(writeAnalysisStaged(w.write, result([ring("R1", ["A1"])]), 10)).rejects.toMatchObject({ kind: "conflict" });
    expect(w.txs.flat()).not.toContain(ANALYSIS_WRITES.retireCurrent);
  });

  it("types counts as Integer and keeps measures floats, even when whole", () => {
    const rows = stagedRows(result([ring("R1", ["A1", "A2"])]));
    expect(neo4j.isInt(rows.rings[0]!.size)).toBe(true);
    expect(neo4j.isInt(rows.rings[0]!.insiderCount)).toBe(true);
    expect(rows.rings[0]!.score).toBe(45);
    expect(neo4j.isInt(rows.rings[0]!.score)).toBe(false);
    expect(rows.rings[0]!.reasons).toBe("[]");
    expect(neo4j.isInt(rows.suspects[0]!.approvals)).toBe(true);
    expect(rows.members).toEqual([
      { ringId: "R1", accountId: "A1" },
      { ringId: "R1", accountId: "A2" },
    ]);
  });
});

describe("ids Neo4j can index", () => {
  it("refuses a node id over the index key limit before writing, naming kind and size", () => {
    const long = { id: "x".repeat(9_000), ip: null, userAgent: null };
    expect(() => checkIndexedIds("Device", [{ id: "ok", ip: null, userAgent: null }, long])).toThrow(/Device id of 9,000 bytes/);
    expect(() => checkIndexedIds("Device", [{ id: "é".repeat(3_999), ip: null, userAgent: null }])).not.toThrow();
    expect(() => checkIndexedIds("SHIPS_TO", [{ accountId: "a", addressId: "x".repeat(9_000), type: "shipping" }])).not.toThrow();
  });

  it("gets address keys from any street line short enough to index, equal lines meeting, different ones not", () => {
    const a = normaliseAddressKey({ line1: "x".repeat(20_000) });
    const b = normaliseAddressKey({ line1: `${"x".repeat(19_999)}y` });
    expect(Buffer.byteLength(a, "utf8")).toBeLessThanOrEqual(MAX_INDEXED_ID_BYTES);
    expect(normaliseAddressKey({ line1: "x".repeat(20_000) })).toBe(a);
    expect(a).not.toBe(b);
    expect(normaliseAddressKey({ line1: "12 Baker Street", postalCode: "NW1 6XE", country: "GB" })).toBe("12 baker st|||nw16xe||gb");
    expect(Buffer.byteLength(normaliseAddressKey({ line1: "日本語".repeat(5_000) }), "utf8")).toBeLessThanOrEqual(MAX_INDEXED_ID_BYTES);
  });
});
