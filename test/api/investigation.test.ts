import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, postJson, startFixtureServer, waitForJob, type FixtureServer } from "../helpers/fixture-server.ts";

const ANALYST = "analyst-token-0123456789abcdef";
const ADMIN = "admin-token-fedcba9876543210";
const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const put = (url: string, body: unknown, token?: string) =>
  getJson(url, {
    method: "PUT",
    headers: { "content-type": "application/json", ...(token ? auth(token) : {}) },
    body: JSON.stringify(body),
  });

/** A loopback webhook receiver: each POST body is kept, and announced to whoever waits. */
function startReceiver() {
  const bodies: any[] = [];
  let announce: () => void = () => {};
  let next = new Promise<void>((resolve) => (announce = resolve));
  const server = http.createServer((req, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => {
      bodies.push({ headers: req.headers, body: JSON.parse(text) });
      res.end("ok");
      const done = announce;
      next = new Promise<void>((resolve) => (announce = resolve));
      done();
    });
  });
  return {
    bodies,
    received: () => next,
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let s: FixtureServer;
let root: string;
const logLines: string[] = [];
const receiver = startReceiver();
let ringId: string;

beforeAll(async () => {
  // An account that comes back: a new id on the device of the RA01 ring (dev-r1a).
  root = fs.mkdtempSync(path.join(os.tmpdir(), "ringlens-investigation-"));
  fs.mkdirSync(path.join(root, "back"));
  fs.writeFileSync(path.join(root, "back", "accounts.csv"), "account_id,created_at,country,email\nNX01,2024-06-20,DE,nx01@mail.test\n");
  fs.writeFileSync(path.join(root, "back", "devices.csv"), "account_id,device_id,ip\nNX01,dev-r1a,10.9.9.9\n");
  const logger = pino(
    { level: "info" },
    new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );
  s = await startFixtureServer({
    logger,
    config: {
      tokens: [
        { name: "ana", role: "analyst", token: ANALYST },
        { name: "ops", role: "admin", token: ADMIN },
      ],
      importRoot: root,
      alertWebhook: await receiver.listen(),
    },
  });
  ringId = (await getJson(`${s.url}/api/search?q=RA01`)).body.hits.find((h: { id: string }) => h.id === "RA01").ringId;
});
afterAll(async () => {
  await s.close();
  await receiver.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("roles", () => {
  it("refuses a case change without a token (401), with a wrong one (401), and an analysis by an analyst (403)", async () => {
    expect((await put(`${s.url}/api/rings/${ringId}/case`, { status: "investigating" })).status).toBe(401);
    expect((await put(`${s.url}/api/rings/${ringId}/case`, { status: "investigating" }, "wrong-token-0123456789")).status).toBe(401);
    const analyse = await postJson(`${s.url}/api/analyze`, {}, auth(ANALYST));
    expect(analyse.status).toBe(403);
    expect(analyse.body.error.message).toContain("admin");
    expect((await postJson(`${s.url}/api/watches`, { query: "devices-shared" })).status).toBe(401);
  });

  it("answers 404 for a case on a ring that does not exist, and 400 for an unknown status", async () => {
    expect((await put(`${s.url}/api/rings/R-nope/case`, { status: "confirmed" }, ANALYST)).status).toBe(404);
    expect((await put(`${s.url}/api/rings/${ringId}/case`, { status: "closed" }, ANALYST)).status).toBe(400);
  });
});

describe("a case that follows its ring, and the alert when a known fraudster comes back", () => {
  let caseId: string;
  let newRingId: string;

  it("opens a case on a ring with a status, an assignee and a note; the ring shows it", async () => {
    const opened = await put(
      `${s.url}/api/rings/${ringId}/case`,
      { status: "investigating", assignee: "ana", note: "drop address in Newark" },
      ANALYST,
    );
    expect(opened.status).toBe(200);
    caseId = opened.body.id;
    const confirmed = await put(`${s.url}/api/rings/${ringId}/case`, { status: "confirmed", note: "LKA confirmed" }, ANALYST);
    expect(confirmed.body).toMatchObject({ id: caseId, status: "confirmed", assignee: "ana" });
    const { body } = await getJson(`${s.url}/api/rings/${ringId}`);
    expect(body.case).toMatchObject({ id: caseId, ringId, status: "confirmed", assignee: "ana" });
    expect(body.case.notes.map((n: { text: string }) => n.text)).toEqual(["drop address in Newark", "LKA confirmed"]);
    expect(body.case.history.map((h: { action: string }) => h.action)).toEqual(["case.open", "case.update"]);
    expect(body.case.history[1]).toMatchObject({ actor: "ana", before: { status: "investigating" }, after: { status: "confirmed" } });
    expect(body.lineage).toMatchObject({ state: "new", previousId: null });
  });

  it("watches a saved query", async () => {
    const { status, body } = await postJson(`${s.url}/api/watches`, { query: "devices-shared", params: { minAccounts: 3 } }, auth(ANALYST));
    expect(status).toBe(201);
    expect(body).toMatchObject({ query: "devices-shared", addedBy: "ana" });
    expect(body.seenRows).toBeGreaterThan(0);
    expect((await postJson(`${s.url}/api/watches`, { query: "no-such-query" }, auth(ANALYST))).status).toBe(404);
  });

  it("after a re-import and re-analysis, the ring grew by the new account, with its lineage, and kept its case", async () => {
    const imported = await postJson(`${s.url}/api/import`, { folder: "back" }, auth(ADMIN));
    expect(imported.status).toBe(202);
    const importJob = await waitForJob(s, imported.body);
    expect(importJob, JSON.stringify(importJob)).toMatchObject({ status: "succeeded" });
    const delivered = receiver.received();
    const analysed = await postJson(`${s.url}/api/analyze`, { hubThreshold: 10 }, auth(ADMIN));
    const job = await waitForJob(s, analysed.body);
    expect(job.status).toBe("succeeded");
    expect(job.report).toMatchObject({ casesMoved: 1, webhook: { delivered: true } });
    await delivered;

    newRingId = (await getJson(`${s.url}/api/search?q=NX01`)).body.hits.find((h: { id: string }) => h.id === "NX01").ringId;
    expect(newRingId).not.toBe(ringId);
    const { body } = await getJson(`${s.url}/api/rings/${newRingId}`);
    expect(body.lineage).toEqual({ state: "grew", previousId: ringId, added: ["NX01"], removed: [], mergedFrom: [], splitFrom: null });
    expect(body.case).toMatchObject({ id: caseId, ringId: newRingId, status: "confirmed", assignee: "ana" });
    expect(body.case.history.at(-1)).toMatchObject({
      actor: "analysis",
      action: "case.followed",
      before: { ringId },
      after: { ringId: newRingId },
    });
    expect((await getJson(`${s.url}/api/rings/${ringId}`)).status).toBe(404);
    const cases = (await getJson(`${s.url}/api/cases?status=confirmed`)).body.cases;
    expect(cases).toEqual([expect.objectContaining({ id: caseId, ringId: newRingId })]);
    expect((await getJson(`${s.url}/api/cases?status=dismissed`)).body.cases).toEqual([]);
    const listed = (await getJson(`${s.url}/api/rings?caseStatus=confirmed`)).body;
    expect(listed.rings.map((r: { id: string }) => r.id)).toEqual([newRingId]);
  });

  it("raises an alert naming the account, the confirmed ring and the device it came back through", async () => {
    const { body } = await getJson(`${s.url}/api/alerts?status=open`);
    const linked = body.alerts.filter((a: { kind: string }) => a.kind === "linked-to-confirmed");
    expect(linked).toEqual([
      expect.objectContaining({
        accountId: "NX01",
        ringId: newRingId,
        caseId,
        identifier: { kind: "Device", id: "dev-r1a" },
        status: "open",
      }),
    ]);
    expect(body.alerts.map((a: { kind: string }) => a.kind).sort()).toEqual(["linked-to-confirmed", "ring-grew", "watch"]);
    const watch = body.alerts.find((a: { kind: string }) => a.kind === "watch");
    expect(watch.detail.rows).toEqual([expect.objectContaining({ device: "dev-r1a", accounts: 5 })]);
    // The webhook got the same alerts, once.
    expect(receiver.bodies).toHaveLength(1);
    expect(receiver.bodies[0].body.alerts.map((a: { id: string }) => a.id).sort()).toEqual(
      body.alerts.map((a: { id: string }) => a.id).sort(),
    );
  });

  it("raises nothing again on an unchanged re-analysis, and an analyst acknowledges an alert", async () => {
    const again = await waitForJob(s, (await postJson(`${s.url}/api/analyze`, { hubThreshold: 10 }, auth(ADMIN))).body);
    expect(again.report).toMatchObject({ alerts: 0, casesMoved: 0 });
    expect((await getJson(`${s.url}/api/rings/${newRingId}`)).body.lineage.state).toBe("same");
    const open = (await getJson(`${s.url}/api/alerts?status=open`)).body.alerts;
    const linked = open.find((a: { kind: string }) => a.kind === "linked-to-confirmed");
    expect((await put(`${s.url}/api/alerts/${linked.id}`, { status: "acknowledged" })).status).toBe(401);
    const acked = await put(`${s.url}/api/alerts/${linked.id}`, { status: "acknowledged", note: "account closed" }, ANALYST);
    expect(acked.body).toMatchObject({ id: linked.id, status: "acknowledged", acknowledgedBy: "ana" });
    expect((await getJson(`${s.url}/api/alerts?status=open`)).body.alerts).toHaveLength(open.length - 1);
  });

  it("records every write in the audit trail: who, what, which ring, before → after", async () => {
    const { body } = await getJson(`${s.url}/api/audit`);
    const seen = body.entries.map((e: { actor: string; action: string }) => `${e.actor} ${e.action}`).reverse();
    expect(seen).toEqual([
      "ana case.open",
      "ana case.update",
      "ana watch.create",
      "ops import",
      "ops analyze",
      "analysis case.followed",
      "ops analyze",
      "ana alert.acknowledge",
    ]);
    const ack = body.entries[0];
    expect(ack).toMatchObject({
      caseId,
      ringId: newRingId,
      before: { status: "open" },
      after: { status: "acknowledged" },
      note: "account closed",
    });
    expect((await getJson(`${s.url}/api/audit?caseId=${caseId}`)).body.entries.map((e: { action: string }) => e.action)).toEqual([
      "alert.acknowledge",
      "case.followed",
      "case.update",
      "case.open",
    ]);
  });

  it("never logs nor returns a token", async () => {
    const everything = [
      JSON.stringify((await getJson(`${s.url}/api/audit`)).body),
      JSON.stringify((await getJson(`${s.url}/api/alerts`)).body),
      JSON.stringify((await getJson(`${s.url}/api/watches`)).body),
      JSON.stringify((await getJson(`${s.url}/api/rings/${newRingId}`)).body),
      JSON.stringify(receiver.bodies),
      logLines.join(""),
    ].join("\n");
    expect(logLines.some((l) => l.includes("/api/rings/") && l.includes("PUT"))).toBe(true);
    expect(everything).not.toContain(ANALYST);
    expect(everything).not.toContain(ADMIN);
  });
});
