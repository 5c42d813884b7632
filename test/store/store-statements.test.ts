/**
 * Every Neo4j text under cypher/store/ is one the adapter sends and the parser test lints
 * (neo4jStatements); kuzu-only texts are the embedded adapter's.
 */
import { describe, expect, it } from "vitest";
import { cypher, listCypherFiles } from "../../server/cypher/cypher-files.ts";
import { neo4jStatements } from "../../server/store/neo4j-statements.ts";
import { everyFilling } from "../cypher/collect-cypher.ts";

describe("cypher/store", () => {
  it("holds no Neo4j text the parser test would miss", () => {
    const sent = new Set(neo4jStatements().map((s) => s.text));
    const files = listCypherFiles("store")
      .filter((f) => !f.startsWith("kuzu-"))
      .map((f) => `store/${f.replace(/\.cypher$/, "")}`);
    expect(files.length).toBeGreaterThanOrEqual(11);
    // A file with slots is sent filled: one of its fillings must be among the adapter's texts.
    for (const name of files)
      expect(
        everyFilling(cypher(name)).some((t) => sent.has(t.neo4j)),
        name,
      ).toBe(true);
  });
});
