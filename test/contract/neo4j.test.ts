/**
 * The store contract on a real Neo4j 5 server: the one the test run started (tools/neo4j), or
 * the database NEO4J_URI names, which it WIPES before each part. Skipped, with the reason, only
 * where no Neo4j can be had (no Java or Maven) and CI did not require one.
 */
import { createStore } from "../../server/store/create-store.ts";
import { describeOnNeo4j, neo4jConfig, wipeNeo4j } from "../helpers/neo4j-target.ts";
import { storeContract } from "./store-contract.ts";

describeOnNeo4j("neo4j store contract", (target) => {
  storeContract(
    "neo4j",
    async () => {
      await wipeNeo4j(target);
      return createStore(neo4jConfig(target), { command: "test" });
    },
    { graphAlgorithms: true },
  );
});
