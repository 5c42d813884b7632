/**
 * Makes sure the viewer is built before a browser test opens it: `npm test` builds it first;
 * a lone `vitest run test/e2e` builds it here when dist/client is missing (a stale build
 * is the caller's business: run `npm run build:client`).
 */
import fs from "node:fs";
import path from "node:path";

export const CLIENT_DIST = path.resolve(import.meta.dirname, "../../dist/client");

export async function ensureClientBuilt(): Promise<void> {
  if (fs.existsSync(path.join(CLIENT_DIST, "index.html"))) return;
  const { build } = await import("vite");
  await build({ configFile: path.resolve(import.meta.dirname, "../../client/vite.config.ts"), logLevel: "warn" });
}
