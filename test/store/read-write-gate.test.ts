import { describe, expect, it } from "vitest";
import { ReadWriteGate } from "../../server/store/read-write-gate.ts";

/** A promise with its resolve at hand, so a test decides when work ends. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("the embedded store's read–write gate", () => {
  it("lets an analysis swap start only after the reads in flight have ended", async () => {
    const gate = new ReadWriteGate();
    const events: string[] = [];
    const slowRead = deferred();
    const read = gate.read(async () => {
      events.push("read started");
      await slowRead.promise;
      events.push("read ended");
    });
    const swap = gate.exclusive(async () => {
      events.push("swap");
    });
    await Promise.resolve();
    expect(events).toEqual(["read started"]);
    slowRead.resolve();
    await Promise.all([read, swap]);
    expect(events).toEqual(["read started", "read ended", "swap"]);
  });

  it("holds reads that arrive during a swap until it has finished", async () => {
    const gate = new ReadWriteGate();
    const events: string[] = [];
    const slowSwap = deferred();
    const swap = gate.exclusive(async () => {
      events.push("swap started");
      await slowSwap.promise;
      events.push("swap ended");
    });
    const read = gate.read(async () => {
      events.push("read");
    });
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(events).toEqual(["swap started"]);
    slowSwap.resolve();
    await Promise.all([read, swap]);
    expect(events).toEqual(["swap started", "swap ended", "read"]);
  });

  it("keeps working after a swap that failed", async () => {
    const gate = new ReadWriteGate();
    await expect(gate.exclusive(() => Promise.reject(new Error("disk full")))).rejects.toThrow("disk full");
    await expect(gate.read(async () => "answered")).resolves.toBe("answered");
  });
});
