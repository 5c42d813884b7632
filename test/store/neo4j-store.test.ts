/**
 * The Neo4j adapter where no server is needed: an address where nothing listens, `ringlens
 * health` against it, and NEO4J_* read from a .env file. What a real server answers is checked
 * by the store contract suite (test/contract) whenever NEO4J_URI is set.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { openNeo4jStore } from "../../server/store/neo4j-store.ts";
import { runHealth } from "../../server/cli/health-command.ts";
import { loadConfig } from "../../server/config.ts";
import { childEnv } from "../helpers/child-env.ts";
import { freePort, freePorts } from "../helpers/free-port.ts";

describe("opening the Neo4j store", () => {
  it("says to check NEO4J_URI when nothing listens there", async () => {
    await expect(openNeo4jStore({ uri: `bolt://127.0.0.1:${await freePort()}`, user: "neo4j", password: "pw" })).rejects.toMatchObject({
      kind: "unavailable",
      message: expect.stringContaining("NEO4J_URI"),
    });
  });
});

describe("ringlens health on Neo4j", () => {
  const capture = () => {
    let text = "";
    const out = new Writable({
      write(chunk, _enc, done) {
        text += String(chunk);
        done();
      },
    });
    return { out, text: () => text };
  };

  it("names NEO4J_URI with exit 1 when the server is unreachable", async () => {
    const c = capture();
    const port = await freePort();
    expect(await runHealth(loadConfig({ NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: "pw" }), c.out)).toBe(1);
    expect(c.text()).toMatch(new RegExp(`^store: neo4j at bolt://127\\.0\\.0\\.1:${port}: .*cannot reach.*ECONNREFUSED.*NEO4J_URI`));
  });

  it("reads NEO4J_URI from a .env file in the working folder, and the real environment wins", async () => {
    const [fromFilePort, realPort] = await freePorts(2);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringlens-env-"));
    try {
      fs.writeFileSync(path.join(dir, ".env"), `NEO4J_URI=bolt://127.0.0.1:${fromFilePort}\nNEO4J_PASSWORD=from-file\n`);
      const bin = path.resolve(import.meta.dirname, "../../bin/ringlens.mjs");
      // spawnSync blocks the test timeout: each run has its own, both within the test's.
      const fromFile = spawnSync(process.execPath, [bin, "health"], { cwd: dir, env: childEnv(), encoding: "utf8", timeout: 25_000 });
      expect(fromFile.status).toBe(1);
      expect(fromFile.stdout).toContain(`store: neo4j at bolt://127.0.0.1:${fromFilePort}:`);
      const overridden = spawnSync(process.execPath, [bin, "health"], {
        cwd: dir,
        env: childEnv({ NEO4J_URI: `bolt://127.0.0.1:${realPort}` }),
        encoding: "utf8",
        timeout: 25_000,
      });
      expect(overridden.stdout).toContain(`store: neo4j at bolt://127.0.0.1:${realPort}:`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
