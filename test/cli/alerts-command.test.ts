import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbeddedStore } from "../../server/store/embedded-store.ts";
import { currentRingMembers, listAudit } from "../../server/investigation/investigation-records.ts";
import { updateCase } from "../../server/investigation/update-case.ts";
import { runCli } from "../helpers/run-cli.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";

describe("ringlens alerts, after a CLI re-import and analysis", () => {
  const dir = tempDir("ringlens-cli-alerts-");
  const db = path.join(dir, "db");
  const back = path.join(dir, "back");
  const posts: { alerts: { kind: string; accountId: string | null }[] }[] = [];
  let delivered: Promise<void>;
  let hook: http.Server;
  let hookUrl: string;

  beforeAll(async () => {
    fs.mkdirSync(back);
    fs.writeFileSync(path.join(back, "accounts.csv"), "account_id,country\nNX01,DE\n");
    fs.writeFileSync(path.join(back, "devices.csv"), "account_id,device_id\nNX01,dev-r1a\n");
    delivered = new Promise<void>((resolve) => {
      hook = http.createServer((req, res) => {
        let text = "";
        req.on("data", (c) => (text += c));
        req.on("end", () => {
          posts.push(JSON.parse(text));
          res.end();
          resolve();
        });
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", () => resolve()));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/alerts`;
  });
  afterAll(() => new Promise<void>((resolve) => hook.close(() => resolve())));

  it("lists the alert an analysis on the command line raised and sends it to the webhook", async () => {
    expect((await runCli(["load", path.join(FIXTURES, "small"), "--db", db])).code).toBe(0);
    expect((await runCli(["analyze", "--hub-threshold", "10", "--db", db])).code).toBe(0);
    expect((await runCli(["alerts", "--db", db])).stdout).toBe("no open alerts\n");

    const store = await openEmbeddedStore({ folder: db, command: "test" });
    const [ringId] = [...(await currentRingMembers(store))].find(([, members]) => members.includes("RA01"))!;
    await updateCase(store, ringId, { status: "confirmed" }, "ana");
    await store.close();

    // A re-import keeps the case; the next analysis finds the account that came back.
    expect((await runCli(["load", back, "--db", db])).code).toBe(0);
    const analysed = await runCli(["analyze", "--hub-threshold", "10", "--db", db], { RINGLENS_ALERT_WEBHOOK: hookUrl });
    expect(analysed.code).toBe(0);
    expect(analysed.stdout).toMatch(/cases: 1 followed their ring; 2 new alert\(s\); sent to the webhook/);
    await delivered;
    expect(posts[0]!.alerts.map((a) => a.kind).sort()).toEqual(["linked-to-confirmed", "ring-grew"]);

    const listed = await runCli(["alerts", "--db", db]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/linked-to-confirmed\s+open .*account NX01 links to confirmed ring .* through Device dev-r1a/);
    const json = JSON.parse((await runCli(["alerts", "--status", "all", "--json", "--db", db])).stdout);
    expect(json.alerts.find((a: { kind: string }) => a.kind === "linked-to-confirmed")).toMatchObject({
      accountId: "NX01",
      identifier: { kind: "Device", id: "dev-r1a" },
    });
    // The command line's writes are in the audit trail, by the OS user.
    const audited = await openEmbeddedStore({ folder: db, command: "test", readOnly: true });
    const actions = (await listAudit(audited)).map((e) => `${e.actor.startsWith("cli:") ? "cli" : e.actor} ${e.action}`).reverse();
    await audited.close();
    expect(actions).toEqual(["cli import", "cli analyze", "ana case.open", "cli import", "analysis case.followed", "cli analyze"]);
    const bad = await runCli(["alerts", "--status", "closed", "--db", db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--status");
  }, 240_000);
});
