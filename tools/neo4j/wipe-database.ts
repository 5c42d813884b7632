/**
 * Empties a Neo4j database for a disposable run (tests, the bench): deletes every node in
 * slices, so a large graph does not need one huge transaction.
 */
import type { Driver } from "neo4j-driver";

export async function wipeDatabase(driver: Driver, database?: string | null): Promise<void> {
  const session = driver.session(database ? { database } : {});
  try {
    for (;;) {
      const result = await session.executeWrite((tx) => tx.run("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted"));
      if (result.records[0]!.get("deleted").toNumber() === 0) break;
    }
  } finally {
    await session.close();
  }
}
