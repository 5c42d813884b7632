/**
 * GET /api/accounts/:id/shared and GET /api/shared-identifiers over HTTP on the small fixture:
 * ring one's accounts share a device and an address, so they come back with counts and a
 * Jaccard index; kinds filter what counts; bad input is refused naming the parameter.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, startFixtureServer, type FixtureServer } from "../helpers/fixture-server.ts";

let s: FixtureServer;
beforeAll(async () => {
  s = await startFixtureServer();
});
afterAll(() => s.close());

type Shared = { account: string; sharedCount: number; jaccard: number };

describe("GET /api/accounts/:id/shared", () => {
  it("lists the accounts sharing identifiers with the account, most shared first, with a Jaccard index in (0, 1]", async () => {
    const { status, body } = await getJson(`${s.url}/api/accounts/RA01/shared`);
    expect(status).toBe(200);
    expect(body.account).toBe("RA01");
    const shared = body.shared as Shared[];
    expect(shared.map((x) => x.account)).toEqual(expect.arrayContaining(["RA02", "RA03"]));
    expect(shared.map((x) => x.account)).not.toContain("RA01");
    for (const x of shared) {
      expect(x.sharedCount).toBeGreaterThanOrEqual(1);
      expect(x.jaccard).toBeGreaterThan(0);
      expect(x.jaccard).toBeLessThanOrEqual(1);
    }
    const counts = shared.map((x) => x.sharedCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("counts only the kinds asked for", async () => {
    const all = (await getJson(`${s.url}/api/accounts/RA01/shared`)).body.shared as Shared[];
    const devices = (await getJson(`${s.url}/api/accounts/RA01/shared?kinds=Device`)).body.shared as Shared[];
    expect(devices.length).toBeGreaterThan(0);
    for (const d of devices) {
      const everything = all.find((x) => x.account === d.account)!;
      expect(d.sharedCount).toBeLessThanOrEqual(everything.sharedCount);
    }
    // RA01 and RA02 share the device dev-r1a and the drop address: one of them is the device.
    expect(devices.find((x) => x.account === "RA02")?.sharedCount).toBe(1);
  });

  it("answers an unknown account with an empty list, and bad parameters with 400 naming them", async () => {
    expect((await getJson(`${s.url}/api/accounts/NOPE/shared`)).body.shared).toEqual([]);
    const kind = await getJson(`${s.url}/api/accounts/RA01/shared?kinds=Shoe`);
    expect(kind.status).toBe(400);
    expect(kind.body.error.message).toMatch(/unknown identifier kind "Shoe"/);
    expect((await getJson(`${s.url}/api/accounts/RA01/shared?limit=0`)).status).toBe(400);
    expect((await getJson(`${s.url}/api/accounts/RA01/shared?bogus=1`)).status).toBe(400);
  });
});

describe("GET /api/shared-identifiers", () => {
  it("lists every sharing pair once, and one account's pairs with ?account=", async () => {
    const pairs = (await getJson(`${s.url}/api/shared-identifiers`)).body.pairs as {
      account: string;
      other: string;
      sharedCount: number;
    }[];
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) expect(p.account < p.other).toBe(true);
    expect(new Set(pairs.map((p) => `${p.account}|${p.other}`)).size).toBe(pairs.length);
    expect(pairs.some((p) => p.account === "RA01" && p.other === "RA02")).toBe(true);

    const one = (await getJson(`${s.url}/api/shared-identifiers?account=RA01&limit=2`)).body.pairs as { account: string }[];
    expect(one.length).toBeLessThanOrEqual(2);
    expect(one.every((p) => p.account === "RA01")).toBe(true);
  });
});
