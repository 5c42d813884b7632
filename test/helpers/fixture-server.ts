/**
 * A real server on an ephemeral port over a real store (embedded in a temp folder, or the Neo4j
 * server config names) loaded from a fixture folder and analysed: what the API and viewer tests
 * talk to over HTTP.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { pino, type Logger } from "pino";
import { createApp } from "../../server/api/create-app.ts";
import { loadCatalogue, type Catalogue } from "../../server/queries/catalogue.ts";
import { JobRunner } from "../../server/tasks/job-runner.ts";
import { loadConfig, type Config } from "../../server/config.ts";
import { createStore } from "../../server/store/create-store.ts";
import { openEmbeddedStore } from "../../server/store/embedded-store.ts";
import type { GraphStore } from "../../server/store/graph-store.ts";
import { SupervisedStore, type SupervisorEvent } from "../../server/store/supervised-store.ts";
import { importFolder, type ImportReport } from "../../server/ingest/import-folder.ts";
import { runAnalysis } from "../../server/tasks/run-analysis.ts";
import { writeTasks } from "../../server/main.ts";
import { FIXTURES } from "./temp-dir.ts";

export interface FixtureServer {
  url: string;
  /** The store the app serves from: supervised, so it reopens after a fault, as under `serve`. */
  store: SupervisedStore;
  /** What the supervisor reported (lost, retry, recovered). */
  storeEvents: SupervisorEvent[];
  config: Config;
  /** What the import loaded and rejected: a test of built data can check none of it was lost. */
  imported: ImportReport;
  /** The app's jobs: a test waits for one it started through the API. */
  jobs: JobRunner;
  close(): Promise<void>;
}

export interface FixtureOptions {
  /** The folder to load: test/fixtures/small by default, or one a test wrote. */
  fixture?: string;
  config?: Partial<Config>;
  catalogue?: Catalogue;
  /** Detection settings for the fixture (a 30-account world needs a low hub threshold). */
  hubThreshold?: number | "auto";
  /** The read cache's version check interval (createApp's default when unset). */
  cacheCheckEveryMs?: number;
  /** Where the app logs (silent by default): a test reading the logs passes its own. */
  logger?: Logger;
}

export async function startFixtureServer(options: FixtureOptions = {}): Promise<FixtureServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringlens-server-"));
  const config: Config = {
    ...loadConfig({}),
    db: path.join(dir, "db"),
    port: 0,
    importRoot: FIXTURES,
    logLevel: "silent",
    ...options.config,
  };
  // config.store "neo4j" (with config.neo4j) serves from that server instead of a temp folder.
  const open = async (mustExist = false): Promise<GraphStore> => {
    if (config.store === "neo4j") return createStore(config, { command: "test" });
    const opened = await openEmbeddedStore({ folder: config.db, command: "test", mustExist });
    await opened.ensureSchema();
    return opened;
  };
  const storeEvents: SupervisorEvent[] = [];
  const store = new SupervisedStore(await open(), () => open(true), { firstDelayMs: 100, onEvent: (e) => storeEvents.push(e) });
  const imported = await importFolder({
    folder: options.fixture ?? path.join(FIXTURES, "small"),
    store,
    rejectFile: path.join(dir, "rejects.csv"),
  });
  await runAnalysis(store, { hubThreshold: options.hubThreshold ?? 10, now: Date.UTC(2024, 6, 1) });
  const jobs = new JobRunner();
  const app = createApp({
    store,
    config,
    catalogue: options.catalogue ?? loadCatalogue(),
    jobs,
    tasks: writeTasks(store, config),
    version: "test",
    logger: options.logger ?? pino({ level: "silent" }),
    cacheCheckEveryMs: options.cacheCheckEveryMs,
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    storeEvents,
    config,
    imported,
    jobs,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await jobs.idle();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return getJson(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}

/**
 * Waits for a job started through the API to end, then returns what GET /api/jobs/:id says of
 * it. No deadline of its own: a job that never ends is the test timeout's to report.
 */
export async function waitForJob(s: FixtureServer, job: { id: string }): Promise<any> {
  await s.jobs.finished(job.id);
  return (await getJson(`${s.url}/api/jobs/${job.id}`)).body;
}
