/**
 * Vitest global setup: builds the viewer into dist/client once, before any test file runs,
 * unless dist/client/index.html is newer than every file under client/. Building here, in the
 * main process, keeps two browser test files in parallel workers from both running `vite build`
 * and emptying dist/client under each other; the tests only check that the build is there
 * (test/helpers/e2e-client-build.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { CLIENT_DIST } from "../helpers/e2e-client-build.ts";

const CLIENT = path.resolve(import.meta.dirname, "../../client");
const INDEX = path.join(CLIENT_DIST, "index.html");

function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export default async function setup(): Promise<void> {
  if (fs.existsSync(INDEX) && fs.statSync(INDEX).mtimeMs > newestUnder(CLIENT)) return;
  const { build } = await import("vite");
  await build({ configFile: path.join(CLIENT, "vite.config.ts"), logLevel: "warn" });
}
