/**
 * The API section: the real server (`ringlens serve`, child process) on the analysed demo;
 * autocannon with N concurrent connections for D seconds per endpoint: the ring list, the
 * largest ring's graph, and one saved query. Requests/s, p50, p99 and every non-2xx or
 * connection error. Each run gets a fresh server; each endpoint first gets one request on its
 * own, reported as the cold latency (the ring graph computes and caches its layout then).
 */
import autocannon, { type Result } from "autocannon";
import type { BenchContext } from "../bench-context.ts";
import { summarise, type Figure } from "../figure.ts";
import { analysedStore } from "../prepare-store.ts";
import { serveStore } from "../serve-store.ts";
import { largestRing } from "./largest-ring.ts";

export interface Endpoint {
  name: string;
  method: "GET" | "POST";
  path: string;
  body?: string;
}

export interface EndpointFigures {
  name: string;
  method: string;
  path: string;
  /** The endpoint's first request in a run, on its own, before autocannon (ms). */
  coldMs: Figure;
  requestsPerSecond: Figure;
  p50Ms: Figure;
  p99Ms: Figure;
  requests: number;
  /** Non-2xx responses plus connection errors and timeouts, over all runs. */
  errors: number;
  statusCodes: Record<string, number>;
}

export interface ApiSection {
  connections: number;
  seconds: number;
  runs: number;
  endpoints: EndpointFigures[];
  serverPeakRssMb: number;
  /** Peak RSS of the store's server process over the runs (Neo4j's JVM, when the bench started it). */
  storePeakRssMb?: number;
  largestRing: { id: string; size: number; memberEmail: string };
}

export async function measureApi(ctx: BenchContext): Promise<ApiSection> {
  const { apiConnections: connections, apiSeconds: seconds, apiRuns: runs } = ctx.options;
  const store = await analysedStore(ctx);
  const largest = await withServer(ctx, store, (url) => largestRing(url)).then((r) => r.value);
  const endpoints: Endpoint[] = [
    { name: "GET /api/rings", method: "GET", path: "/api/rings" },
    { name: "GET /api/rings/:id (largest ring)", method: "GET", path: `/api/rings/${encodeURIComponent(largest.id)}` },
    { name: "GET /api/rings/:id/graph (largest ring)", method: "GET", path: `/api/rings/${encodeURIComponent(largest.id)}/graph` },
    { name: "GET /api/search (a member's email)", method: "GET", path: `/api/search?q=${encodeURIComponent(largest.memberEmail)}` },
    {
      name: "POST /api/queries/devices-shared/run",
      method: "POST",
      path: "/api/queries/devices-shared/run",
      body: JSON.stringify({ params: {} }),
    },
  ];
  const samples: { cold: number; result: Result }[][] = endpoints.map(() => []);
  let peakRss = 0;
  let storePeakRss = 0;
  for (let run = 0; run < runs; run++) {
    ctx.store.serverRss?.reset();
    // A fresh server per run: requests abandoned by a previous run may still be queued in it.
    // Within a run the saved query goes last: it leaves the longest queue behind.
    const { rss } = await withServer(ctx, store, async (url) => {
      for (const [e, endpoint] of endpoints.entries()) {
        const label = `api ${run + 1}/${runs}: ${endpoint.name}`;
        const cold = await timeOnce(url, endpoint);
        const result = await cannon(url, endpoint, connections, seconds, (elapsed) => ctx.progress.update(`${label}… ${elapsed} s`));
        samples[e]!.push({ cold, result });
        ctx.progress.say(
          `${label}: ${Math.round(result.requests.average).toLocaleString("en")} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${errorsOf(result)} errors`,
        );
      }
    });
    peakRss = Math.max(peakRss, rss);
    if (ctx.store.serverRss) storePeakRss = Math.max(storePeakRss, ctx.store.serverRss.peakMb());
  }
  const figures = endpoints.map((endpoint, e) => toFigures(endpoint, samples[e]!));
  if (runs < 3) {
    ctx.notes.push(
      `api: ${runs === 1 ? "1 run" : `${runs} runs`} of ${seconds} s per endpoint (slow part; --api-runs N or --runs N for more); p50 and p99 are over every request of a run`,
    );
  }
  return {
    connections,
    seconds,
    runs,
    endpoints: figures,
    largestRing: largest,
    serverPeakRssMb: Math.round(peakRss / 1_048_576),
    ...(ctx.store.serverRss ? { storePeakRssMb: storePeakRss } : {}),
  };
}

/** Runs `use` against a fresh `ringlens serve` on the store; returns its value and the server's peak RSS. */
async function withServer<T>(ctx: BenchContext, store: string, use: (url: string) => Promise<T>): Promise<{ value: T; rss: number }> {
  const server = await serveStore(ctx.store, store);
  let value: T;
  try {
    value = await use(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { value, rss: await server.stop() };
}

async function timeOnce(url: string, endpoint: Endpoint): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}${endpoint.path}`, {
    method: endpoint.method,
    body: endpoint.body,
    headers: endpoint.body ? { "content-type": "application/json" } : {},
  });
  await response.arrayBuffer();
  if (!response.ok)
    throw new Error(`bench: ${endpoint.method} ${endpoint.path} answered ${response.status}; the API section needs it to work`);
  return Math.round((performance.now() - started) * 10) / 10;
}

function cannon(
  url: string,
  endpoint: Endpoint,
  connections: number,
  seconds: number,
  onSecond: (elapsed: number) => void,
): Promise<Result> {
  return new Promise((resolve, reject) => {
    let elapsed = 0;
    const timer = setInterval(() => onSecond(++elapsed), 1_000);
    autocannon(
      {
        url: `${url}${endpoint.path}`,
        connections,
        duration: seconds,
        method: endpoint.method,
        body: endpoint.body,
        headers: endpoint.body ? { "content-type": "application/json" } : {},
      },
      (error, result) => {
        clearInterval(timer);
        if (error) reject(error);
        else resolve(result);
      },
    );
  });
}

const errorsOf = (r: Result) => r.non2xx + r.errors + r.timeouts;

function toFigures(endpoint: Endpoint, runs: { cold: number; result: Result }[]): EndpointFigures {
  const results = runs.map((r) => r.result);
  const statusCodes: Record<string, number> = {};
  for (const r of results)
    for (const [code, { count }] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = (statusCodes[code] ?? 0) + Number(count);
  return {
    name: endpoint.name,
    method: endpoint.method,
    path: endpoint.path,
    coldMs: summarise(runs.map((r) => r.cold)),
    requestsPerSecond: summarise(results.map((r) => Math.round(r.requests.average))),
    p50Ms: summarise(results.map((r) => r.latency.p50)),
    p99Ms: summarise(results.map((r) => r.latency.p99)),
    requests: results.reduce((s, r) => s + r.requests.total, 0),
    errors: results.reduce((s, r) => s + errorsOf(r), 0),
    statusCodes,
  };
}
