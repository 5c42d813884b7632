/**
 * `--db` names an embedded store folder, so it means the embedded store even when NEO4J_URI
 * is set (in the shell, or a .env); only an explicit `--store neo4j` beside it chooses Neo4j.
 * NEO4J_URI points at a port nobody listens on: a command that went to Neo4j would fail.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { freePort } from "../helpers/free-port.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";

describe("--db with NEO4J_URI set", () => {
  const dir = tempDir();
  const db = path.join(dir, "db");
  let neo4j: Record<string, string>;
  beforeAll(async () => {
    neo4j = { NEO4J_URI: `bolt://127.0.0.1:${await freePort()}`, NEO4J_PASSWORD: "pw" };
  });

  // Two CLI runs: a budget above the default for a loaded machine.
  it("loads into and reports on the embedded store in that folder", async () => {
    const load = await runCli(["load", path.join(FIXTURES, "small"), "--db", db, "--rejects", path.join(dir, "r.csv")], neo4j);
    expect(load.code, load.stderr).toBe(0);
    const health = await runCli(["health", "--db", db], neo4j);
    expect(health.code, health.stdout).toBe(0);
    expect(health.stdout).toMatch(
      new RegExp(`^store: embedded \\(kuzu [^)]+\\) at ${db.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: answers\\n.*Account=[1-9]`, "m"),
    );
    expect(health.stdout).toMatch(/^in-store analysis: not available: .*no graph algorithms library.*without --in-store/m);
  }, 120_000);

  it("still goes to Neo4j when --store neo4j is given too", async () => {
    const health = await runCli(["health", "--db", db, "--store", "neo4j"], neo4j);
    expect(health.code).toBe(1);
    expect(health.stdout).toContain(`store: neo4j at ${neo4j.NEO4J_URI}:`);
  });
});
