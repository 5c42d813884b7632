/**
 * The viewer must be built for the server to serve it: builds dist/client with vite when it is
 * missing or older than a file under client/, so neither a test nor the bench meets a stale
 * viewer. Used by the tests' global setup and by the bench.
 */
import fs from "node:fs";
import path from "node:path";

const REPO = path.resolve(import.meta.dirname, "..");
const CLIENT = path.join(REPO, "client");
export const CLIENT_INDEX = path.join(REPO, "dist/client/index.html");

/** @returns when the build in use was made. */
export async function ensureClientBuilt(): Promise<Date> {
  if (!fs.existsSync(CLIENT_INDEX) || fs.statSync(CLIENT_INDEX).mtimeMs < newestUnder(CLIENT)) {
    const { build } = await import("vite");
    await build({ configFile: path.join(CLIENT, "vite.config.ts"), logLevel: "warn" });
  }
  return fs.statSync(CLIENT_INDEX).mtime;
}

function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}
