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

describe("requests for an answer being computed", () => {
  /** An answer the test finishes when it chooses: no clock, no wait. */
  function deferred() {
    let finish!: (value: string) => void;
    let fail!: (error: Error) => void;
    const promise = new Promise<string>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    return { promise, finish, fail };
  }

  it("compute it once, however many ask at once, and each gets the answer", async () => {
    const cache = new ReadCache(new MetaRecord());
    const slow = deferred();
    let computed = 0;
    const ask = () =>
      cache.value(
        "devices-shared",
        () => {
          computed++;
          return slow.promise;
        },
        (t) => t.length,
      );
    const asked = Promise.all([ask(), ask(), ask(), ask(), ask()]);
    // Let every request reach the cache before the answer exists.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    slow.finish("the answer");
    const answers = await asked;
    expect(computed).toBe(1);
    expect(answers.map((a) => a.value)).toEqual(Array(5).fill("the answer"));
    expect(await ask()).toEqual({ value: "the answer", cached: true });
    expect(computed).toBe(1);
  });

  it("all get its failure, and the next request computes it again", async () => {
    const cache = new ReadCache(new MetaRecord());
    const slow = deferred();
    let computed = 0;
    const ask = (answer: () => Promise<string>) =>
      cache.value(
        "search",
        () => {
          computed++;
          return answer();
        },
        (t) => t.length,
      );
    const asked = Promise.allSettled([ask(() => slow.promise), ask(() => slow.promise), ask(() => slow.promise)]);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    slow.fail(new Error("store: query stopped after the 30000 ms timeout"));
    const outcomes = await asked;
    expect(computed).toBe(1);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(await ask(async () => "found")).toEqual({ value: "found", cached: false });
    expect(computed).toBe(2);
  });
});
