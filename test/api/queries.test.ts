import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, postJson, startFixtureServer, type FixtureServer } from "../helpers/fixture-server.ts";
import { loadCatalogue } from "../../server/queries/catalogue.ts";
import { FIXTURES } from "../helpers/temp-dir.ts";
import { adHoc } from "../helpers/ad-hoc-cypher.ts";

let s: FixtureServer;
let ring1: string;
let ring2: string;
beforeAll(async () => {
  s = await startFixtureServer();
  ring1 = (await getJson(`${s.url}/api/search?q=RA01`)).body.hits[0].ringId;
  ring2 = (await getJson(`${s.url}/api/search?q=RB01`)).body.hits[0].ringId;
});
afterAll(() => s.close());

const run = (name: string, params: Record<string, unknown> = {}) => postJson(`${s.url}/api/queries/${name}/run`, { params });
const column = (rows: Record<string, unknown>[], key: string) => rows.map((r) => r[key]);

describe("GET /api/queries", () => {
  it("lists at least 12 saved investigations with typed parameters", async () => {
    const { body } = await getJson(`${s.url}/api/queries`);
    expect(body.queries.length).toBeGreaterThanOrEqual(12);
    const devices = body.queries.find((q: { name: string }) => q.name === "devices-shared");
    expect(devices.params[0]).toMatchObject({ name: "minAccounts", type: "int", default: 3, required: false });
    expect((await getJson(`${s.url}/api/queries/ring-refunds-no-return`)).body.params[0]).toMatchObject({ name: "ringId", required: true });
  });

  it("returns 404 for an unknown query", async () => {
    expect((await getJson(`${s.url}/api/queries/nope`)).status).toBe(404);
    expect((await run("nope")).status).toBe(404);
  });
});

describe("POST /api/queries/:name/run on the fixture", () => {
  it("devices-shared finds the ring devices", async () => {
    const { body } = await run("devices-shared");
    expect(body.rows.map((r: Record<string, unknown>) => [r.device, r.accounts])).toEqual([
      ["dev-r1a", 4],
      ["dev-r2", 4],
      ["dev-r1b", 3],
    ]);
    expect(body.stats.rows).toBe(3);
  });

  it("addresses-multi-country finds the reshipper and the drop address", async () => {
    const { body } = await run("addresses-multi-country");
    expect(column(body.rows, "line1")).toEqual(["1 Freight Way", "77 Drop Street"]);
    expect(column(body.rows, "accounts")).toEqual([12, 6]);
  });

  it("ring-refunds-no-return lists a ring's unreturned refunds by value", async () => {
    const { body } = await run("ring-refunds-no-return", { ringId: ring1 });
    expect(body.rows).toHaveLength(18);
    expect(body.rows[0]).toMatchObject({ amount: 1899, category: "laptop", approvedBy: "E1" });
  });

  it("employees-approving-ring names the insiders and the busy agent with member counts", async () => {
    const { body } = await run("employees-approving-ring", { minMembers: 4 });
    expect(body.rows.map((r: Record<string, unknown>) => [r.employee, r.members, r.refunds])).toEqual([
      ["E1", 6, 12],
      ["E2", 6, 6],
      ["E4", 4, 8],
    ]);
  });

  it("employee-vs-team compares an agent with their team", async () => {
    const { body } = await run("employee-vs-team", { employeeId: "E1" });
    expect(column(body.rows, "employee")).toEqual(["E1", "E2"]);
    expect(body.rows[0].noReturnShare).toBeGreaterThan(0.7);
  });

  it("connection-between-accounts returns the shortest chain as a graph", async () => {
    const { body } = await run("connection-between-accounts", { from: "RA01", to: "RA06" });
    expect(body.rows).toHaveLength(1);
    expect(body.graph.nodes.map((n: { key: string }) => n.key).sort()).toEqual([
      "Account:RA01",
      "Account:RA06",
      expect.stringMatching(/^Address:77 drop st/),
    ]);
    expect(body.graph.edges).toHaveLength(2);
    expect((await run("connection-between-accounts", { from: "RA01", to: "RA06", maxHops: 1 })).body.rows).toHaveLength(0);
  });

  it("new-accounts-high-value finds young accounts' unreturned high-value refunds", async () => {
    const { body } = await run("new-accounts-high-value");
    expect(body.rows).toHaveLength(20);
    expect(new Set(column(body.rows, "account")).size).toBe(10);
  });

  it("refund-velocity finds accounts with many refunds in a week", async () => {
    const { body } = await run("refund-velocity", { minRefunds: 3, days: 7 });
    expect(column(body.rows, "account")).toEqual(["RA01", "RA02", "RA03", "RA04", "RA05", "RA06"]);
  });

  it("rings-multi-country lists both planted rings", async () => {
    const { body } = await run("rings-multi-country", { minCountries: 3 });
    expect(column(body.rows, "ring").sort()).toEqual([ring1, ring2].sort());
  });

  it("refunds-by-category finds the gold coins", async () => {
    const { body } = await run("refunds-by-category", { category: "jewelry", minAmount: 1000 });
    expect(body.rows).toHaveLength(8);
    expect(new Set(column(body.rows, "approvedBy"))).toEqual(new Set(["E4"]));
  });

  it("device-neighbourhood returns the device's accounts and their addresses as a graph", async () => {
    const { body } = await run("device-neighbourhood", { deviceId: "dev-r2" });
    const keys = body.graph.nodes.map((n: { key: string }) => n.key);
    expect(keys.filter((k: string) => k.startsWith("Account:"))).toHaveLength(4);
    expect(keys).toContain("Device:dev-r2");
    expect(body.graph.edges.length).toBeGreaterThanOrEqual(6);
  });

  it("accounts-sharing-identifiers counts shared identifiers per account", async () => {
    const { body } = await run("accounts-sharing-identifiers", { accountId: "RA01" });
    expect(body.rows.map((r: Record<string, unknown>) => [r.account, r.sharedCount])).toEqual([
      ["RA02", 2],
      ["RA03", 2],
      ["RA04", 2],
      ["RA05", 1],
      ["RA06", 1],
    ]);
  });

  it("ring-members-graph draws a ring with its devices and addresses", async () => {
    const { body } = await run("ring-members-graph", { ringId: ring1 });
    const types = body.graph.nodes.map((n: { attributes: { type: string } }) => n.attributes.type);
    expect(types.filter((t: string) => t === "Account")).toHaveLength(6);
    expect(types.filter((t: string) => t === "Device")).toHaveLength(2);
  });

  it("suspected-insiders lists the insiders with their reasons", async () => {
    const { body } = await run("suspected-insiders");
    expect(column(body.rows, "employee").sort()).toEqual(["E1", "E4"]);
  });
});

describe("parameters of saved queries", () => {
  it("answers 400 naming a missing required parameter and its type", async () => {
    const { status, body } = await run("ring-refunds-no-return");
    expect(status).toBe(400);
    expect(body.error.details).toEqual({ param: "ringId", type: "string" });
  });

  it("answers 400 for a mistyped or unknown parameter", async () => {
    expect((await run("devices-shared", { minAccounts: "three" })).body.error.details).toMatchObject({ param: "minAccounts", type: "int" });
    expect((await run("devices-shared", { minAccounts: 2.5 })).status).toBe(400);
    expect((await run("devices-shared", { nope: 1 })).body.error.details).toMatchObject({ param: "nope" });
  });

  it("keeps an injection attempt a value: it matches nothing and changes nothing", async () => {
    const before = (await getJson(`${s.url}/api/stats`)).body.counts;
    const { status, body } = await run("ring-refunds-no-return", { ringId: "x'}) MATCH (n) DETACH DELETE n //" });
    expect(status).toBe(200);
    expect(body.rows).toEqual([]);
    expect((await getJson(`${s.url}/api/stats`)).body.counts).toEqual(before);
  });
});

describe("safety of saved queries", () => {
  it("refuses a query file that writes, when the catalogue loads", () => {
    expect(() => loadCatalogue(path.join(FIXTURES, "queries-write"))).toThrow(/write clause SET/);
  });

  it("refuses writes in the store's read-only query path", async () => {
    await expect(
      s.store.query(adHoc("MATCH (a:Account {id: 'RA01'}) SET a.name = 'x' RETURN a"), {}, { timeoutMs: 5000 }),
    ).rejects.toMatchObject({ kind: "forbidden" });
  });
});

describe("a slow saved query", () => {
  let slow: FixtureServer;
  beforeAll(async () => {
    slow = await startFixtureServer({ catalogue: loadCatalogue(path.join(FIXTURES, "queries-slow")), config: { queryTimeoutMs: 300 } });
  });
  afterAll(() => slow.close());

  it("is stopped at the timeout with 504 naming the query, and the server goes on", async () => {
    const { status, body } = await postJson(`${slow.url}/api/queries/slow-cartesian/run`, {});
    expect(status).toBe(504);
    expect(body.error.message).toContain("slow-cartesian");
    expect((await getJson(`${slow.url}/api/health`)).status).toBe(200);
  });
});

describe("declared parameter ranges", () => {
  it("refuses a limit outside its declared range with 400, and lists the range in the catalogue", async () => {
    const { status, body } = await run("devices-shared", { limit: -1 });
    expect(status).toBe(400);
    expect(body.error.details).toMatchObject({ param: "limit", min: 1, max: 10000 });
    const info = (await getJson(`${s.url}/api/queries/devices-shared`)).body;
    expect(info.params.find((p: { name: string }) => p.name === "limit")).toMatchObject({ min: 1, max: 10000 });
  });
});
