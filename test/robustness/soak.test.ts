/**
 * 50 concurrent connections for 60 s on the read endpoints: no errors, and memory that does
 * not grow (RSS and heap compared after a warm-up and after the run, with GC forced where
 * available). Figures are printed; only correctness and growth are asserted.
 */
import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, startFixtureServer, type FixtureServer } from "../helpers/fixture-server.ts";

const SECONDS = Number(process.env.RINGLENS_SOAK_SECONDS ?? 60);

function load(url: string, ringId: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: 50,
    duration: seconds,
    requests: [
      { method: "GET", path: "/api/rings?limit=20" },
      { method: "GET", path: `/api/rings/${ringId}` },
      { method: "GET", path: `/api/rings/${ringId}/graph` },
      { method: "GET", path: "/api/search?q=ra0" },
      { method: "POST", path: "/api/queries/devices-shared/run", headers: { "content-type": "application/json" }, body: '{"params":{}}' },
    ],
  });
}

const memory = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
};

describe(`the read endpoints under 50 connections for ${SECONDS} s`, () => {
  let s: FixtureServer;
  let ringId: string;
  beforeAll(async () => {
    s = await startFixtureServer();
    ringId = (await getJson(`${s.url}/api/rings?limit=1`)).body.rings[0].id;
  });
  afterAll(() => s.close());

  it(
    "answer every request without error, and memory does not grow",
    async () => {
      await load(s.url, ringId, 5);
      const before = memory();
      const result = await load(s.url, ringId, SECONDS);
      const after = memory();
      console.log(
        `soak: ${result.requests.total} requests, ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
          `errors ${result.errors}, non-2xx ${result.non2xx}; RSS ${(before.rss / 1e6).toFixed(0)} → ${(after.rss / 1e6).toFixed(0)} MB, heap ${(before.heap / 1e6).toFixed(0)} → ${(after.heap / 1e6).toFixed(0)} MB`,
      );
      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(result.non2xx).toBe(0);
      expect(result.requests.total).toBeGreaterThan(0);
      // Growth bound: a leak of even 1 KB per request would exceed it over tens of thousands of requests.
      expect(after.heap - before.heap).toBeLessThan(50e6);
      expect(after.rss - before.rss).toBeLessThan(150e6);
    },
    (SECONDS + 60) * 1000,
  );
});
