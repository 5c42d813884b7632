/**
 * A test's own statement, the same text in both dialects: tests probe the stores with
 * statements that are not ringlens' reads (which come from cypher/ through the one loader).
 * Only tests make CypherText this way.
 */
import type { CypherText } from "../../server/cypher/cypher-files.ts";

/** @example await store.query(adHoc("MATCH (r:Ring) RETURN count(r) AS n"), {}, { timeoutMs: 5000 }) */
export function adHoc(text: string): CypherText {
  return Object.freeze({ name: "test/ad-hoc", neo4j: text, kuzu: text, params: [], slots: {} }) as unknown as CypherText;
}
