/**
 * The API over HTTP on a real Neo4j: the same fixture served from the embedded store and from
 * Neo4j, every route asked the same questions (main path, 400s, 404s), and the answers must be
 * the same JSON, apart from what is about the engine or the moment (timings, store info).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { getJson, postJson, startFixtureServer, waitForJob, type FixtureServer } from "../helpers/fixture-server.ts";
import { describeOnNeo4j, wipeNeo4j } from "../helpers/neo4j-target.ts";

const TOKEN = "a-test-token-of-enough-length";

/**
 * Drops what legitimately differs between engines or runs (durations, store identity, the
 * clock) and compares as sets what has no order: lists of plain values (a collect(DISTINCT …))
 * and graph elements, which carry a key. Rows keep their order: queries sort them.
 */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(comparable);
    if (items.every((v) => v === null || typeof v !== "object")) return [...items].sort();
    if (items.every((v) => typeof (v as { key?: unknown })?.key === "string")) {
      return [...items].sort((a, b) => ((a as { key: string }).key < (b as { key: string }).key ? -1 : 1));
    }
    return items;
  }
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (
      [
        "ms",
        "elapsedMs",
        "durationMs",
        "store",
        "engine",
        "engineVersion",
        "location",
        "uptimeS",
        "at",
        "analysedAt",
        "lastImport",
        "startedAt",
        "finishedAt",
        "phases",
        "id",
      ].includes(key) &&
      typeof v !== "object"
    )
      continue;
    if (key === "store" || key === "phases" || key === "lastImport" || key === "lastAnalysis") continue;
    out[key] = comparable(v);
  }
  return out;
}

describeOnNeo4j("the API on Neo4j answers as on the embedded store", (target) => {
  let embedded: FixtureServer;
  let neo4j: FixtureServer;
  let ringId: string;

  beforeAll(async () => {
    await wipeNeo4j(target);
    const config = { token: TOKEN };
    embedded = await startFixtureServer({ config });
    neo4j = await startFixtureServer({
      config: {
        ...config,
        store: "neo4j",
        neo4j: { uri: target.uri, user: target.user, password: target.password, ...(target.database ? { database: target.database } : {}) },
      },
    });
    expect(neo4j.store.info.engine).toBe("neo4j");
    const rings = await getJson(`${embedded.url}/api/rings`);
    ringId = rings.body.rings[0].id;
  }, 300_000);

  afterAll(async () => {
    await embedded?.close();
    await neo4j?.close();
  });

  /** Asks both servers; expects the same status and the same comparable body; returns Neo4j's. */
  async function same(route: string, init?: { post?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any }> {
    const ask = (base: string) =>
      init?.post !== undefined ? postJson(`${base}${route}`, init.post, init.headers) : getJson(`${base}${route}`);
    const [a, b] = await Promise.all([ask(embedded.url), ask(neo4j.url)]);
    expect(b.status, `${route} status on Neo4j (${JSON.stringify(b.body)?.slice(0, 300)})`).toBe(a.status);
    expect(comparable(b.body), route).toEqual(comparable(a.body));
    return b;
  }

  it("health and stats", async () => {
    expect((await getJson(`${neo4j.url}/api/health`)).status).toBe(200);
    await same("/api/stats");
  });

  it("the ring list, its filters and a bad filter", async () => {
    expect((await same("/api/rings")).body.rings.length).toBeGreaterThan(0);
    for (const q of ["level=high", "minSize=5", "country=ca", "limit=5&offset=1&sort=size"]) await same(`/api/rings?${q}`);
    expect((await same("/api/rings?limit=nope")).status).toBe(400);
  });

  it("a ring, its graph, and a ring that does not exist", async () => {
    expect((await same(`/api/rings/${ringId}`)).status).toBe(200);
    expect((await same(`/api/rings/${ringId}/graph`)).body.nodes.length).toBeGreaterThan(0);
    await same(`/api/rings/${ringId}/graph?limit=5`);
    expect((await same("/api/rings/R-nope")).status).toBe(404);
  });

  it("nodes, neighbourhoods, and bad node requests", async () => {
    expect((await same("/api/nodes/Account/RA01")).status).toBe(200);
    await same("/api/nodes/Account/RA01/neighbors");
    await same("/api/nodes/Device/dev-r2/neighbors?depth=2");
    expect((await same("/api/nodes/Account/NOPE")).status).toBe(404);
    expect((await same("/api/nodes/Meta/lastImport")).status).toBe(404);
    expect((await same("/api/nodes/Device/dev-r2/neighbors?depth=3")).status).toBe(400);
  });

  it("search", async () => {
    expect((await same("/api/search?q=RA01")).body.hits.length).toBeGreaterThan(0);
    await same("/api/search?q=ra0");
    await same(`/api/search?q=${encodeURIComponent("555-0101")}`);
    expect((await same("/api/search?q=")).status).toBe(400);
  });

  it("shared identifiers", async () => {
    await same("/api/shared-identifiers");
    await same("/api/shared-identifiers?account=RA01&limit=2");
    await same("/api/accounts/RA01/shared");
    await same("/api/accounts/RA01/shared?kinds=Device");
    expect((await same("/api/accounts/RA01/shared?kinds=Shoe")).status).toBe(400);
    expect((await same("/api/accounts/NOPE/shared")).body.shared).toEqual([]);
  });

  it("saved queries: list, one, every run, and bad runs", async () => {
    const list = await same("/api/queries");
    await same("/api/queries/devices-shared");
    expect((await same("/api/queries/nope")).status).toBe(404);
    for (const q of list.body.queries as { name: string }[]) {
      const params = q.name.startsWith("ring-") ? { ringId } : {};
      await same(`/api/queries/${q.name}/run`, { post: { params } });
    }
    expect((await same("/api/queries/devices-shared/run", { post: { params: { limit: "many" } } })).status).toBe(400);
    expect((await same("/api/queries/nope/run", { post: { params: {} } })).status).toBe(404);
  });

  it("import and analyze jobs through the API, and their refusals", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    expect((await postJson(`${neo4j.url}/api/analyze`, {})).status).toBe(401);
    expect((await postJson(`${neo4j.url}/api/analyze`, { maxRingSize: 0 }, auth)).status).toBe(400);
    const imported = await postJson(`${neo4j.url}/api/import`, { folder: "small" }, auth);
    expect(imported.status, JSON.stringify(imported.body)).toBe(202);
    const importDone = await waitForJob(neo4j, imported.body);
    expect(importDone.status, JSON.stringify(importDone)).toBe("succeeded");
    const analysed = await postJson(`${neo4j.url}/api/analyze`, { hubThreshold: 10 }, auth);
    expect(analysed.status).toBe(202);
    const analysisDone = await waitForJob(neo4j, analysed.body);
    expect(analysisDone.status, JSON.stringify(analysisDone)).toBe("succeeded");
    expect((await getJson(`${neo4j.url}/api/jobs/nope`)).status).toBe(404);
    // A re-import and re-analysis of the same data change no answer.
    await same("/api/rings");
  });

  it("analyses in the store through the API: the same rings as the embedded store's", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const started = await postJson(`${neo4j.url}/api/analyze`, { hubThreshold: 10, inStore: true }, auth);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const done = await waitForJob(neo4j, started.body);
    expect(done.status, JSON.stringify(done)).toBe("succeeded");
    expect(done.report.summary.phases.map((p: { phase: string }) => p.phase)).toContain("in-store components");
    expect((await postJson(`${neo4j.url}/api/analyze`, { inStore: "yes" }, auth)).status).toBe(400);
    await same("/api/rings");
  });

  it("the OpenAPI document and an unknown route", async () => {
    expect((await getJson(`${neo4j.url}/api/openapi.json`)).status).toBe(200);
    expect((await same("/api/nothing-here")).status).toBe(404);
  });
});
