import { describe, expect, it } from "vitest";
import { RinglensError } from "../../server/errors.ts";
import { backoffDelays, openWithRetry } from "../../server/store/retry.ts";

describe("back-off when opening a store", () => {
  it("doubles the pause from the first one up to the cap", () => {
    const delays = backoffDelays({ firstDelayMs: 500, maxDelayMs: 3_000 });
    expect(Array.from({ length: 6 }, () => delays.next().value)).toEqual([500, 1000, 2000, 3000, 3000, 3000]);
  });

  it("retries a store that is unavailable or held until it opens", async () => {
    const errors = [new RinglensError("unavailable", "down"), new RinglensError("conflict", "held")];
    let calls = 0;
    const retries: number[] = [];
    const opened = await openWithRetry(async () => {
      const error = errors[calls++];
      if (error) throw error;
      return "store";
    }, { waitMs: 5_000, firstDelayMs: 10, onRetry: (e) => retries.push(e.attempt) });
    expect(opened).toBe("store");
    expect(calls).toBe(3);
    expect(retries).toEqual([1, 2]);
  });

  it("does not retry what waiting cannot fix (a wrong password, an unknown database)", async () => {
    let calls = 0;
    const wrong = new RinglensError("invalid-input", "neo4j store: authentication failed; check NEO4J_USER and NEO4J_PASSWORD");
    await expect(openWithRetry(async () => { calls++; throw wrong; }, { waitMs: 5_000, firstDelayMs: 10 })).rejects.toBe(wrong);
    expect(calls).toBe(1);
  });

  it("gives up after the wait with the last message, how often it tried and how to wait longer", async () => {
    let calls = 0;
    const failure = openWithRetry(async () => { calls++; throw new RinglensError("unavailable", "cannot reach Neo4j; check NEO4J_URI"); }, { waitMs: 200, firstDelayMs: 20 });
    await expect(failure).rejects.toMatchObject({ kind: "unavailable", message: expect.stringMatching(/check NEO4J_URI \(tried \d+ times over 0 s; to wait longer, set --store-wait or RINGLENS_STORE_WAIT_S\)/) });
    expect(calls).toBeGreaterThanOrEqual(3);
  });

  it("tries once when there is no wait", async () => {
    let calls = 0;
    await expect(openWithRetry(async () => { calls++; throw new RinglensError("unavailable", "down"); }, { waitMs: 0 })).rejects.toThrow("down");
    expect(calls).toBe(1);
  });
});
