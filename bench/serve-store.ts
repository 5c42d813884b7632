/**
 * `ringlens serve` on a store (the folder `store`, or the Neo4j of `target`), as a child
 * process on an ephemeral port: what the API and viewer sections talk to. Request logs go to a
 * file beside the store folder; stop() returns the server's peak RSS.
 */
import path from "node:path";
import { CLI, startLongChild } from "./child/run-child.ts";
import type { StoreTarget } from "./store-target.ts";

export interface ServedStore {
  url: string;
  /** Stops the server; resolves with its peak RSS in bytes. */
  stop(): Promise<number>;
}

export async function serveStore(target: StoreTarget, store: string): Promise<ServedStore> {
  const server = startLongChild(CLI, target.args(store, ["serve", "--port", "0", "--host", "127.0.0.1"]), {
    env: target.env,
    stderrFile: path.join(path.dirname(store), "server.log"),
  });
  try {
    const match = await server.waitFor(/viewer:\s+(http:\/\/\S+?)\/\s/, 60_000);
    return { url: match[1]!, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
