/** The JSON a bench run writes: options, machine, one object per section, notes. Types only. */
import type { LoadSection } from "../load/measure-load.ts";
import type { AnalyzeSection } from "../analyze/measure-analyze.ts";
import type { ApiSection } from "../api/measure-api.ts";
import type { ViewerSection } from "../viewer/measure-viewer.ts";
import type { MachineSnapshot } from "./machine.ts";

export interface BenchResults {
  scale: string;
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
