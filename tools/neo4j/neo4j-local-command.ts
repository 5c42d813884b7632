/**
 * `npm run neo4j:local -- [--port 7687] [--data DIR]`: a disposable local Neo4j for trying
 * ringlens on Neo4j and for the tests. Prints exactly one line on stdout, NEO4J_URI=…, once Bolt
 * answers (progress goes to stderr), stays in the foreground, and shuts Neo4j down cleanly on
 * SIGTERM or Ctrl+C.
 */
import { Command, InvalidArgumentError } from "commander";
import { DEFAULT_PASSWORD, DEFAULT_PORT, LocalNeo4jError, startLocalNeo4j } from "./local-neo4j.ts";

const int = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
  return n;
};

const program = new Command("neo4j:local")
  .description(
    `start a disposable local Neo4j 5.26 community server (OpenGDS and APOC core) on 127.0.0.1; user neo4j, password NEO4J_PASSWORD (default "${DEFAULT_PASSWORD}")`,
  )
  .option("--port <n>", "Bolt port (0: any free port)", int(0, 65535), DEFAULT_PORT)
  .option("--data <dir>", "keep the database in this folder (default: a temp folder removed on exit)")
  .option("--heap-mb <n>", "JVM heap in MB", int(256, 65536), 1024)
  .option("--page-cache-mb <n>", "Neo4j page cache in MB", int(16, 65536), 128)
  .showHelpAfterError();

const flags = program.parse(process.argv).opts<{ port: number; data?: string; heapMb: number; pageCacheMb: number }>();
const started = performance.now();
try {
  const neo4j = await startLocalNeo4j({
    port: flags.port,
    ...(flags.data ? { dataDir: flags.data } : {}),
    password: process.env.NEO4J_PASSWORD || DEFAULT_PASSWORD,
    heapMb: flags.heapMb,
    pageCacheMb: flags.pageCacheMb,
    onProgress: (line) => process.stderr.write(`neo4j:local: ${line}\n`),
  });
  process.stdout.write(`NEO4J_URI=${neo4j.uri}\n`);
  process.stderr.write(
    `neo4j:local: ready in ${((performance.now() - started) / 1000).toFixed(1)} s (pid ${neo4j.pid}); Ctrl+C stops it\n`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    process.stderr.write("neo4j:local: shutting Neo4j down\n");
    void neo4j.stop();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const code = await neo4j.exited;
  if (!stopping) process.stderr.write(`neo4j:local: Neo4j exited by itself (code ${code})\n`);
  process.exitCode = stopping ? 0 : 1;
} catch (error) {
  process.stderr.write(`neo4j:local: ${error instanceof LocalNeo4jError ? error.message : (error as Error).stack}\n`);
  process.exitCode = 1;
}
