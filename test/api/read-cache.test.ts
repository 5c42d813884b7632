/**
 * Ring answers are cached until the data changes: a write made outside the API (another
 * process's analysis) shows within the version check interval, and a write job of the API
 * shows at once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnalysis } from "../../server/analysis/run-analysis.ts";
import { ReadCache } from "../../server/read-model/read-cache.ts";
import { getJson, postJson, startFixtureServer, waitForJob, type FixtureServer } from "../helpers/fixture-server.ts";

const TOKEN = "test-token-0123456789abcdef";
let s: FixtureServer;
beforeAll(async () => { s = await startFixtureServer({ config: { token: TOKEN } }); });
afterAll(() => s.close());

const rings = async () => JSON.stringify((await getJson(`${s.url}/api/rings?limit=500`)).body);

describe("cached saved-query answers", () => {
  const run = (params: Record<string, unknown>) => postJson(`${s.url}/api/queries/devices-shared/run`, { params });

  it("repeat an identical run from the cache, saying so, and run anew for other parameters", async () => {
    const first = (await run({ minAccounts: 2 })).body;
    const again = (await run({ minAccounts: 2 })).body;
    expect(again.rows).toEqual(first.rows);
    expect(again.stats).toEqual({ ...first.stats, cached: true });
    const other = (await run({ minAccounts: 3 })).body;
    expect(other.stats.cached).toBe(false);
  });
});

describe("cached ring answers", () => {
  it("answer the same until the data changes, and show an analysis made elsewhere within a second", async () => {
    const before = await rings();
    expect(await rings()).toBe(before);
    // As a CLI `analyze` against the same store would: no API call, only the store changes.
    await runAnalysis(s.store, { hubThreshold: 2, now: Date.UTC(2024, 6, 2) });
    const started = Date.now();
    let after = await rings();
    while (after === before && Date.now() - started < 3_000) {
      await new Promise((r) => setTimeout(r, 50));
      after = await rings();
    }
    expect(after).not.toBe(before);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("show an analysis made through the API as soon as its job has finished", async () => {
    const before = await rings();
    const { body: job } = await postJson(`${s.url}/api/analyze`, {}, { authorization: `Bearer ${TOKEN}` });
    expect((await waitForJob(s.url, job)).status).toBe("succeeded");
    // The API's analysis uses the default hub threshold, not the 2 of the previous test.
    expect(await rings()).not.toBe(before);
  });
});

describe("the cache's size", () => {
  it("keeps answers up to its character budget, the least recently used going first, and never one over an eighth of it", async () => {
    const cache = new ReadCache(s.store, { maxChars: 800 });
    const answer = (n: number) => async () => "x".repeat(n);
    const cached = async (key: string, n: number) => (await cache.value(key, answer(n), (t) => t.length)).cached;
    for (const key of ["a", "b", "c", "d", "e", "f", "g", "h"]) expect(await cached(key, 100)).toBe(false);
    expect(await cached("a", 100)).toBe(true);
    // A ninth answer goes over the budget: the least recently used (b, since a was just read) goes.
    expect(await cached("i", 100)).toBe(false);
    expect(await cached("a", 100)).toBe(true);
    expect(await cached("b", 100)).toBe(false);
    expect(await cached("big", 101)).toBe(false);
    expect(await cached("big", 101)).toBe(false);
  });
});
