/**
 * The store the bench measures ringlens on (`--store`). Embedded: a fresh folder per load,
 * named to ringlens with `--db`. Neo4j: the database NEO4J_URI names (with NEO4J_USER,
 * NEO4J_PASSWORD, NEO4J_DATABASE), else a disposable local Neo4j (tools/neo4j) started for the
 * run on a free port and stopped at the end; ringlens children get RINGLENS_STORE=neo4j and
 * the connection settings, and the database is wiped before each load (Neo4j community has
 * one database, so every section shares it). For a Neo4j the bench started, the JVM's peak
 * RSS per step is read from /proc (VmHWM, reset before the step through clear_refs).
 * The bench's only import of neo4j-driver (for the wipe and the server's version); ringlens
 * itself reaches Neo4j through its own CLI and adapter.
 */
import fs from "node:fs";
import neo4j from "neo4j-driver";
import { startLocalNeo4j, type LocalNeo4j } from "../tools/neo4j/local-neo4j.ts";
import { wipeDatabase } from "../tools/neo4j/wipe-database.ts";
import type { BenchOptions } from "./bench-options.ts";

export interface Neo4jFacts {
  /** Server agent, e.g. `Neo4j/5.26.19`. */
  version: string;
  /** `local`: started by the bench; `NEO4J_URI`: the server the environment names (wiped). */
  source: "local" | "NEO4J_URI";
  uri: string;
  /** Only for a local Neo4j: the JVM's heap and page cache, in MB. */
  heapMb: number | null;
  pageCacheMb: number | null;
}

export interface StoreTarget {
  kind: "embedded" | "neo4j";
  /** The `ringlens` argv for `command` on the store kept in `folder` (embedded; ignored on Neo4j). */
  args(folder: string, command: string[]): string[];
  /** What a ringlens child needs in its environment to reach the store. */
  env: Record<string, string>;
  /** Empties the store before a load: Neo4j's every node; nothing on embedded, whose folders are fresh. */
  wipe(): Promise<void>;
  /** The store's own process (Neo4j's JVM when the bench started it): peak RSS since the last reset. */
  serverRss: { reset(): void; peakMb(): number } | null;
  neo4j: Neo4jFacts | null;
  stop(): Promise<void>;
}

/** The embedded store, or a Neo4j (NEO4J_URI's, else started now). */
export async function openStoreTarget(options: BenchOptions, say: (line: string) => void): Promise<StoreTarget> {
  if (options.store === "embedded") {
    return {
      kind: "embedded",
      env: {},
      serverRss: null,
      neo4j: null,
      args: (folder, command) => ["--db", folder, ...command],
      wipe: async () => undefined,
      stop: async () => undefined,
    };
  }
  let local: LocalNeo4j | undefined;
  let connection: { uri: string; user: string; password: string; database?: string };
  if (process.env.NEO4J_URI) {
    connection = {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? "neo4j",
      password: process.env.NEO4J_PASSWORD ?? "",
      database: process.env.NEO4J_DATABASE || undefined,
    };
    say(
      options.loadedStore === "neo4j"
        ? `store: Neo4j at ${safeUri(connection.uri)} from NEO4J_URI, used as it is (--loaded-store neo4j: no load, no wipe)`
        : `store: Neo4j at ${safeUri(connection.uri)} from NEO4J_URI; its database is WIPED before each load`,
    );
  } else {
    const started = performance.now();
    local = await startLocalNeo4j({
      port: 0,
      heapMb: options.neo4jHeapMb,
      pageCacheMb: options.neo4jPageCacheMb,
      onProgress: (line) => say(`neo4j: ${line}`),
    });
    connection = { uri: local.uri, user: "neo4j", password: local.password };
    say(
      `store: a local Neo4j answers at ${local.uri} (heap ${options.neo4jHeapMb} MB, page cache ${options.neo4jPageCacheMb} MB; started in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), { userAgent: "ringlens-bench" });
  const stop = async () => {
    await driver.close().catch(() => undefined);
    await local?.stop();
  };
  try {
    const info = await driver.getServerInfo({ database: connection.database });
    const pid = local?.pid;
    return {
      kind: "neo4j",
      env: {
        RINGLENS_STORE: "neo4j",
        NEO4J_URI: connection.uri,
        NEO4J_USER: connection.user,
        NEO4J_PASSWORD: connection.password,
        ...(connection.database ? { NEO4J_DATABASE: connection.database } : {}),
      },
      // `--store neo4j` on the command line too: a `--db` would mean the embedded store.
      args: (_folder, command) => ["--store", "neo4j", ...command],
      wipe: () => wipeDatabase(driver, connection.database),
      serverRss: pid === undefined ? null : jvmRss(pid),
      neo4j: {
        version: info.agent ?? "Neo4j",
        source: local ? "local" : "NEO4J_URI",
        uri: safeUri(connection.uri),
        heapMb: local ? options.neo4jHeapMb : null,
        pageCacheMb: local ? options.neo4jPageCacheMb : null,
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Peak RSS of a process we own, from /proc: VmHWM, reset to the current RSS by clear_refs 5. */
function jvmRss(pid: number): { reset(): void; peakMb(): number } {
  return {
    reset() {
      try {
        fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
      } catch {
        // Not Linux, or not allowed: the peak then covers the JVM's whole life so far.
      }
    },
    peakMb() {
      try {
        const kb = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
        return kb === undefined ? Number.NaN : Math.round(Number(kb) / 1024);
      } catch {
        return Number.NaN;
      }
    },
  };
}

const safeUri = (uri: string) => uri.replace(/\/\/[^@/]*@/, "//");
