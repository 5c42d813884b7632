/**
 * The Neo4j server the `neo4j` test project talks to (test/setup/neo4j.global.ts), as tests see
 * it: connection settings, or why there is none. `describeOnNeo4j` skips, with the reason, when
 * there is none.
 */
import { describe, inject, it } from "vitest";
import { loadConfig, type Config } from "../../server/config.ts";
import { wipeDatabase } from "../../tools/neo4j/wipe-database.ts";

export type Neo4jTarget =
  | {
      uri: string;
      user: string;
      password: string;
      database: string | null /** Started by the test run (so it may be killed and restarted). */;
      local: boolean;
    }
  | { skip: string };

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: Neo4jTarget;
  }
}

export function neo4jTarget(): Neo4jTarget {
  return inject("neo4j");
}

/** The environment that points ringlens at the target (for child processes and loadConfig). */
export function neo4jEnv(target: Extract<Neo4jTarget, { uri: string }>): Record<string, string> {
  return {
    RINGLENS_STORE: "neo4j",
    NEO4J_URI: target.uri,
    NEO4J_USER: target.user,
    NEO4J_PASSWORD: target.password,
    ...(target.database ? { NEO4J_DATABASE: target.database } : {}),
  };
}

/** ringlens' configuration for the target. */
export function neo4jConfig(target: Extract<Neo4jTarget, { uri: string }>, base: Partial<Config> = {}): Config {
  return { ...loadConfig(neo4jEnv(target)), ...base };
}

/** `describe` that runs only when a Neo4j server is there, and otherwise says why it skipped. */
export function describeOnNeo4j(name: string, body: (target: Extract<Neo4jTarget, { uri: string }>) => void): void {
  const target = neo4jTarget();
  if ("skip" in target) {
    describe(name, () => {
      it("needs a Neo4j server", (ctx) => ctx.skip(target.skip));
    });
    return;
  }
  describe(name, () => body(target));
}

/**
 * Empties the target database (tools/neo4j/wipe-database.ts). Community edition has one
 * database, so each test file starts from an empty graph (the neo4j project runs its files one
 * at a time).
 */
export async function wipeNeo4j(target: Extract<Neo4jTarget, { uri: string }>): Promise<void> {
  const { default: neo4j } = await import("neo4j-driver");
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password));
  try {
    await wipeDatabase(driver, target.database);
  } finally {
    await driver.close();
  }
}
