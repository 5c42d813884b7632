/**
 * Killed processes: an import or an analysis killed with SIGKILL at several points leaves a
 * store that opens, a re-run that completes with the counts of a clean run, and, for an
 * analysis, the previous rings intact.
 */
import path from "node:path";
import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { writeDemo } from "../../server/demo/write-demo.ts";
import { openEmbeddedStore } from "../../server/store/embedded-store.ts";
import { runCli } from "../helpers/run-cli.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const BIN = path.resolve(import.meta.dirname, "../../bin/ringlens.mjs");

/** Starts `ringlens args`, waits until its output matches `when`, then kills it with SIGKILL. */
function killWhen(args: string[], when: RegExp, extraDelayMs: number): Promise<{ killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let seen = "";
    const check = (d: Buffer) => {
      seen += d;
      if (when.test(seen)) setTimeout(() => child.kill("SIGKILL"), extraDelayMs);
    };
    child.stdout.on("data", check);
    child.stderr.on("data", check);
    child.on("exit", (_code, signal) => resolve({ killed: signal === "SIGKILL" }));
  });
}

async function countsOf(db: string): Promise<Record<string, number>> {
  const store = await openEmbeddedStore({ folder: db, readOnly: true });
  try {
    return await store.counts();
  } finally {
    await store.close();
  }
}

async function ringsOf(db: string): Promise<string[]> {
  const store = await openEmbeddedStore({ folder: db, readOnly: true });
  try {
    const { rows } = await store.query("MATCH (a:Account)-[:MEMBER_OF]->(r:Ring) RETURN r.id AS ring, a.id AS account ORDER BY ring, account", {}, { timeoutMs: 60_000 });
    return rows.map((r) => `${r.ring}/${r.account}`);
  } finally {
    await store.close();
  }
}

describe("a killed import", () => {
  const dir = tempDir();
  const demo = path.join(dir, "demo");
  let clean: Record<string, number>;

  beforeAll(async () => {
    await writeDemo({ out: demo, accounts: 2500, rings: 8, seed: 7 });
    const db = path.join(dir, "clean");
    expect((await runCli(["load", demo, "--db", db, "--rejects", path.join(dir, "r.csv")])).code).toBe(0);
    clean = await countsOf(db);
  }, 180_000);

  // The first progress line comes once the accounts are written; the other files follow.
  for (const [point, when, delay] of [["right after the accounts", /load: /, 0], ["in a later file", /load: /, 700]] as const) {
    it(`${point}: the store opens and a second run completes with a clean run's counts`, async () => {
      const db = path.join(dir, `killed-${point.replace(/\W/g, "")}`);
      const { killed } = await killWhen(["load", demo, "--db", db, "--rejects", path.join(dir, "rk.csv")], when, delay);
      expect(killed).toBe(true);
      const again = await runCli(["load", demo, "--db", db, "--rejects", path.join(dir, "rk2.csv")]);
      expect(again.code, again.stderr).toBe(0);
      expect(await countsOf(db)).toEqual(clean);
    }, 180_000);
  }
});

describe("a killed analysis", () => {
  const dir = tempDir();
  const db = path.join(dir, "db");

  beforeAll(async () => {
    const demo = path.join(dir, "demo");
    await writeDemo({ out: demo, accounts: 2500, rings: 8, seed: 8 });
    expect((await runCli(["load", demo, "--db", db, "--rejects", path.join(dir, "r.csv")])).code).toBe(0);
    expect((await runCli(["analyze", "--db", db])).code).toBe(0);
  }, 180_000);

  for (const delay of [0, 400]) {
    it(`killed ${delay} ms into its work leaves the previous rings intact`, async () => {
      const before = await ringsOf(db);
      expect(before.length).toBeGreaterThan(0);
      // A different hub threshold gives a different result, so a half-written one would show.
      await killWhen(["analyze", "--db", db, "--hub-threshold", "5"], /analyze: read links/, delay);
      expect(await ringsOf(db)).toEqual(before);
    }, 180_000);
  }
});
