/**
 * How ringlens behaves when the real Neo4j misbehaves: a wrong password, a query past its
 * timeout, and the server killed under `ringlens serve` and started again. The kill test runs
 * its own local Neo4j (tools/neo4j) with a kept data folder, so killing it harms no other test.
 */
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../../server/queries/catalogue.ts";
import { LocalNeo4jError, startLocalNeo4j, type LocalNeo4j } from "../../tools/neo4j/local-neo4j.ts";
import { getJson, postJson, startFixtureServer, type FixtureServer } from "../helpers/fixture-server.ts";
import { describeOnNeo4j, neo4jEnv, wipeNeo4j, type Neo4jTarget } from "../helpers/neo4j-target.ts";
import { childEnv } from "../helpers/child-env.ts";
import { BIN, runCli } from "../helpers/run-cli.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";

type Target = Extract<Neo4jTarget, { uri: string }>;

describeOnNeo4j("Neo4j faults", (target) => {
  it("a wrong password is refused at once with a message naming NEO4J_PASSWORD, without a stack trace", async () => {
    const run = await runCli(["health"], { ...neo4jEnv(target), NEO4J_PASSWORD: "not-the-password" });
    expect(run.code).toBe(1);
    // health reports on stdout, as it does when the store answers.
    expect(run.stdout + run.stderr).toMatch(/refused the credentials of user "neo4j".*NEO4J_PASSWORD/);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it("`serve` with a wrong password exits with that message instead of retrying", async () => {
    const run = await runCli(["serve", "--port", "0"], {
      ...neo4jEnv(target),
      NEO4J_PASSWORD: "not-the-password",
      RINGLENS_STORE_WAIT_S: "600",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/NEO4J_PASSWORD/);
    expect(run.stderr).not.toMatch(/retrying/);
  });

  describe("a saved query past its timeout", () => {
    let slow: FixtureServer;
    beforeAll(async () => {
      await wipeNeo4j(target);
      slow = await startFixtureServer({
        catalogue: loadCatalogue(path.join(FIXTURES, "queries-slow")),
        config: { queryTimeoutMs: 300, store: "neo4j", neo4j: neo4jSettings(target) },
      });
    }, 300_000);
    afterAll(() => slow?.close());

    it("is stopped by Neo4j with 504 naming the query, and the next request is served", async () => {
      const { status, body } = await postJson(`${slow.url}/api/queries/slow-cartesian/run`, {});
      expect(status, JSON.stringify(body)).toBe(504);
      expect(body.error.message).toContain("slow-cartesian");
      expect((await getJson(`${slow.url}/api/rings`)).status).toBe(200);
    });
  });
});

describe("Neo4j killed while `ringlens serve` runs", () => {
  const dir = tempDir("ringlens-neo4j-kill-");
  let neo4j: LocalNeo4j | undefined;
  let skip: string | null = null;
  let serve: ChildProcess | undefined;
  let url = "";
  let target: Target;

  beforeAll(async () => {
    try {
      neo4j = await startLocalNeo4j({ port: 0, dataDir: path.join(dir, "neo4j"), password: "kill-test-password", heapMb: 512 });
    } catch (error) {
      if (!(error instanceof LocalNeo4jError) || process.env.RINGLENS_REQUIRE_NEO4J === "1") throw error;
      skip = `no local Neo4j: ${error.message}`;
      return;
    }
    target = { uri: neo4j.uri, user: "neo4j", password: neo4j.password, database: null, local: true };
    const env = neo4jEnv(target);
    expect((await runCli(["load", path.join(FIXTURES, "small"), "--rejects", path.join(dir, "r.csv")], env)).code).toBe(0);
    expect((await runCli(["analyze", "--hub-threshold", "10"], env)).code).toBe(0);
    serve = spawn(process.execPath, [BIN, "serve", "--port", "0"], {
      env: childEnv({ ...env, RINGLENS_LOG_LEVEL: "warn" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    url = await new Promise<string>((resolve, reject) => {
      let out = "";
      serve!.stdout!.on("data", (d) => {
        out += d;
        const m = /viewer:\s+(http:\/\/\S+?)\/\s/.exec(out);
        if (m) resolve(m[1]!);
      });
      serve!.on("exit", (code) => reject(new Error(`serve exited (${code}) before listening: ${out}`)));
    });
  }, 600_000);

  afterAll(async () => {
    serve?.kill("SIGTERM");
    await neo4j?.stop();
  });

  it("answers 503 saying it is reconnecting, then serves the same answers once Neo4j is back, without a restart", async (ctx) => {
    if (skip) return ctx.skip(skip);
    const before = await getJson(`${url}/api/rings`);
    expect(before.status).toBe(200);
    expect(before.body.rings.length).toBeGreaterThan(0);
    const port = Number(new URL(neo4j!.uri.replace("bolt:", "http:")).port);

    process.kill(neo4j!.pid, "SIGKILL");
    await neo4j!.exited;
    // Until the supervisor notices, a request may still fail as a plain store error; poll until
    // the reconnecting answer shows, however long that takes (the test timeout bounds it).
    // Each poll asks for another page size, so the answer cannot come from the read cache.
    let limit = 7;
    let down = await getJson(`${url}/api/rings?limit=${limit}`);
    while (!(down.status === 503 && /reconnecting/.test(down.body?.error?.message ?? ""))) {
      expect([500, 502, 503]).toContain(down.status);
      await pause();
      down = await getJson(`${url}/api/rings?limit=${++limit}`);
    }
    expect(down.body.error.message).toMatch(/ringlens is reconnecting \(attempt \d+\)/);
    expect((await getJson(`${url}/api/openapi.json`)).status).toBe(200);

    neo4j = await startLocalNeo4j({ port, dataDir: path.join(dir, "neo4j"), password: "kill-test-password", heapMb: 512 });
    let after = await getJson(`${url}/api/rings`);
    while (after.status !== 200) {
      expect(after.status).toBe(503);
      await pause();
      after = await getJson(`${url}/api/rings`);
    }
    expect(after.body).toEqual(before.body);
    expect(serve!.exitCode).toBeNull();
  }, 600_000);
});

/** A breath between polls, so they do not hog the two cores; nothing is asserted after it. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 100));

function neo4jSettings(target: Target) {
  return { uri: target.uri, user: target.user, password: target.password, ...(target.database ? { database: target.database } : {}) };
}
