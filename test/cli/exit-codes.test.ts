import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { startServe } from "../helpers/serve-child.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";

describe("ringlens --help", () => {
  it("lists every command with one line each and exits 0", async () => {
    const { code, stdout } = await runCli(["--help"]);
    expect(code).toBe(0);
    for (const command of ["demo", "load", "analyze", "rings", "insiders", "eval", "serve", "start", "health"]) {
      expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    }
  });
});

describe("ringlens exit codes", () => {
  const dir = tempDir();

  it("exits 2 on an unknown command or option", async () => {
    expect((await runCli(["bogus"])).code).toBe(2);
    expect((await runCli(["load", "--nope", "x"])).code).toBe(2);
  });

  it("exits 1 with a one-line message when the folder does not exist", async () => {
    const { code, stderr } = await runCli(["load", path.join(dir, "missing"), "--db", path.join(dir, "db1")]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^ringlens: load: cannot read the folder/m);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 0 when rows were rejected but others loaded, and prints the JSON report", async () => {
    const { code, stdout } = await runCli([
      "load",
      path.join(FIXTURES, "bad-input"),
      "--db",
      path.join(dir, "db2"),
      "--json",
      "--rejects",
      path.join(dir, "r.csv"),
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.files.refunds).toMatchObject({ read: 7, loaded: 2, rejected: 5 });
  });

  it("exits 1 when nothing could be loaded", async () => {
    const none = await runCli([
      "load",
      path.join(FIXTURES, "jsonl-all-bad"),
      "--db",
      path.join(dir, "db4"),
      "--rejects",
      path.join(dir, "r4.csv"),
    ]);
    expect(none.code).toBe(1);
  });

  // A server and two CLI runs: the wait for the server has its own deadline, within the test's.
  it("exits 1 with what to use when --in-store asks the embedded store for graph algorithms", async () => {
    const db = path.join(dir, "db6");
    expect((await runCli(["load", path.join(FIXTURES, "small"), "--db", db, "--rejects", path.join(dir, "r6.csv")])).code).toBe(0);
    const { code, stderr } = await runCli(["analyze", "--in-store", "--db", db]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^ringlens: embedded store at .*: it has no graph algorithms library.*without --in-store.*Neo4j with Graph Data Science/m,
    );
    expect(stderr).not.toMatch(/\n\s+at /);
    // Nothing was analysed.
    expect((await runCli(["rings", "--db", db])).stdout.trim().split("\n")).toHaveLength(1);
  }, 120_000);

  it("names the process holding the store instead of the engine's lock error", async () => {
    const db = path.join(dir, "db5");
    const holder = startServe(["--db", db]);
    try {
      await holder.waitFor(/viewer:/, 30_000);
      const { code, stderr } = await runCli(["load", path.join(FIXTURES, "small"), "--db", db]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/held by `ringlens serve` \(pid \d+/);
      expect(stderr).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/api\/import/);
    } finally {
      await holder.stop();
    }
    // After a clean stop the store is free again.
    expect((await runCli(["health", "--db", db])).code).toBe(0);
  }, 120_000);
});
