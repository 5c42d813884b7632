/**
 * The read cache's own logic, on a clock the test moves and a stand-in for the one thing it
 * reads from a store (the meta record an import or an analysis writes): answers are kept until
 * the data version changes, the version is read again once the check interval has passed or
 * this process wrote, and the answers kept are bounded by characters. How the server uses it
 * is tested over HTTP (test/api/read-cache.test.ts).
 */
import { describe, expect, it } from "vitest";
import { ReadCache, type ReadCacheOptions } from "../../server/read-model/read-cache.ts";

/** The store's meta record, counting reads: ReadCache reads two keys per version check. */
class MetaRecord {
  readonly values = new Map<string, string>([
    ["lastImport", "2024-07-01T00:00:00Z"],
    ["lastAnalysis", "2024-07-01T00:01:00Z"],
  ]);
  reads = 0;
  async getMeta(key: string): Promise<string | null> {
    this.reads++;
    return this.values.get(key) ?? null;
  }
}

function setup(options: Omit<ReadCacheOptions, "now"> = {}) {
  const meta = new MetaRecord();
  const clock = { ms: 1_000_000 };
  const cache = new ReadCache(meta, { ...options, now: () => clock.ms });
  let computed = 0;
  const rings = () =>
    cache.value(
      "rings",
      async () => `answer ${++computed}`,
      (text) => text.length,
    );
  // Another process analyses again: only the store changes.
  const analyseElsewhere = () => meta.values.set("lastAnalysis", "2024-07-02T00:01:00Z");
  return { meta, clock, cache, rings, analyseElsewhere };
}

describe("the read cache's version check", () => {
  it("answers from the cache until 500 ms have passed, without reading the store, then reads the version and answers anew", async () => {
    const { meta, clock, rings, analyseElsewhere } = setup();
    expect(await rings()).toEqual({ value: "answer 1", cached: false });
    expect(meta.reads).toBe(2);
    analyseElsewhere();
    clock.ms += 499;
    expect(await rings()).toEqual({ value: "answer 1", cached: true });
    expect(meta.reads).toBe(2);
    clock.ms += 1;
    expect(await rings()).toEqual({ value: "answer 2", cached: false });
    expect(meta.reads).toBe(4);
  });

  it("keeps to the interval it is given", async () => {
    const { meta, clock, rings, analyseElsewhere } = setup({ checkEveryMs: 60_000 });
    await rings();
    analyseElsewhere();
    clock.ms += 59_999;
    expect(await rings()).toEqual({ value: "answer 1", cached: true });
    expect(meta.reads).toBe(2);
    clock.ms += 1;
    expect(await rings()).toEqual({ value: "answer 2", cached: false });
  });

  it("keeps its answers when the version read at the interval is the same", async () => {
    const { meta, clock, rings } = setup();
    await rings();
    clock.ms += 500;
    expect(await rings()).toEqual({ value: "answer 1", cached: true });
    expect(meta.reads).toBe(4);
  });

  it("reads the version at once after a write of this process, before the interval", async () => {
    const { meta, clock, cache, rings, analyseElsewhere } = setup();
    await rings();
    analyseElsewhere();
    clock.ms += 1;
    cache.invalidate();
    expect(await rings()).toEqual({ value: "answer 2", cached: false });
    expect(meta.reads).toBe(4);
  });
});

describe("the cache's size", () => {
  it("keeps answers up to its character budget, the least recently used going first, and never one over an eighth of it", async () => {
    const cache = new ReadCache(new MetaRecord(), { maxChars: 800 });
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
