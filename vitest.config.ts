import { defineConfig } from "vitest/config";

/** Test files that need a real Neo4j server (test/setup/neo4j.global.ts starts one). */
const NEO4J_FILES = ["test/contract/neo4j.test.ts", "test/neo4j/**/*.test.ts"];

// Tests talk to the real embedded engine; kuzu holds a file lock per store folder,
// so each test file makes its own temp folder and files run in forks.
export default defineConfig({
  test: {
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
    projects: [
      { extends: true, test: { name: "main", include: ["test/**/*.test.ts"], exclude: NEO4J_FILES } },
      {
        extends: true,
        test: {
          name: "neo4j",
          include: NEO4J_FILES,
          // Neo4j community has one database, which each file wipes: one file at a time, after
          // the main project, so the server does not compete with the rest of the suite.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          globalSetup: ["test/setup/neo4j.global.ts"],
          // The first start may download Neo4j from Maven Central.
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
