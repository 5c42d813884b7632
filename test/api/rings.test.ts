import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, startFixtureServer, type FixtureServer } from "../helpers/fixture-server.ts";

let s: FixtureServer;
beforeAll(async () => {
  s = await startFixtureServer();
});
afterAll(() => s.close());

const ringOf = async (accountId: string): Promise<string> => {
  const { body } = await getJson(`${s.url}/api/search?q=${accountId}`);
  return body.hits.find((h: { id: string }) => h.id === accountId).ringId;
};

describe("GET /api/health", () => {
  it("says the store answers, with engine and app version", async () => {
    const { status, body } = await getJson(`${s.url}/api/health`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, store: { engine: "embedded", reachable: true }, app: { name: "ringlens" } });
  });
});

describe("GET /api/stats", () => {
  it("counts nodes and relationships and says when the last import and analysis ran", async () => {
    const { body } = await getJson(`${s.url}/api/stats`);
    expect(body.counts).toMatchObject({ Account: 31, Employee: 4, Ring: 12 });
    expect(body.lastAnalysis).toMatchObject({ rings: 12 });
  });
});

describe("GET /api/rings", () => {
  it("lists the planted rings first, highest score first", async () => {
    const { status, body } = await getJson(`${s.url}/api/rings`);
    expect(status).toBe(200);
    expect(body.total).toBe(12);
    const top2 = body.rings.slice(0, 2);
    expect(top2.map((r: { size: number }) => r.size).sort()).toEqual([4, 6]);
    expect(top2.every((r: { level: string }) => r.level === "high")).toBe(true);
    expect(body.rings[2].level).toBe("low");
    const scores = body.rings.map((r: { score: number }) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("filters by level, minimum size and country, and pages", async () => {
    expect((await getJson(`${s.url}/api/rings?level=high`)).body.total).toBe(2);
    expect((await getJson(`${s.url}/api/rings?minSize=5`)).body.rings.map((r: { size: number }) => r.size)).toEqual([6]);
    expect((await getJson(`${s.url}/api/rings?country=ca`)).body.total).toBe(1);
    const page = (await getJson(`${s.url}/api/rings?limit=5&offset=10&sort=size`)).body;
    expect(page).toMatchObject({ total: 12, offset: 10, limit: 5 });
    expect(page.rings).toHaveLength(2);
  });

  it("answers 400 naming the parameter for a bad filter", async () => {
    for (const [query, param] of [
      ["minScore=abc", "minScore"],
      ["sort=name", "sort"],
      ["limit=0", "limit"],
      ["level=urgent", "level"],
      ["bogus=1", "bogus"],
    ]) {
      const { status, body } = await getJson(`${s.url}/api/rings?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe("invalid-input");
      expect(body.error.details.param ?? body.error.message).toContain(param);
    }
  });
});

describe("GET /api/rings/:id", () => {
  it("explains the ring: reasons that add up to the score, members, insiders with reasons, hubs", async () => {
    const id = await ringOf("RB01");
    const { status, body } = await getJson(`${s.url}/api/rings/${id}`);
    expect(status).toBe(200);
    const sum = body.reasons.reduce((t: number, r: { contribution: number }) => t + r.contribution, 0);
    expect(sum).toBeCloseTo(body.score, 1);
    expect(body.members.map((m: { id: string }) => m.id).sort()).toEqual(["RB01", "RB02", "RB03", "RB04"]);
    expect(body.insiders).toMatchObject([{ employeeId: "E4", name: "Greta Gold" }]);
    expect(body.insiders[0].reason).toMatch(/approved/);
    expect(body.hubs).toMatchObject([{ kind: "Address", members: 2 }]);
  });

  it("returns 404 when the ring does not exist", async () => {
    const { status, body } = await getJson(`${s.url}/api/rings/R-nope`);
    expect(status).toBe(404);
    expect(body.error.code).toBe("not-found");
  });
});

describe("GET /api/rings/:id/graph", () => {
  it("sends the ring's subgraph with positions, types, labels, insiders and hubs marked", async () => {
    const id = await ringOf("RA01");
    const { status, body } = await getJson(`${s.url}/api/rings/${id}/graph`);
    expect(status).toBe(200);
    const keys = body.nodes.map((n: { key: string }) => n.key);
    for (const k of ["Account:RA01", "Device:dev-r1a", "Device:dev-r1b", "Employee:E1", "Refund:RF-RA01-0"]) expect(keys).toContain(k);
    for (const n of body.nodes) {
      expect(typeof n.attributes.x).toBe("number");
      expect(typeof n.attributes.label).toBe("string");
    }
    expect(body.nodes.find((n: { key: string }) => n.key === "Employee:E1").attributes.insider).toBe(true);
    expect(body.nodes.find((n: { key: string }) => n.key === "Employee:E2").attributes.insider).toBeUndefined();
    const nodeKeys = new Set(keys);
    for (const e of body.edges) expect(nodeKeys.has(e.source) && nodeKeys.has(e.target)).toBe(true);
    expect(body.truncated).toBe(false);
  });

  it("says when the graph was cut at the limit", async () => {
    const id = await ringOf("RA01");
    const { body } = await getJson(`${s.url}/api/rings/${id}/graph?limit=5`);
    expect(body.nodes).toHaveLength(5);
    expect(body.truncated).toBe(true);
  });

  it("marks a hub the ring's members share", async () => {
    const id = await ringOf("RB01");
    const { body } = await getJson(`${s.url}/api/rings/${id}/graph`);
    const hub = body.nodes.find((n: { attributes: { hub?: boolean } }) => n.attributes.hub);
    expect(hub.attributes.properties.line1).toBe("1 Freight Way");
  });
});
