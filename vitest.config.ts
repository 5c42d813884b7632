import { defineConfig } from "vitest/config";

// Tests talk to the real embedded engine; kuzu holds a file lock per store folder,
// so each test file makes its own temp folder and files run in forks.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    // The soak test forces GC before comparing memory.
    execArgv: ["--expose-gc"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Builds the viewer once for the browser tests, before any worker starts.
    globalSetup: ["test/setup/build-client.global.ts"],
    // A safety net for expect.poll (vitest's default is 1 s); tests wait on what the page
    // announces and pass their own timeouts where they poll.
    expect: { poll: { timeout: 15_000 } },
    reporters: ["default"],
  },
});
