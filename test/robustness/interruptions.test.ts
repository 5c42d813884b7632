/**
 * Killed processes: an import or an analysis killed with SIGKILL at several points leaves a
 * store that opens, a re-run that completes with the counts of a clean run, and, for an
 * analysis, the previous rings intact.
 */
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { writeDemo } from "../../server/demo/write-demo.ts";
import { openEmbeddedStore } from "../../server/store/embedded-store.ts";
import { runCli } from "../helpers/run-cli.ts";
import { childEnv } from "../helpers/child-env.ts";
import { tempDir } from "../helpers/temp-dir.ts";
import { adHoc } from "../helpers/ad-hoc-cypher.ts";

const BIN = path.resolve(import.meta.dirname, "../../bin/ringlens.mjs");

/**
 * Runs `ringlens args` with RINGLENS_PAUSE_AT=point, waits until it announces that it paused
 * there, then kills it with SIGKILL. Resolves with whether it paused and whether the kill ended
 * it: a run that finished before the point (or without reaching it) is a failed test.
 */
function killAt(args: string[], point: string): Promise<{ paused: boolean; killed: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: childEnv({ RINGLENS_PAUSE_AT: point }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let paused = false;
    const check = (d: Buffer) => {
      output += d;
      if (!paused && output.includes(`ringlens: paused at ${point}\n`)) {
        paused = true;
        child.kill("SIGKILL");
      }
    };
    child.stdout.on("data", check);
    child.stderr.on("data", check);
    child.on("exit", (_code, signal) => resolve({ paused, killed: signal === "SIGKILL", output }));
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

/** The stored analysis: memberships, ring scores and suspicions, one line each. */
async function ringsOf(db: string): Promise<string[]> {
  const store = await openEmbeddedStore({ folder: db, readOnly: true });
  try {
    const options = { timeoutMs: 60_000 };
    const members = await store.query(
      adHoc("MATCH (a:Account)-[:MEMBER_OF]->(r:Ring) RETURN r.id AS ring, a.id AS account ORDER BY ring, account"),
      {},
      options,
    );
    const rings = await store.query(
      adHoc("MATCH (r:Ring) RETURN r.id AS ring, r.score AS score, r.level AS level ORDER BY ring"),
      {},
      options,
    );
    const suspects = await store.query(
      adHoc(
        "MATCH (e:Employee)-[s:SUSPECTED_IN]->(r:Ring) RETURN r.id AS ring, e.id AS employee, s.score AS score ORDER BY ring, employee",
      ),
      {},
      options,
    );
    return [
      ...members.rows.map((r) => `member ${r.ring}/${r.account}`),
      ...rings.rows.map((r) => `ring ${r.ring} ${r.score} ${r.level}`),
      ...suspects.rows.map((r) => `suspect ${r.ring}/${r.employee} ${r.score}`),
    ];
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

  // Named points of the import (server/checkpoints.ts): after the accounts file; inside the
  // devices file, its Device nodes written but not yet which accounts use them.
  for (const [where, point] of [
    ["right after the accounts", "import:accounts:done"],
    ["inside a later file", "import:devices:wrote-Device"],
  ] as const) {
    it(`${where}: the store opens and a second run completes with a clean run's counts`, async () => {
      const db = path.join(dir, `killed-${point.replace(/\W/g, "")}`);
      const run = await killAt(["load", demo, "--db", db, "--rejects", path.join(dir, "rk.csv")], point);
      expect(run.paused, run.output).toBe(true);
      expect(run.killed, run.output).toBe(true);
      // The kill interrupted the work: the store holds less than a clean import.
      expect(await countsOf(db)).not.toEqual(clean);
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

  // A different hub threshold gives a different result, so a half-written one would show.
  const rerun = ["analyze", "--db", db, "--hub-threshold", "5"];

  it("the re-run, finished, gives other rings (so a half-written one below would show)", async () => {
    const scratch = path.join(dir, "scratch");
    fs.cpSync(db, scratch, { recursive: true });
    const before = await ringsOf(scratch);
    expect((await runCli(["analyze", "--db", scratch, "--hub-threshold", "5"])).code).toBe(0);
    expect(await ringsOf(scratch)).not.toEqual(before);
  }, 180_000);

  // Named points of the analysis: rings detected, nothing written; the staged rings written,
  // before the swap; inside the write-back transaction, the old rings deleted and new ones in.
  for (const point of ["analyze:detected", "analyze:before-swap", "analyze:inside-write-back"]) {
    it(`killed at ${point}: the previous rings, memberships and suspicions are intact`, async () => {
      const before = await ringsOf(db);
      expect(before.length).toBeGreaterThan(0);
      const run = await killAt(rerun, point);
      expect(run.paused, run.output).toBe(true);
      expect(run.killed, run.output).toBe(true);
      expect(await ringsOf(db)).toEqual(before);
    }, 180_000);
  }
});
