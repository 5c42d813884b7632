/**
 * The bench's only door to the embedded engine (kuzu), for the ceilings ringlens is measured
 * against: the engine's own bulk statements with no ringlens code around them. Statements go
 * through ringlens' EmbeddedConnection so results are always closed and errors mapped.
 * Nothing else under bench/ imports kuzu.
 */
import path from "node:path";
import kuzu, { Database } from "kuzu";
import { loadConfig } from "../../server/config.ts";
import { EmbeddedConnection, type Exec } from "../../server/store/embedded-connection.ts";
import { openEmbeddedStore } from "../../server/store/embedded-store.ts";

export interface BenchEngine {
  /** Runs one statement; resolves with its rows. */
  exec: Exec;
  close(): Promise<void>;
}

/**
 * Opens the store folder written by ringlens (or a new one with ringlens' schema) directly on
 * the engine, with the same database settings as the embedded store (its buffer pool from the
 * same configuration, RINGLENS_DB_MEMORY_MB).
 *
 * @example const engine = await openBenchEngine("/tmp/db"); await engine.exec("RETURN 1"); await engine.close();
 */
export async function openBenchEngine(folder: string, options: { withSchema?: boolean } = {}): Promise<BenchEngine> {
  const memoryMb = loadConfig(process.env).dbMemoryMb;
  if (options.withSchema) {
    const store = await openEmbeddedStore({ folder, command: "bench", memoryMb });
    await store.ensureSchema();
    await store.close();
  }
  const db = new Database(path.join(path.resolve(folder), "graph.kuzu"), memoryMb * 1024 * 1024, true, false);
  await db.init();
  const connection = new EmbeddedConnection(db);
  return {
    exec: (statement, params, timeoutMs) => connection.run(statement, params, timeoutMs),
    async close() {
      await connection.close();
      await db.close();
    },
  };
}

/** The engine's name and version, for the record. */
export function engineVersion(): string {
  return `kuzu ${kuzu.VERSION}`;
}
