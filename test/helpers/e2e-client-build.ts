/**
 * Where the built viewer is, and a check that it is there before a browser test opens it. The
 * build itself is made once per run by the global setup (test/setup/build-client.global.ts),
 * never by a test file: two files in parallel workers would both empty dist/client.
 */
import fs from "node:fs";
import path from "node:path";

export const CLIENT_DIST = path.resolve(import.meta.dirname, "../../dist/client");

export function expectClientBuilt(): void {
  if (!fs.existsSync(path.join(CLIENT_DIST, "index.html"))) {
    throw new Error(
      `e2e: ${CLIENT_DIST}/index.html is missing; the global setup test/setup/build-client.global.ts builds it (is it registered in vitest.config.ts?), or run \`npm run build:client\``,
    );
  }
}
