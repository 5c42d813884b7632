/**
 * A ring's ties beyond its members over HTTP: two crews bridged by one borrowed device come out
 * as two rings, each linked to the other via that device, and an honest household on a
 * member's tablet is listed as attached (with the reason), not as members.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, startFixtureServer, type FixtureServer } from "../helpers/fixture-server.ts";
import { FIXTURES } from "../helpers/temp-dir.ts";

let s: FixtureServer;
beforeAll(async () => {
  s = await startFixtureServer({ fixture: path.join(FIXTURES, "bridged-crews"), hubThreshold: 30 });
}, 120_000);
afterAll(() => s.close());

const ringWith = async (accountId: string) => {
  const { body } = await getJson(`${s.url}/api/search?q=${accountId}`);
  const id = body.hits.find((h: { id: string }) => h.id === accountId).ringId;
  return (await getJson(`${s.url}/api/rings/${id}`)).body;
};

describe("GET /api/rings/:id of bridged crews", () => {
  it("gives each crew its own ring, linked to the other via the borrowed device", async () => {
    const a = await ringWith("CA1");
    const b = await ringWith("CB1");
    expect(a.id).not.toBe(b.id);
    expect(a.members.map((m: { id: string }) => m.id).sort()).toEqual(["CA1", "CA2", "CA3", "CA4", "CA5", "CA6"]);
    expect(b.members.map((m: { id: string }) => m.id).sort()).toEqual(["CB1", "CB2", "CB3", "CB4", "CB5"]);
    expect(a.links).toEqual([{ ringId: b.id, via: [{ kind: "Device", identifierId: "DA1" }] }]);
    expect(b.links).toEqual([{ ringId: a.id, via: [{ kind: "Device", identifierId: "DA1" }] }]);
  });

  it("lists the household on a member's tablet as attached, with the reason, not as members", async () => {
    const a = await ringWith("CA1");
    expect(a.attached.map((x: { accountId: string; memberId: string }) => [x.accountId, x.memberId])).toEqual([
      ["HR1", "CA4"],
      ["HR2", "CA4"],
    ]);
    expect(a.attached[0].reason).toMatch(/^shares only device TAB with member CA4; no high-value refund/);
    expect(a.size).toBe(6);
  });
});
