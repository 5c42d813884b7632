/** `ringlens health`: which store is in use, whether it answers, and what it holds. */
import type { Config } from "../config.ts";
import { createStore } from "../store/create-store.ts";
import { messageOf } from "../errors.ts";
import type { GraphStore } from "../store/graph-store.ts";

/** Whether `analyze --in-store` can run here, and if not why (and what to install). */
async function inStoreLine(store: GraphStore): Promise<string> {
  try {
    return `in-store analysis: available (${(await store.inStoreGraph()).library})`;
  } catch (error) {
    return `in-store analysis: not available: ${messageOf(error)}`;
  }
}

export async function runHealth(config: Config, out: NodeJS.WritableStream): Promise<number> {
  try {
    const store = await createStore(config, { command: "health", readOnly: true });
    try {
      const ok = await store.ping();
      const counts = ok ? await store.counts() : {};
      out.write(
        `store: ${store.info.engine} (${store.info.engineVersion}) at ${store.info.location}: ${ok ? "answers" : "does not answer"}\n`,
      );
      if (ok) {
        out.write(
          `${Object.entries(counts)
            .map(([k, v]) => `${k}=${v}`)
            .join(" ")}\n`,
        );
        out.write(`${await inStoreLine(store)}\n`);
      }
      return ok ? 0 : 1;
    } finally {
      await store.close();
    }
  } catch (error) {
    out.write(
      `store: ${config.store} at ${config.store === "neo4j" ? (config.neo4j.uri ?? "(NEO4J_URI is not set)") : config.db}: ${messageOf(error)}\n`,
    );
    return 1;
  }
}
