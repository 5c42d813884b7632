/**
 * Global setup of the `neo4j` test project: a real Neo4j 5 server for the Neo4j half of the
 * store contract and the API, CLI and fault tests on Neo4j. Uses NEO4J_URI (with NEO4J_USER,
 * NEO4J_PASSWORD, NEO4J_DATABASE) when set: that database is WIPED by the tests. Otherwise it
 * starts a disposable local server (tools/neo4j) on a free port and stops it afterwards. Without
 * Java or Maven the tests are skipped with the reason, unless RINGLENS_REQUIRE_NEO4J=1 (CI),
 * when the run fails instead.
 */
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { LocalNeo4jError, startLocalNeo4j, type LocalNeo4j } from "../../tools/neo4j/local-neo4j.ts";
import type { Neo4jTarget } from "../helpers/neo4j-target.ts";

let local: LocalNeo4j | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = process.env;
  let target: Neo4jTarget;
  if (env.NEO4J_URI) {
    target = {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER ?? "neo4j",
      password: env.NEO4J_PASSWORD ?? "",
      database: env.NEO4J_DATABASE ?? null,
      local: false,
    };
  } else {
    try {
      const started = performance.now();
      local = await startLocalNeo4j({
        port: 0,
        password: `test-${randomBytes(6).toString("hex")}`,
        heapMb: 1024,
        onProgress: (line) => console.log(`neo4j: ${line}`),
      });
      console.log(`neo4j: a local Neo4j answers at ${local.uri} (started in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
      target = { uri: local.uri, user: "neo4j", password: local.password, database: null, local: true };
    } catch (error) {
      if (!(error instanceof LocalNeo4jError)) throw error;
      if (env.RINGLENS_REQUIRE_NEO4J === "1") throw new Error(`RINGLENS_REQUIRE_NEO4J=1 but no Neo4j could be started: ${error.message}`);
      target = { skip: `no Neo4j server: ${error.message}; or point NEO4J_URI at a disposable Neo4j 5 database` };
      // The default reporter lists skipped tests only for single-file runs; this line shows in every run.
      console.warn(`neo4j tests skipped: ${target.skip}`);
    }
  }
  project.provide("neo4j", target);
  return async () => {
    await local?.stop();
  };
}
