/**
 * Micro-measurement of detectRings at scale (not a test, not the bench): a synthetic input of
 * N accounts (default 1,000,000) in households of 1–4 with ~2.5 links per account, reshippers,
 * kiosks and planted rings, then the phase timings and peak RSS.
 * Run: NODE_OPTIONS=--max-old-space-size=8192 npx tsx test/domain/helpers/measure-detect.ts [accounts]
 */
import { PerformanceObserver } from "node:perf_hooks";
import type { AccountFact, LinkFact, RefundFact } from "../../../server/domain/analysis-types.ts";
import { detectRings } from "../../../server/domain/rings/detect-rings.ts";
import { mulberry32 } from "../../../server/domain/rings/seeded-rng.ts";
import { UnionFind } from "../../../server/domain/rings/union-find.ts";

const N = Number(process.argv[2] ?? 1_000_000);
const random = mulberry32(42);
const int = (n: number): number => Math.floor(random() * n);
const NOW = Date.UTC(2024, 5, 1);
const DAY = 86_400_000;
const countries = ["US", "GB", "DE", "CA", "NL", "LT", "GR"];
const agents = Array.from({ length: 60 }, (_, i) => `emp-${i}`);

function generate(): { accounts: AccountFact[]; links: LinkFact[]; refunds: RefundFact[] } {
  const accounts: AccountFact[] = [];
  const links: LinkFact[] = [];
  const refunds: RefundFact[] = [];
  const refund = (accountId: string, highValue: boolean, employeeId: string | null, at: number): void => {
    refunds.push({
      id: `r${refunds.length}`,
      accountId,
      employeeId,
      amount: highValue ? 800 + int(1700) : 20 + int(130),
      category: highValue ? "laptop" : "apparel",
      returned: highValue ? random() < 0.1 : random() < 0.85,
      requestedAt: at,
      status: "approved",
    });
  };
  const ringCount = Math.floor(N / 5000);
  const ringAccounts = ringCount * 12;
  let a = 0;
  while (a < N - ringAccounts) {
    const size = 1 + int(4);
    const country = countries[int(countries.length)];
    const address = `addr-${a}`;
    const sharedDevice = random() < 0.5 ? `dev-h${a}` : null;
    for (let m = 0; m < size && a < N - ringAccounts; m++, a++) {
      const id = `acc-${a}`;
      accounts.push({ id, createdAt: NOW - (300 + int(3000)) * DAY, country });
      links.push({ accountId: id, kind: "Address", identifierId: address });
      links.push({ accountId: id, kind: "Device", identifierId: `dev-${a}` });
      if (sharedDevice !== null && random() < 0.6) links.push({ accountId: id, kind: "Device", identifierId: sharedDevice });
      if (random() < 0.15) links.push({ accountId: id, kind: "Address", identifierId: `reship-${int(N / 20000 + 1)}` });
      if (random() < 0.05) links.push({ accountId: id, kind: "Device", identifierId: `kiosk-${int(N / 5000 + 1)}` });
      if (random() < 0.8) refund(id, false, random() < 0.9 ? agents[int(agents.length)] : null, NOW - int(365) * DAY);
    }
  }
  for (let r = 0; r < ringCount; r++) {
    const burst = NOW - (20 + int(200)) * DAY;
    for (let m = 0; m < 12; m++, a++) {
      const id = `acc-${a}`;
      accounts.push({ id, createdAt: burst - int(25) * DAY, country: countries[m % 4] });
      links.push({ accountId: id, kind: "Device", identifierId: `ring-${r}-dev-${m % 3}` });
      links.push({ accountId: id, kind: "Device", identifierId: `ring-${r}-dev-${(m + 1) % 3}` });
      links.push({ accountId: id, kind: "Address", identifierId: `ring-${r}-addr-${m % 2}` });
      for (let k = 0; k < 2; k++) refund(id, true, random() < 0.8 ? `bribed-${r % 20}` : agents[int(agents.length)], burst + int(6) * DAY);
    }
  }
  return { accounts, links, refunds };
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;
let started = performance.now();
const input = generate();
console.log(
  `generated ${input.accounts.length} accounts, ${input.links.length} links, ${input.refunds.length} refunds in ${((performance.now() - started) / 1000).toFixed(1)} s; rss ${mb(process.memoryUsage().rss)}`,
);

// Garbage-collection pauses, attributed to the phase they fall in: at this heap size a major
// collection costs about a second and lands wherever the allocation happens to trigger it.
const pauses: { at: number; ms: number }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push({ at: e.startTime, ms: e.duration });
});
observer.observe({ entryTypes: ["gc"] });
started = performance.now();
const result = detectRings(input, { now: NOW });
const total = performance.now() - started;
await new Promise((resolve) => setTimeout(resolve, 100));
observer.disconnect();
console.log(`detectRings ${(total / 1000).toFixed(2)} s`);
let phaseStart = started;
for (const phase of result.phases) {
  const gc = pauses.filter((p) => p.at >= phaseStart && p.at < phaseStart + phase.ms).reduce((sum, p) => sum + p.ms, 0);
  console.log(`  ${phase.phase.padEnd(11)} ${(phase.ms / 1000).toFixed(3)} s  (gc ${(gc / 1000).toFixed(3)} s)`);
  phaseStart += phase.ms;
}
const levels = { high: 0, medium: 0, low: 0 };
for (const ring of result.rings) levels[ring.level]++;
console.log(
  `rings ${result.rings.length} (${JSON.stringify(levels)}), hubs ${result.hubs.length}, hubThreshold ${result.hubThreshold}, largest ring ${result.rings.reduce((m, r) => Math.max(m, r.size), 0)}`,
);
console.log(`peak rss ${mb(process.resourceUsage().maxRSS * 1024)}, heap used now ${mb(process.memoryUsage().heapUsed)}`);

// Union-find alone on N nodes and 2N random edges.
const uf = new UnionFind(N);
const edges = new Int32Array(4 * N).map(() => int(N));
started = performance.now();
for (let e = 0; e < edges.length; e += 2) uf.union(edges[e], edges[e + 1]);
console.log(`union-find: ${N} nodes, ${2 * N} random edges in ${((performance.now() - started) / 1000).toFixed(3)} s`);
