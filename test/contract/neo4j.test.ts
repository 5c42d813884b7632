/**
 * The store contract on Neo4j, when NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)
 * point at a disposable database: the suite WIPES that database before each part. Without
 * NEO4J_URI it is reported as skipped, with the reason.
 */
import neo4j from "neo4j-driver";
import { describe, it } from "vitest";
import { loadConfig } from "../../server/config.ts";
import { createStore } from "../../server/store/create-store.ts";
import { storeContract } from "./store-contract.ts";

const config = loadConfig(process.env);
const { uri, user, password, database } = config.neo4j;
const SKIP_REASON = "NEO4J_URI is not set; point NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD (and NEO4J_DATABASE) at a disposable Neo4j 5 database to run it";

/** Deletes every node of the test database, in slices so a big leftover does not blow a transaction. */
async function wipe(): Promise<void> {
  const driver = neo4j.driver(uri!, password ? neo4j.auth.basic(user, password) : undefined);
  const session = driver.session({ database });
  try {
    for (;;) {
      const result = await session.executeWrite((tx) => tx.run("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted"));
      if (result.records[0]!.get("deleted").toNumber() === 0) break;
    }
  } finally {
    await session.close();
    await driver.close();
  }
}

if (!uri) {
  // The default reporter lists skipped tests only for single-file runs; this line shows in every run.
  console.warn(`neo4j store contract skipped: ${SKIP_REASON}`);
  describe("neo4j store contract", () => {
    it("runs the same contract as the embedded store", (ctx) => ctx.skip(SKIP_REASON));
  });
} else {
  storeContract("neo4j", async () => {
    await wipe();
    return createStore({ ...config, store: "neo4j" }, { command: "test" });
  });
}
