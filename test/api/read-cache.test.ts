/**
 * Ring answers are cached until the data changes: a write made outside the API (another
 * process's analysis) shows once the version is checked again, and a write job of the API
 * shows at once. The check interval itself is tested on a clock (test/read-model). Each
 * describe has its own server, so no test starts from another's analysis.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { search } from "../../server/read-model/search.ts";
import { runAnalysis } from "../../server/tasks/run-analysis.ts";
import { getJson, postJson, startFixtureServer, waitForJob, type FixtureServer, type FixtureOptions } from "../helpers/fixture-server.ts";

const TOKEN = "test-token-0123456789abcdef";

function fixture(options: FixtureOptions = {}) {
  const s = {} as { server: FixtureServer; rings(): Promise<string> };
  beforeAll(async () => {
    s.server = await startFixtureServer({ config: { token: TOKEN }, ...options });
  });
  afterAll(() => s.server.close());
  s.rings = async () => JSON.stringify((await getJson(`${s.server.url}/api/rings?limit=500`)).body);
  return s;
}

describe("cached saved-query answers", () => {
  const s = fixture();
  const run = (params: Record<string, unknown>) => postJson(`${s.server.url}/api/queries/devices-shared/run`, { params });

  it("repeat an identical run from the cache, saying so, and run anew for other parameters", async () => {
    const first = (await run({ minAccounts: 2 })).body;
    const again = (await run({ minAccounts: 2 })).body;
    expect(again.rows).toEqual(first.rows);
    expect(again.stats).toEqual({ ...first.stats, cached: true });
    const other = (await run({ minAccounts: 3 })).body;
    expect(other.stats.cached).toBe(false);
  });
});

describe("cached ring answers after an analysis made elsewhere", () => {
  const s = fixture();

  it("answer the same until the data changes, and show the new rings once the version is checked again", async () => {
    const before = await s.rings();
    expect(await s.rings()).toBe(before);
    // As a CLI `analyze` against the same store would: no API call, only the store changes.
    // The fixture was analysed with hub threshold 10; 2 makes other rings.
    await runAnalysis(s.server.store, { hubThreshold: 2, now: Date.UTC(2024, 6, 2) });
    // No bound on how long this takes (that is the clock test's): a cache that never looks again hangs here until the test timeout.
    let after = await s.rings();
    while (after === before) {
      await new Promise((r) => setTimeout(r, 50));
      after = await s.rings();
    }
    expect(JSON.parse(after).total).toBeGreaterThan(0);
  });
});

describe("cached ring answers after an analysis made through the API", () => {
  // An hour between version checks: only the job's own notice can make the new rings show.
  const s = fixture({ cacheCheckEveryMs: 3_600_000 });

  it("show it as soon as its job has finished", async () => {
    const before = await s.rings();
    expect(await s.rings()).toBe(before);
    const { body: job } = await postJson(`${s.server.url}/api/analyze`, { hubThreshold: 2 }, { authorization: `Bearer ${TOKEN}` });
    expect((await waitForJob(s.server, job)).status).toBe("succeeded");
    expect(await s.rings()).not.toBe(before);
  });
});

describe("cached search answers", () => {
  // An hour between version checks: only the job's own notice can make the new rings show.
  const s = fixture({ cacheCheckEveryMs: 3_600_000 });
  const find = async (q: string) => (await getJson(`${s.server.url}/api/search?q=${encodeURIComponent(q)}&limit=100`)).body;

  it("repeat an identical search, and name the new rings of members as soon as an analysis job has finished", async () => {
    const before = await find("r");
    expect(before.hits.some((h: { ringId: string | null }) => h.ringId !== null)).toBe(true);
    expect(await find("r")).toEqual(before);
    const { body: job } = await postJson(`${s.server.url}/api/analyze`, { hubThreshold: 2 }, { authorization: `Bearer ${TOKEN}` });
    expect((await waitForJob(s.server, job)).status).toBe("succeeded");
    const after = await find("r");
    // What the store answers now, asked directly: the cached answer must be it, not the one before.
    expect(after).toEqual({ hits: await search(s.server.store, "r", 100, 30_000) });
    expect(after).not.toEqual(before);
  });
});
