/** The JSON a bench run writes: options, machine, one object per section, notes. Types only. */
import type { LoadSection } from "../load/measure-load.ts";
import type { AnalyzeSection } from "../analyze/measure-analyze.ts";
import type { ApiSection } from "../api/measure-api.ts";
import type { ViewerSection } from "../viewer/measure-viewer.ts";
import type { MachineSnapshot } from "./machine.ts";
import type { Neo4jFacts } from "../store-target.ts";

export interface BenchResults {
  scale: string;
  /** The store ringlens ran on (--store). */
  store: "embedded" | "neo4j";
  /** With --store neo4j: its version, where it came from, the local server's heap and page cache. */
  neo4j?: Neo4jFacts;
  accounts: number;
  plantedRings: number;
  seed: number;
  demoRows: number;
  /** Runs per section as asked (each section also records its own). */
  runs: { load: number; analyze: number; api: number; viewer: number };
  startedAt: string;
  /** Wall time of the whole bench run. */
  seconds: number;
  machine: { before: MachineSnapshot; after: MachineSnapshot };
  sections: {
    load?: LoadSection;
    analyze?: AnalyzeSection;
    api?: ApiSection;
    viewer?: ViewerSection;
  };
  notes: string[];
  /** Sections that could not be measured, with the reason. */
  failures: string[];
}
