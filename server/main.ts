/**
 * Composition root of the server: config → store → catalogue → jobs → app → listen. Passes
 * collaborators by argument; `startServer` returns the URL and a close() that stops taking
 * requests, waits for a running job and closes the store.
 */
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import { messageOf } from "./errors.ts";
import { createApp } from "./api/create-app.ts";
import type { WriteTasks } from "./api/app-context.ts";
import { loadCatalogue } from "./queries/catalogue.ts";
import { JobRunner } from "./tasks/job-runner.ts";
import type { GraphStore } from "./store/graph-store.ts";
import { APP_VERSION } from "./version.ts";
import { defaultRejectFile, runImport } from "./tasks/run-import.ts";
import { runAnalysis } from "./tasks/run-analysis.ts";
import { loadCypherFolder } from "./cypher/cypher-files.ts";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function writeTasks(store: GraphStore, config: Config): WriteTasks {
  return {
    importFolder: (folder) => (progress) =>
      runImport({
        folder,
        store,
        rejectFile: defaultRejectFile(config),
        onProgress: (p) => progress(`${p.kind}: ${p.read} rows (${p.rowsPerSecond} rows/s)`),
      }),
    // The job reports the summary, not every ring: a large store has hundreds of thousands.
    analyze:
      (options = {}, run = {}) =>
      async (progress) => {
        const hooks = { alertWebhook: config.alertWebhook, queryTimeoutMs: config.queryTimeoutMs, inStore: run.inStore === true };
        const { summary, investigation } = await runAnalysis(store, options, (phase) => progress(phase), hooks);
        return {
          summary,
          alerts: investigation.alerts.length,
          casesMoved: investigation.casesMoved,
          webhook: investigation.webhook ?? null,
        };
      },
  };
}

/**
 * A store loaded before it kept a prefix index, or whose index went with a crash, gets one in
 * the background; search scans until it is there.
 */
function buildMissingIndex(store: GraphStore, logger: Logger): void {
  void (async () => {
    if ((await store.prefixIndex()) !== null) return;
    const built = await store.buildPrefixIndex();
    if (built) logger.info({ event: "search-index", bytes: built.bytes, ms: built.ms }, `search index built in ${built.ms} ms`);
  })().catch((error: unknown) =>
    logger.warn({ event: "search-index-failed" }, `search index not built (search scans): ${messageOf(error)}`),
  );
}

export async function startServer(store: GraphStore, config: Config, logger: Logger): Promise<RunningServer> {
  const catalogue = loadCatalogue();
  loadCypherFolder("reads");
  const jobs = new JobRunner();
  const app = createApp({ store, config, catalogue, jobs, tasks: writeTasks(store, config), version: APP_VERSION, logger });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  buildMissingIndex(store, logger);
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await jobs.idle();
    },
  };
}
