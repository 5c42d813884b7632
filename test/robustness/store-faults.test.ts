/**
 * Store faults: a store that goes away while the server runs (503 with a message that says
 * ringlens is reconnecting, the server stays up, and it serves again once the store is back,
 * without a restart), and a store that is not available when `serve` starts (retried with
 * back-off, then served; or given up with a hint).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, startFixtureServer, type FixtureServer } from "../helpers/fixture-server.ts";
import { runCli } from "../helpers/run-cli.ts";
import { startServe, type ServeChild } from "../helpers/serve-child.ts";
import { freePort } from "../helpers/free-port.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";
import { adHoc } from "../helpers/ad-hoc-cypher.ts";

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the store going away while the server runs", () => {
  let s: FixtureServer;
  beforeAll(async () => {
    s = await startFixtureServer();
  });
  afterAll(() => s.close());

  it("answers 503 while the store is gone, stays up, and serves again when it is back, without a restart", async () => {
    const before = await getJson(`${s.url}/api/rings`);
    expect(before.status).toBe(200);
    expect(before.body.total).toBeGreaterThan(0);

    // The fault: the engine closes under the server and its folder disappears (an unmounted volume).
    const moved = `${s.config.db}-away`;
    await s.store.inner.close();
    fs.renameSync(s.config.db, moved);

    const health = await getJson(`${s.url}/api/health`);
    expect(health.status).toBe(503);
    const rings = await until(
      () => getJson(`${s.url}/api/rings`),
      (r) => /reconnecting \(attempt [2-9]/.test(r.body?.error?.message ?? ""),
      10_000,
    );
    expect(rings.status).toBe(503);
    expect(rings.body.error.code).toBe("unavailable");
    expect(rings.body.error.message).toMatch(/embedded store is not answering .*is gone.*ringlens is reconnecting \(attempt \d+\)/);
    expect(rings.body.error.message).not.toMatch(/\n\s+at /);
    expect((await fetch(`${s.url}/api/openapi.json`)).status).toBe(200);
    const retries = s.storeEvents.filter((e) => e.type === "retry");
    expect(retries.length).toBeGreaterThanOrEqual(2);
    // Back-off: each pause at least as long as the one before.
    for (let i = 1; i < retries.length; i++) {
      expect((retries[i] as { delayMs: number }).delayMs).toBeGreaterThanOrEqual((retries[i - 1] as { delayMs: number }).delayMs);
    }

    fs.renameSync(moved, s.config.db);
    const healthy = await until(
      () => getJson(`${s.url}/api/health`),
      (r) => r.status === 200,
      20_000,
    );
    expect(healthy.status).toBe(200);
    const after = await getJson(`${s.url}/api/rings`);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    expect(s.storeEvents.map((e) => e.type)).toEqual(["lost", ...retries.map(() => "retry"), "recovered"]);
  });
});

// A server of its own: this holds whether or not the store went away and came back above.
describe("a statement that fails while the store answers", () => {
  let s: FixtureServer;
  beforeAll(async () => {
    s = await startFixtureServer();
  });
  afterAll(() => s.close());

  it("keeps serving, and the store is not taken for lost", async () => {
    const bad = await getJson(`${s.url}/api/rings/no-such-ring`);
    expect(bad.status).toBe(404);
    await expect(s.store.query(adHoc("MATCH (n:NoSuchLabel) RETURN n"), {}, { timeoutMs: 5_000 })).rejects.toMatchObject({
      kind: "invalid-input",
    });
    expect((await getJson(`${s.url}/api/health`)).status).toBe(200);
    expect(s.storeEvents).toEqual([]);
  });
});

describe("a store held by another process when serve starts", () => {
  const dir = tempDir();
  const held = path.join(dir, "held");
  beforeAll(async () => {
    expect((await runCli(["load", path.join(FIXTURES, "small"), "--db", held, "--rejects", path.join(dir, "r.csv")])).code).toBe(0);
  });

  // Two servers start and one stops: each wait has its own deadline, all three within the test's.
  it("waits with back-off while another process holds the embedded store, then serves", async () => {
    const holder = startServe(["--db", held]);
    let waiter: ServeChild | undefined;
    try {
      await holder.waitFor(/viewer:/, 30_000);
      waiter = startServe(["--db", held, "--store-wait", "60"]);
      const waiting = await waiter.waitFor(/retrying in .* \(attempt 2\)/, 30_000);
      expect(waiting).toMatch(/store not available \(embedded store: .*held by `ringlens serve` \(pid \d+/);
      await holder.stop();
      const served = await waiter.waitFor(/viewer: +(http:\/\/\S+)\//, 30_000);
      const url = /viewer: +(http:\/\/\S+)\//.exec(served)![1]!;
      expect((await getJson(`${url}/api/health`)).status).toBe(200);
      expect((await getJson(`${url}/api/stats`)).body.counts.Account).toBeGreaterThan(0);
    } finally {
      await Promise.all([holder.stop(), waiter?.stop()]);
    }
  }, 120_000);
});

describe("a Neo4j that does not answer when serve starts", () => {
  it("gives up on an unreachable Neo4j after --store-wait with a hint naming NEO4J_URI", async () => {
    const port = await freePort();
    const started = Date.now();
    const serve = startServe(["--store-wait", "3"], {
      NEO4J_URI: `bolt://127.0.0.1:${port}`,
      NEO4J_PASSWORD: "x",
      RINGLENS_STORE: "neo4j",
    });
    const code = await serve.exited;
    const text = serve.output();
    expect(code).toBe(1);
    expect(text).toMatch(/retrying in \d+\.\d s \(attempt 1\)/);
    expect(text).toMatch(/NEO4J_URI/);
    expect(text).toMatch(/tried \d+ times over \d+ s/);
    expect(text).not.toMatch(/\n\s+at /);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
  });
});
