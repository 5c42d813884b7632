/**
 * The viewer must be built for the server to serve it: builds dist/client with vite when it
 * is missing or older than a file under client/, so the bench never measures a stale viewer.
 */
import fs from "node:fs";
import path from "node:path";
import { REPO } from "../child/run-child.ts";

const CLIENT = path.join(REPO, "client");
const INDEX = path.join(REPO, "dist/client/index.html");

/** @returns when the measured build was made. */
export async function ensureClientBuilt(): Promise<Date> {
  if (!fs.existsSync(INDEX) || fs.statSync(INDEX).mtimeMs < newestUnder(CLIENT)) {
    const { build } = await import("vite");
    await build({ configFile: path.join(CLIENT, "vite.config.ts"), logLevel: "warn" });
  }
  return fs.statSync(INDEX).mtime;
}

function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}
