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
    reporters: ["default"],
  },
});
