/**
 * Opens the store the configuration asks for. The single place that picks an adapter, so a
 * switch of embedded engine or the Neo4j adapter is one file away.
 */
import type { Config } from "../config.ts";
import { RinglensError } from "../errors.ts";
import type { GraphStore } from "./graph-store.ts";
import { openEmbeddedStore } from "./embedded-store.ts";

export interface OpenOptions {
  readOnly?: boolean;
  /** What this process is (for the writer record): `load`, `serve`, … */
  command: string;
}

export async function createStore(config: Config, options: OpenOptions): Promise<GraphStore> {
  if (config.store === "neo4j") {
    throw new RinglensError("unavailable", "store: the Neo4j adapter is not available in this version; unset NEO4J_URI or use --store embedded");
  }
  const store = await openEmbeddedStore({ folder: config.db, readOnly: options.readOnly, command: options.command, memoryMb: config.dbMemoryMb });
  if (!options.readOnly) await store.ensureSchema();
  return store;
}
