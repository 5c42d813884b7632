/**
 * `ringlens serve`: the API and the viewer. The serving process is the store's writer, so
 * imports and analyses go through its API while it runs; it says where it listens and stops
 * cleanly on SIGINT/SIGTERM.
 */
import type { Config } from "../config.ts";
import { createLogger } from "../create-logger.ts";
import { startServer } from "../main.ts";
import { createStore } from "../store/create-store.ts";
import type { GraphStore } from "../store/graph-store.ts";
import { updateWriter } from "../store/writer-lock.ts";

export async function runServe(config: Config, out: NodeJS.WritableStream, openStore?: GraphStore): Promise<number> {
  const logger = createLogger(config);
  const store = openStore ?? await createStore(config, { command: "serve" });
  const server = await startServer(store, config, logger).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  if (store.info.engine === "embedded") updateWriter(store.info.location, { url: server.url });
  const counts = await store.counts();
  out.write(`ringlens is serving ${counts.Ring ?? 0} rings from ${store.info.engine} store ${store.info.location}\n`);
  out.write(`  viewer:   ${server.url}/\n  API docs: ${server.url}/api/docs\n(stop with Ctrl+C)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  out.write("ringlens: stopping…\n");
  await server.close();
  await store.close();
  return 0;
}
