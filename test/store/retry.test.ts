import { describe, expect, it } from "vitest";
import { RinglensError } from "../../server/errors.ts";
import { backoffDelays, openWithRetry } from "../../server/store/retry.ts";

/** A clock that moves only when openWithRetry pauses: the schedule is exact, whatever the machine's load. */
function fakeTime() {
  const time = { ms: 0, pauses: [] as number[] };
  return {
    time,
    now: () => time.ms,
    sleep: async (ms: number) => {
      time.pauses.push(ms);
      time.ms += ms;
    },
  };
}

describe("back-off when opening a store", () => {
  it("doubles the pause from the first one up to the cap", () => {
    const delays = backoffDelays({ firstDelayMs: 500, maxDelayMs: 3_000 });
    expect(Array.from({ length: 6 }, () => delays.next().value)).toEqual([500, 1000, 2000, 3000, 3000, 3000]);
  });

  it("retries a store that is unavailable or held until it opens", async () => {
    const errors = [new RinglensError("unavailable", "down"), new RinglensError("conflict", "held")];
    const { time, now, sleep } = fakeTime();
    let calls = 0;
    const retries: { attempt: number; delayMs: number }[] = [];
    const opened = await openWithRetry(
      async () => {
        const error = errors[calls++];
        if (error) throw error;
        return "store";
      },
      { waitMs: 5_000, firstDelayMs: 10, now, sleep, onRetry: ({ attempt, delayMs }) => retries.push({ attempt, delayMs }) },
    );
    expect(opened).toBe("store");
    expect(calls).toBe(3);
    expect(retries).toEqual([
      { attempt: 1, delayMs: 10 },
      { attempt: 2, delayMs: 20 },
    ]);
    expect(time.pauses).toEqual([10, 20]);
  });

  it("does not retry what waiting cannot fix (a wrong password, an unknown database)", async () => {
    let calls = 0;
    const { time, now, sleep } = fakeTime();
    const wrong = new RinglensError("invalid-input", "neo4j store: authentication failed; check NEO4J_USER and NEO4J_PASSWORD");
    await expect(
      openWithRetry(
        async () => {
          calls++;
          throw wrong;
        },
        { waitMs: 5_000, firstDelayMs: 10, now, sleep },
      ),
    ).rejects.toBe(wrong);
    expect(calls).toBe(1);
    expect(time.pauses).toEqual([]);
  });

  it("gives up after the wait with the last message, how often it tried and how to wait longer", async () => {
    const { time, now, sleep } = fakeTime();
    const triedAt: number[] = [];
    const failure = openWithRetry(
      async () => {
        triedAt.push(now());
        throw new RinglensError("unavailable", "cannot reach Neo4j; check NEO4J_URI");
      },
      { waitMs: 10_000, firstDelayMs: 500, now, sleep },
    );
    await expect(failure).rejects.toMatchObject({
      kind: "unavailable",
      message: "cannot reach Neo4j; check NEO4J_URI (tried 6 times over 10 s; to wait longer, set --store-wait or RINGLENS_STORE_WAIT_S)",
    });
    // Doubling pauses, the last one cut to what is left of the wait, and one last try at its end.
    expect(time.pauses).toEqual([500, 1_000, 2_000, 4_000, 2_500]);
    expect(triedAt).toEqual([0, 500, 1_500, 3_500, 7_500, 10_000]);
  });

  it("tries once when there is no wait", async () => {
    let calls = 0;
    const { time, now, sleep } = fakeTime();
    await expect(
      openWithRetry(
        async () => {
          calls++;
          throw new RinglensError("unavailable", "down");
        },
        { waitMs: 0, now, sleep },
      ),
    ).rejects.toThrow("down");
    expect(calls).toBe(1);
    expect(time.pauses).toEqual([]);
  });
});
