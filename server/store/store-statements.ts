/**
 * The statements both adapters send for the store's own upkeep: ping and the Meta facts from
 * cypher/store/, and the counts per node label and relationship type, generated from the graph
 * description (a label is spliced in, so these cannot be files). Pure; no driver or engine.
 */
import { cypher, type CypherText } from "../cypher/cypher-files.ts";
import { NODE_LABELS, REL_TYPES } from "../schema/graph-specs.ts";

export const STORE_TEXTS: Readonly<Record<"ping" | "getMeta" | "setMeta", CypherText>> = {
  ping: cypher("store/ping"),
  getMeta: cypher("store/get-meta"),
  setMeta: cypher("store/set-meta"),
};

/** One count statement per counted node label and per relationship type, each returning `c`. */
export function countStatements(): { name: string; text: string }[] {
  return [
    ...NODE_LABELS.map((label) => ({ name: label as string, text: `MATCH (n:${label}) RETURN count(n) AS c` })),
    ...REL_TYPES.map((type) => ({ name: type as string, text: `MATCH ()-[r:${type}]->() RETURN count(r) AS c` })),
  ];
}
