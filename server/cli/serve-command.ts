/**
 * `ringlens serve`: the API and the viewer. The serving process is the store's writer, so
 * imports and analyses go through its API while it runs; it says where it listens and stops
 * cleanly on SIGINT/SIGTERM. A store that is not there yet is waited for with back-off
 * (RINGLENS_STORE_WAIT_S), and one that goes away while serving is reopened without a restart.
 */
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { createLogger, logFormatFor } from "../log/create-logger.ts";
import { messageOf } from "../errors.ts";
import { startServer } from "../main.ts";
import { createStore } from "../store/create-store.ts";
import type { GraphStore } from "../store/graph-store.ts";
import { describeRetry, openWithRetry } from "../store/retry.ts";
import { SupervisedStore, type SupervisorEvent } from "../store/supervised-store.ts";
import { updateWriter } from "../store/writer-lock.ts";

export async function runServe(settings: Config, out: NodeJS.WritableStream, openStore?: GraphStore): Promise<number> {
  // "auto" decided once, here, so the app knows whether a person reads its request lines.
  const config: Config = { ...settings, logFormat: logFormatFor(settings.logFormat) };
  const logger = createLogger(config);
  const open = () => createStore(config, { command: "serve" });
  const first =
    openStore ??
    (await openWithRetry(open, {
      waitMs: config.storeWaitS * 1000,
      onRetry: (event) => out.write(`ringlens: ${describeRetry(event)}\n`),
    }));
  let url = "";
  const reopen = () => createStore(config, { command: "serve", mustExist: true });
  const store = new SupervisedStore(first, reopen, { onEvent: (event) => report(event, logger, () => url) });
  const server = await startServer(store, config, logger).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  url = server.url;
  if (store.info.engine === "embedded") updateWriter(store.info.location, { url });
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

function report(event: SupervisorEvent, logger: Logger, url: () => string): void {
  switch (event.type) {
    case "lost":
      logger.error({ event: "store-lost" }, `store went away (${event.error}); reconnecting in the background, requests get 503 meanwhile`);
      return;
    case "retry":
      logger.warn(
        { event: "store-retry", attempt: event.attempt, delayMs: event.delayMs },
        `store still not available (${event.error}); next try in ${event.delayMs} ms`,
      );
      return;
    case "recovered":
      logger.info({ event: "store-recovered", attempts: event.attempts }, "store is back; serving again");
      try {
        if (event.store.info.engine === "embedded") updateWriter(event.store.info.location, { url: url() });
      } catch (error) {
        logger.warn(`could not record the server address beside the store: ${messageOf(error)}`);
      }
  }
}
