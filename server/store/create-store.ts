/**
 * Opens the store the configuration asks for. The single place that picks an adapter, so a
 * switch of embedded engine or the Neo4j adapter is one file away. Both adapters are checked
 * on open: the embedded folder is locked, the Neo4j server answers with these credentials.
 */
import type { Config } from "../config.ts";
import { RinglensError } from "../errors.ts";
import type { GraphStore } from "./graph-store.ts";
import { openEmbeddedStore } from "./embedded-store.ts";
import { openNeo4jStore } from "./neo4j-store.ts";

export interface OpenOptions {
  readOnly?: boolean;
  /** Open only an embedded store that exists (for reopening after a fault). */
  mustExist?: boolean;
  /** What this process is (for the writer record): `load`, `serve`, … */
  command: string;
}

export async function createStore(config: Config, options: OpenOptions): Promise<GraphStore> {
  const store =
    config.store === "neo4j"
      ? await openNeo4j(config, options)
      : await openEmbeddedStore({
          folder: config.db,
          readOnly: options.readOnly,
          mustExist: options.mustExist,
          command: options.command,
          memoryMb: config.dbMemoryMb,
        });
  if (!options.readOnly) {
    try {
      await store.ensureSchema();
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

function openNeo4j(config: Config, options: OpenOptions): Promise<GraphStore> {
  const { uri, user, password, database } = config.neo4j;
  if (!uri)
    throw new RinglensError(
      "invalid-input",
      "store: --store neo4j needs NEO4J_URI (e.g. bolt://localhost:7687), with NEO4J_USER and NEO4J_PASSWORD",
    );
  return openNeo4jStore({ uri, user, password, database, readOnly: options.readOnly });
}
