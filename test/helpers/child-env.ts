/**
 * The environment for a ringlens child process: the test runner's own without NEO4J_* and
 * RINGLENS_*, so a developer's shell (a NEO4J_URI makes ringlens choose Neo4j, a RINGLENS_DB
 * another store) does not redirect a test; what the test passes is added on top.
 *
 * @example spawn(process.execPath, [BIN, "serve"], { env: childEnv({ RINGLENS_LOG_LEVEL: "silent" }) })
 */
const RINGLENS_SETTINGS = /^(NEO4J_|RINGLENS_)/;

export function childEnv(explicit: Record<string, string> = {}, inherited: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(inherited)) {
    if (value !== undefined && !RINGLENS_SETTINGS.test(key)) env[key] = value;
  }
  return { ...env, ...explicit };
}
