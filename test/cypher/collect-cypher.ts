/**
 * Collects every Cypher text ringlens can send to Neo4j, each with the parameters it is sent
 * with: the adapter's own statements, every saved query's Neo4j text, and what the read model
 * and CLI send through `store.query` — the latter captured by calling the real functions on a
 * recording store, for every node type, depth, sort and filter combination they accept.
 */
import type { GraphStore, QueryOptions, QueryRows } from "../../server/store/graph-store.ts";
import { neo4jStatements, type StatementText } from "../../server/store/neo4j-statements.ts";
import { loadCatalogue } from "../../server/queries/catalogue.ts";
import { listRings, getRing, RING_SORTS, type RingFilter, type RingSort } from "../../server/read-model/ring-reads.ts";
import { getNode, neighbours, ringGraph, NODE_TYPES } from "../../server/read-model/graph-reads.ts";
import { search } from "../../server/read-model/search.ts";
import { readInsiders, readMemberships } from "../../server/cli/export-rings-command.ts";

export interface CollectedText extends StatementText {
  /** Where it comes from: adapter, saved query, read model / CLI. */
  source: "adapter" | "saved query" | "read model" | "cli";
}

/** Modules whose `store.query` calls the recording below exercises; the parser test checks no other module calls it. */
export const QUERY_CALLERS = [
  "server/read-model/graph-reads.ts", "server/read-model/ring-reads.ts", "server/read-model/search.ts",
  "server/cli/export-rings-command.ts", "server/api/routes/queries.ts", "server/cli/export-graph-command.ts",
  "server/read-model/shared-identifiers.ts",
];

/** A store that records each query and answers one generic row, enough for the read model to go on. */
class RecordingStore implements GraphStore {
  readonly info = { engine: "neo4j" as const, engineVersion: "recording", location: "memory" };
  readonly seen = new Map<string, Set<string>>();

  async query(cypher: string, params: Record<string, unknown>, _options: QueryOptions): Promise<QueryRows> {
    const names = this.seen.get(cypher) ?? new Set<string>();
    for (const k of Object.keys(params)) names.add(k);
    this.seen.set(cypher, names);
    const node = (label: string) => ({ _type: "node", label, id: "x", properties: { id: "x" } });
    // One node of every type, so code that looks for employees, addresses or devices in a result runs its follow-up queries.
    return { columns: [], rows: [{ n: node("Account"), all: NODE_TYPES.map(node), hubs: "[]", reasons: "[]", id: "x", total: 0 }] };
  }

  /** An analysis summary with a hub threshold, so hub marking runs its queries (a whole record: readMeta checks it). */
  async getMeta(key: string): Promise<string | null> {
    return key === "lastAnalysis" ? JSON.stringify({ at: "2024-07-01T00:00:00.000Z", rings: 1, flagged: 1, high: 0, hubs: 1, hubThreshold: 10, phases: [] }) : null;
  }

  ensureSchema = unused;
  upsert = unused;
  readAnalysisInput = unused;
  writeAnalysis = unused;
  counts = unused;
  setMeta = unused;
  ping = unused;
  close = unused;
}

async function unused(): Promise<never> {
  throw new Error("recording store: only query() is recorded");
}

/** Every subset of the ring list's filters, with each sort key. */
function ringFilters(): RingFilter[] {
  const out: RingFilter[] = [];
  for (let mask = 0; mask < 16; mask++) {
    for (const sort of Object.keys(RING_SORTS) as RingSort[]) {
      out.push({
        sort, limit: 10, offset: 0,
        ...(mask & 1 ? { level: "high" as const } : {}),
        ...(mask & 2 ? { minScore: 50 } : {}),
        ...(mask & 4 ? { minSize: 3 } : {}),
        ...(mask & 8 ? { country: "us" } : {}),
      });
    }
  }
  return out;
}

async function readModelTexts(): Promise<CollectedText[]> {
  const store = new RecordingStore();
  for (const filter of ringFilters()) await listRings(store, filter, 1000);
  await getRing(store, "R-1", 1000);
  await ringGraph(store, "R-1", 100, 1000);
  for (const type of NODE_TYPES) {
    await getNode(store, type, "x", 1000);
    for (const depth of [1, 2] as const) await neighbours(store, type, "x", depth, 100, 1000);
  }
  await search(store, "ra0", 20, 1000);
  const readModel = new Map(store.seen);
  store.seen.clear();
  await readMemberships(store, "medium");
  await readInsiders(store);
  const texts = (seen: Map<string, Set<string>>, source: CollectedText["source"]) =>
    [...seen].map(([text, params], i): CollectedText => ({ name: `${source} #${i + 1}: ${text.slice(0, 60).replace(/\s+/g, " ")}…`, text, params: [...params], source }));
  return [...texts(readModel, "read model"), ...texts(store.seen, "cli")];
}

/** Every Cypher text that can reach Neo4j, with its parameters (and row fields for UNWIND $rows). */
export async function collectCypher(): Promise<CollectedText[]> {
  const adapter = neo4jStatements().map((s): CollectedText => ({ ...s, source: "adapter" }));
  const saved = [...loadCatalogue().values()].map((q): CollectedText => ({ name: `saved query ${q.name}`, text: q.neo4j, params: q.params.map((p) => p.name), source: "saved query" }));
  return [...adapter, ...saved, ...await readModelTexts()];
}
