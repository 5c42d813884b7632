/**
 * Vitest global setup: builds the viewer into dist/client once, before any test file runs,
 * when it is missing or older than a file under client/. Building here, in the main process,
 * keeps two browser test files in parallel workers from both running `vite build` and emptying
 * dist/client under each other; the tests only check that the build is there
 * (test/helpers/e2e-client-build.ts).
 */
import { ensureClientBuilt } from "../../tools/client-build.ts";

export default async function setup(): Promise<void> {
  await ensureClientBuilt();
}
