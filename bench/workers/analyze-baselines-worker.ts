/**
 * Child process of the analyze section, on an analysed store: prints as JSON
 *   copyToMs          the engine's own `COPY (MATCH …) TO` of what ringlens' link reading
 *                     exports (the very statements readInput issues, timed alone)
 *   readMs            readInput itself in this process (cross-check of the CLI's phase)
 *   componentsMs      ringlens' findComponents (the components phase), re-timed here beside
 *   bareMs            a bare typed-array union-find over the same non-hub links
 *                     (both warmed once, then the median of REPEATS timings, alternating)
 *   graphologyBuildMs / graphologyMs   graphology-components' connectedComponents, for the record
 * With STORE `neo4j` the input is read by ringlens' Neo4j adapter (readAnalysisInput, the
 * connection from NEO4J_* in the environment) and copyToMs is null: COPY TO is the embedded
 * engine's own statement. The union-find and findComponents timings do not touch a store.
 * Usage: analyze-baselines-worker DB TMP ORDER [graphology|no-graphology] [embedded|neo4j]
 * (ORDER 0 or 1 swaps which algorithm runs first; DB is ignored on neo4j).
 */
import Graph from "graphology";
import { connectedComponents } from "graphology-components";
import { openBenchEngine } from "../engine/bench-engine.ts";
import { readInput } from "../../server/store/embedded-analysis-read.ts";
import { openNeo4jStore } from "../../server/store/neo4j-store.ts";
import { loadConfig } from "../../server/config.ts";
import type { AnalysisInput } from "../../server/domain/analysis-types.ts";
import type { Exec } from "../../server/store/embedded-connection.ts";
import { indexLinks, linkingOnly } from "../../server/domain/rings/link-index.ts";
import { selectHubs } from "../../server/domain/rings/hub-policy.ts";
import { findComponents } from "../../server/domain/rings/find-components.ts";
import { resolveDetectOptions } from "../../server/domain/rings/detect-options.ts";
import { linkingLabels, policyOf, resolveLinkPolicy } from "../../server/domain/rings/link-policy.ts";
import { LINK_KINDS, type LinkLabel } from "../../server/domain/model.ts";
import { bareUnionFind } from "../analyze/bare-union-find.ts";

const [db, tmp, order, graphologyFlag, storeKind = "embedded"] = process.argv.slice(2);
if (!db || !tmp || (storeKind !== "embedded" && storeKind !== "neo4j")) {
  process.stderr.write("usage: analyze-baselines-worker DB TMP [ORDER] [graphology|no-graphology] [embedded|neo4j]\n");
  process.exit(2);
}

let copyToMs: number | null = null;
const statements: { statement: string; ms: number }[] = [];
let input: AnalysisInput;
const readStarted = performance.now();
if (storeKind === "neo4j") {
  const { uri, user, password, database } = loadConfig(process.env).neo4j;
  if (!uri) throw new Error("analyze-baselines-worker: neo4j needs NEO4J_URI");
  const store = await openNeo4jStore({ uri, user, password, database, readOnly: true });
  input = await store.readAnalysisInput().finally(() => store.close());
} else {
  const engine = await openBenchEngine(db);
  let copyMs = 0;
  const timedExec: Exec = async (statement, params, timeoutMs) => {
    const started = performance.now();
    try {
      return await engine.exec(statement, params, timeoutMs);
    } finally {
      const ms = performance.now() - started;
      copyMs += ms;
      statements.push({ statement: statement.replace(/\s+/g, " ").slice(0, 80), ms });
    }
  };
  input = await readInput(timedExec, tmp).finally(() => engine.close());
  copyToMs = copyMs;
}
const readMs = performance.now() - readStarted;

// As detectRings prepares the components phase: links of the kinds the default policy links,
// hubs per kind.
const settings = resolveDetectOptions({});
const policy = resolveLinkPolicy(settings.linkPolicy);
const linking = new Set(linkingLabels(policy));
const hubThresholds: Partial<Record<LinkLabel, number | "auto" | null>> = {};
for (const { label } of LINK_KINDS) if (linking.has(label)) hubThresholds[label] = policyOf(policy, label).hubThreshold;
const index = indexLinks({ accounts: input.accounts, links: linkingOnly(input.links, linking) });
const hubs = selectHubs(index, settings.hubThreshold, { minimum: settings.hubMinimum, fence: settings.hubFence }, hubThresholds);

// The same links as findComponents sees them: distinct account–identifier pairs, hubs left out.
const { identStart, identAccounts } = index;
const identifiers = identStart.length - 1;
let kept = 0;
for (let i = 0; i < identifiers; i++) if (hubs.isHub[i] !== 1) kept += identStart[i + 1] - identStart[i];
const linkAccount = new Int32Array(kept);
const linkIdentifier = new Int32Array(kept);
let w = 0;
for (let i = 0; i < identifiers; i++) {
  if (hubs.isHub[i] === 1) continue;
  for (let k = identStart[i]; k < identStart[i + 1]; k++) {
    linkAccount[w] = identAccounts[k];
    linkIdentifier[w++] = i;
  }
}

const accounts = index.accountIds.length;
const timeIt = <T>(run: () => T): { ms: number; value: T } => {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
};
const runRinglens = () => findComponents(index, hubs.isHub, settings.minRingSize);
const runBare = () => bareUnionFind(accounts, identifiers, linkAccount, linkIdentifier, settings.minRingSize);
// Milliseconds of work at small scales: one cold run measures the JIT, not the algorithm.
// Both get a warm-up and the median of REPEATS runs, in alternating order.
const REPEATS = 5;
const oursMs: number[] = [];
const bareMs: number[] = [];
const ringlensGroups = runRinglens().start.length - 1;
const bareGroups = runBare();
for (let k = 0; k < REPEATS; k++) {
  const bareFirst = (k + Number(order ?? 0)) % 2 === 1;
  if (bareFirst) bareMs.push(timeIt(runBare).ms);
  oursMs.push(timeIt(runRinglens).ms);
  if (!bareFirst) bareMs.push(timeIt(runBare).ms);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

let graphologyBuildMs: number | null = null;
let graphologyMs: number | null = null;
let graphologyGroups: number | null = null;
if (graphologyFlag !== "no-graphology") {
  const built = timeIt(() => {
    const graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
    for (let a = 0; a < accounts; a++) graph.addNode(`a${a}`);
    for (let i = 0; i < identifiers; i++) if (hubs.isHub[i] !== 1) graph.addNode(`i${i}`);
    for (let l = 0; l < kept; l++) graph.addEdge(`a${linkAccount[l]}`, `i${linkIdentifier[l]}`);
    return graph;
  });
  const components = timeIt(() => connectedComponents(built.value));
  graphologyBuildMs = built.ms;
  graphologyMs = components.ms;
  graphologyGroups = components.value.filter(
    (c) => c.reduce((n, key) => n + (key.startsWith("a") ? 1 : 0), 0) >= settings.minRingSize,
  ).length;
}

process.stdout.write(
  `${JSON.stringify({
    copyToMs,
    readMs,
    statements,
    componentsMs: median(oursMs),
    bareMs: median(bareMs),
    graphologyBuildMs,
    graphologyMs,
    links: kept,
    accounts,
    identifiers,
    groups: { ringlens: ringlensGroups, bare: bareGroups, graphology: graphologyGroups },
  })}\n`,
);
