/**
 * Collects every Cypher text ringlens can send to Neo4j, each with the parameters it declares:
 * the adapter's own statements, and every file under cypher/reads/, cypher/queries/, cypher/investigation/ (and
 * cypher/store/ once there is one), found by listing the folders. A file with slots is
 * collected once per way it can be filled: every value of its slots' domains, or, for reads
 * whose slots go together (the export's pages, the ring graph's), the fillings the code makes.
 */
import fs from "node:fs";
import path from "node:path";
import { neo4jStatements, type StatementText } from "../../server/store/neo4j-statements.ts";
import { CYPHER_ROOT, listCypherFiles, readCypherText, withSlots, type CypherText } from "../../server/cypher/cypher-files.ts";
import { SLOT_DOMAINS } from "../../server/cypher/slot-domains.ts";
import { exportReadStatements } from "../../server/cli/export-graph-command.ts";
import { ringGraphReads } from "../../server/read-model/graph-reads.ts";

export interface CollectedText extends StatementText {
  /** Where it comes from: the adapter's code, or a folder under cypher/. */
  source: "adapter" | "reads" | "queries" | "store" | "investigation";
}

/** The folders under cypher/ whose files a store runs (schema/ is DDL, checked with the adapter's statements). */
export const CYPHER_FOLDERS = ["reads", "queries", "store", "investigation"] as const;

/**
 * Files whose slots are filled together (a table and its column list), not independently: the
 * fillings the code makes are the ones collected.
 */
const FILLED_TOGETHER: Record<string, () => CypherText[]> = {
  "reads/export-node-page": () => exportReadStatements().map((r) => r.text),
  "reads/export-rel-page": () => exportReadStatements().map((r) => r.text),
  ...Object.fromEntries(
    ["members", "identifiers", "refunds", "contacts", "contact-parties"].map((part) => [
      `reads/ring-graph-${part}`,
      () => ringGraphReads().map((r) => r.text),
    ]),
  ),
};

/** Every file of the listed folders, loaded as a store would. */
export function listedTexts(): CypherText[] {
  return CYPHER_FOLDERS.filter((f) => fs.existsSync(path.join(CYPHER_ROOT, f))).flatMap((folder) =>
    listCypherFiles(folder).map((file) => readCypherText(folder, file)),
  );
}

/** `text` filled with every combination of its slots' values (itself when it has none). */
export function everyFilling(text: CypherText): CypherText[] {
  let fillings: Record<string, string>[] = [{}];
  for (const [slot, domain] of Object.entries(text.slots)) {
    fillings = fillings.flatMap((f) => SLOT_DOMAINS[domain]().map((value) => ({ ...f, [slot]: value })));
  }
  return Object.keys(text.slots).length === 0 ? [text] : fillings.map((f) => withSlots(text, f));
}

function filled(text: CypherText): CypherText[] {
  const together = FILLED_TOGETHER[text.name];
  if (!together) return everyFilling(text);
  return together().filter((t) => t.name.startsWith(`${text.name}[`));
}

/** Every Cypher text that can reach Neo4j, with its parameters (and row fields for UNWIND $rows). */
export function collectCypher(): CollectedText[] {
  const adapter = neo4jStatements().map((s): CollectedText => ({ ...s, source: "adapter" }));
  // cypher/store/kuzu-*.cypher are the embedded engine's own statements (node offsets by ID(),
  // COPY … TO): they never reach Neo4j, and the embedded store's tests run them.
  const files = listedTexts()
    .filter((t) => !t.name.startsWith("store/kuzu-"))
    .flatMap(filled)
    .map(
      (t): CollectedText => ({
        name: t.name,
        text: t.neo4j,
        params: t.params,
        source: t.name.slice(0, t.name.indexOf("/")) as CollectedText["source"],
      }),
    );
  return [...adapter, ...files];
}
