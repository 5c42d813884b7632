import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, startFixtureServer, type FixtureServer } from "../helpers/fixture-server.ts";

let s: FixtureServer;
beforeAll(async () => {
  s = await startFixtureServer();
});
afterAll(() => s.close());

describe("GET /api/nodes/:type/:id", () => {
  it("returns a node's properties, case-insensitive on the type", async () => {
    const { status, body } = await getJson(`${s.url}/api/nodes/account/RA01`);
    expect(status).toBe(200);
    expect(body.node).toMatchObject({ type: "Account", id: "RA01", properties: { country: "US", email: "ra01@mail.test" } });
  });

  it("returns 404 for an unknown node or type", async () => {
    expect((await getJson(`${s.url}/api/nodes/Account/NOPE`)).status).toBe(404);
    const { status, body } = await getJson(`${s.url}/api/nodes/Meta/lastImport`);
    expect(status).toBe(404);
    expect(body.error.message).toMatch(/unknown node type/);
  });

  it("finds ids with slashes, spaces and quotes as parameters, never as Cypher", async () => {
    const id = encodeURIComponent("x' OR 1=1 //");
    expect((await getJson(`${s.url}/api/nodes/Account/${id}`)).status).toBe(404);
  });
});

describe("GET /api/nodes/:type/:id/neighbors", () => {
  it("returns the neighbourhood at depth 1 and a wider one at depth 2", async () => {
    const one = (await getJson(`${s.url}/api/nodes/Device/dev-r2/neighbors`)).body;
    const keys1 = one.nodes.map((n: { key: string }) => n.key).sort();
    expect(keys1).toEqual(["Account:RB01", "Account:RB02", "Account:RB03", "Account:RB04", "Device:dev-r2"]);
    expect(one.edges.every((e: { attributes: { type: string } }) => e.attributes.type === "USES")).toBe(true);
    const two = (await getJson(`${s.url}/api/nodes/Device/dev-r2/neighbors?depth=2`)).body;
    const keys2 = two.nodes.map((n: { key: string }) => n.key);
    expect(keys2).toContain("Refund:RF-RB01-0");
    expect(keys2.some((k: string) => k.startsWith("Ring:"))).toBe(true);
  });

  it("refuses depth 3 with 400", async () => {
    const { status, body } = await getJson(`${s.url}/api/nodes/Device/dev-r2/neighbors?depth=3`);
    expect(status).toBe(400);
    expect(body.error.details.param).toBe("depth");
  });
});

describe("GET /api/search", () => {
  it("finds accounts by id prefix and email, case-insensitively, with their ring", async () => {
    const { body } = await getJson(`${s.url}/api/search?q=ra0`);
    expect(body.hits.filter((h: { type: string }) => h.type === "Account")).toHaveLength(6);
    expect(body.hits[0].ringId).toMatch(/^R-/);
    const byEmail = (await getJson(`${s.url}/api/search?q=RB03@MAIL`)).body.hits;
    expect(byEmail.map((h: { type: string; id: string }) => `${h.type}:${h.id}`)).toEqual(["Account:RB03", "Email:rb03@mail.test"]);
  });

  it("finds devices, employees by name and addresses by street", async () => {
    const hits = async (q: string) =>
      (await getJson(`${s.url}/api/search?q=${encodeURIComponent(q)}`)).body.hits.map(
        (h: { type: string; id: string }) => `${h.type}:${h.id}`,
      );
    expect(await hits("dev-r1")).toEqual(["Device:dev-r1a", "Device:dev-r1b"]);
    expect(await hits("greta")).toEqual(["Employee:E4"]);
    expect((await hits("77 drop")).length).toBe(1);
    expect((await hits("77 Drop Str."))[0]).toMatch(/^Address:77 drop st/);
  });

  it("finds identifiers pasted from a case: a phone as typed nationally, an email, an IP prefix", async () => {
    const hits = async (q: string) =>
      (await getJson(`${s.url}/api/search?q=${encodeURIComponent(q)}`)).body.hits.map(
        (h: { type: string; id: string }) => `${h.type}:${h.id}`,
      );
    expect(await hits("555-0101")).toEqual(["Phone:+15550101"]);
    expect(await hits("(555) 01")).toEqual(expect.arrayContaining(["Phone:+15550100", "Phone:+15550101"]));
    expect(await hits("ra01@mail.test")).toContain("Email:ra01@mail.test");
    expect(await hits("10.0.0.1")).toContain("IP:10.0.0.1");
    expect(await hits("55")).toEqual([]);
  });

  it("answers 400 for an empty query", async () => {
    expect((await getJson(`${s.url}/api/search?q=`)).status).toBe(400);
  });
});

describe("unknown API paths", () => {
  it("answer 404 in the error format", async () => {
    const { status, body } = await getJson(`${s.url}/api/nothing-here`);
    expect(status).toBe(404);
    expect(body.error.code).toBe("not-found");
  });
});

describe("GET /api/openapi.json and /api/docs", () => {
  it("describes every API route the app serves", async () => {
    const doc = (await getJson(`${s.url}/api/openapi.json`)).body;
    expect(doc.openapi).toBe("3.1.0");
    for (const path of [
      "/api/health",
      "/api/stats",
      "/api/rings",
      "/api/rings/{id}",
      "/api/rings/{id}/graph",
      "/api/nodes/{type}/{id}",
      "/api/nodes/{type}/{id}/neighbors",
      "/api/search",
      "/api/queries",
      "/api/queries/{name}",
      "/api/queries/{name}/run",
      "/api/import",
      "/api/analyze",
      "/api/jobs/{id}",
      "/api/rings/{id}/case",
      "/api/cases",
      "/api/alerts",
      "/api/alerts/{id}",
      "/api/audit",
      "/api/watches",
    ])
      expect(Object.keys(doc.paths)).toContain(path);
    const page = await fetch(`${s.url}/api/docs`);
    expect(page.headers.get("content-type")).toMatch(/html/);
    expect(await page.text()).toContain("/api/rings/{id}/graph");
  });
});

describe("neighbourhoods outside ring views", () => {
  it("include a node without relationships, and mark insiders and hubs", async () => {
    const lonely = (await getJson(`${s.url}/api/nodes/Account/XSS1/neighbors`)).body;
    expect(lonely.nodes.map((n: { key: string }) => n.key)).toEqual(["Account:XSS1"]);
    const insider = (await getJson(`${s.url}/api/nodes/Employee/E4/neighbors`)).body;
    expect(insider.nodes.find((n: { key: string }) => n.key === "Employee:E4").attributes.insider).toBe(true);
    const account = (await getJson(`${s.url}/api/nodes/Account/RB01/neighbors`)).body;
    const hub = account.nodes.find((n: { attributes: { hub?: boolean } }) => n.attributes.hub);
    expect(hub?.attributes.properties.line1).toBe("1 Freight Way");
  });
});
