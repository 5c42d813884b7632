/**
 * The bench's flags, their defaults and their checks, once: commander parses, this module
 * resolves and validates into BenchOptions (usage errors name the flag and what it expects).
 */
import fs from "node:fs";
import path from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { SCALE_NAMES, SECTIONS, type ScaleName, type Section } from "./scales.ts";

export interface BenchOptions {
  scale: ScaleName;
  only: Section[];
  out: string;
  /** Runs per figure of the analyze section, and of every section when given explicitly. */
  runs: number;
  /** Runs of the slow sections: 1 unless --runs or their own flag says otherwise. */
  loadRuns: number;
  apiRuns: number;
  viewerRuns: number;
  apiSeconds: number;
  apiConnections: number;
  seed: number;
  /** Where demo data is cached between invocations. */
  cache: string;
  /** V8 heap limit for every child (NODE_OPTIONS=--max-old-space-size); Node's default when unset. */
  heapMb?: number;
  /** How sections other than load get their store: `ringlens load`, or the engine's COPY of ringlens' staged rows. */
  prepare: "load" | "copy";
  /**
   * A store already holding this scale's demo, used instead of loading it: an embedded folder, or
   * `neo4j` for NEO4J_URI's database as it is (not wiped). Analyses write into it.
   */
  loadedStore?: string;
  /** Whether the load section also times the engine alone (COPY FROM, LOAD FROM … MERGE) on ringlens' staged rows; staging them costs as long as a load. */
  ceilings: boolean;
  /** Size of the synthetic viewer neighbourhood. */
  viewerNodes: number;
  viewerEdges: number;
  /** Where ringlens keeps the graph: its embedded store, or Neo4j (NEO4J_URI's, else a local one the bench starts). */
  store: "embedded" | "neo4j";
  /** Heap and page cache of the local Neo4j the bench starts (not used with NEO4J_URI). */
  neo4jHeapMb: number;
  neo4jPageCacheMb: number;
}

type Flags = Omit<BenchOptions, "loadRuns" | "apiRuns" | "viewerRuns"> & Partial<Pick<BenchOptions, "loadRuns" | "apiRuns" | "viewerRuns">>;

export const DEFAULT_OUT = path.resolve(import.meta.dirname, "results");

const positiveInt =
  (flag: string) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${flag} expects a whole number ≥ 1, not "${value}".`);
    return n;
  };

const positiveNumber =
  (flag: string) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${flag} expects a number > 0, not "${value}".`);
    return n;
  };

function scale(value: string): ScaleName {
  const found = SCALE_NAMES.find((s) => s.toLowerCase() === value.toLowerCase());
  if (!found) throw new InvalidArgumentError(`--scale expects one of ${SCALE_NAMES.join(", ")}, not "${value}".`);
  return found;
}

function sections(value: string): Section[] {
  const asked = value
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = asked.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (asked.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(
      `--only expects a comma-separated list of ${SECTIONS.join(", ")}${unknown.length ? `; unknown: ${unknown.join(", ")}` : ""}.`,
    );
  }
  return SECTIONS.filter((s) => asked.includes(s));
}

/** The `bench` command with every flag and its help; `action` receives resolved options. */
export function benchCommand(action: (options: BenchOptions) => Promise<void>): Command {
  return new Command("npm run bench --")
    .description(
      "Measure ringlens on demo data beside the engine's own bulk paths and bare algorithms; " +
        "prints a markdown table and writes the figures as JSON.",
    )
    .addOption(new Option("--scale <S|M|L|XL|XS>", "demo size: XS 2k, S 20k, M 200k, L 1M, XL 5M accounts").default("S").argParser(scale))
    .addOption(
      new Option("--only <sections>", `comma-separated subset of ${SECTIONS.join(",")}`)
        .default([...SECTIONS], SECTIONS.join(","))
        .argParser(sections),
    )
    .option("--out <dir>", "folder for the JSON results", DEFAULT_OUT)
    .addOption(
      new Option("--runs <n>", "runs per figure (median, min, max); when given, for every section")
        .default(3)
        .argParser(positiveInt("--runs")),
    )
    .addOption(
      new Option("--load-runs <n>", "runs of the load section (slow part: default 1, or --runs when given)").argParser(
        positiveInt("--load-runs"),
      ),
    )
    .addOption(
      new Option("--api-runs <n>", "autocannon runs per endpoint (slow part: default 1, or --runs when given)").argParser(
        positiveInt("--api-runs"),
      ),
    )
    .addOption(
      new Option("--viewer-runs <n>", "browser runs per view (slow part: default 1, or --runs when given)").argParser(
        positiveInt("--viewer-runs"),
      ),
    )
    .addOption(new Option("--api-seconds <s>", "autocannon duration per endpoint").default(10).argParser(positiveNumber("--api-seconds")))
    .addOption(new Option("--api-connections <n>", "concurrent connections").default(50).argParser(positiveInt("--api-connections")))
    .addOption(
      new Option("--viewer-nodes <n>", "nodes of the synthetic large neighbourhood")
        .default(5_000)
        .argParser(positiveInt("--viewer-nodes")),
    )
    .addOption(
      new Option("--viewer-edges <n>", "edges of the synthetic large neighbourhood")
        .default(20_000)
        .argParser(positiveInt("--viewer-edges")),
    )
    .option(
      "--no-ceilings",
      "load section: time ringlens load and its re-import only, not the engine's own COPY FROM and LOAD FROM … MERGE on staged rows (staging them for the engine takes as long as a load)",
    )
    .addOption(new Option("--seed <n>", "demo seed").default(1).argParser(positiveInt("--seed")))
    .option("--cache <dir>", "where demo data is kept between runs", path.join(DEFAULT_OUT, "cache"))
    .addOption(
      new Option("--heap-mb <n>", "V8 heap limit of every ringlens process and worker (Node's default when unset)").argParser(
        positiveInt("--heap-mb"),
      ),
    )
    .addOption(
      new Option(
        "--store <kind>",
        "store ringlens runs on: embedded, or neo4j (the server NEO4J_URI names, whose database is wiped before each load; else a local Neo4j started for the run)",
      )
        .choices(["embedded", "neo4j"])
        .default("embedded"),
    )
    .addOption(
      new Option("--neo4j-heap-mb <n>", "JVM heap of the local Neo4j (--store neo4j without NEO4J_URI)")
        .default(2048)
        .argParser(positiveInt("--neo4j-heap-mb")),
    )
    .addOption(
      new Option("--neo4j-page-cache-mb <n>", "page cache of the local Neo4j (--store neo4j without NEO4J_URI)")
        .default(1024)
        .argParser(positiveInt("--neo4j-page-cache-mb")),
    )
    .addOption(
      new Option(
        "--prepare <how>",
        "store for analyze/api/viewer without the load section: ringlens load, or the engine's COPY of ringlens' staged rows (for scales ringlens cannot load)",
      )
        .choices(["load", "copy"])
        .default("load"),
    )
    .option(
      "--loaded-store <where>",
      "measure analyze/api/viewer on a store already holding this scale's demo, not loaded again: an embedded store's folder, or `neo4j` for NEO4J_URI's database as it is (not wiped); analyses write into it",
    )
    .action(async (flags: Flags, command: Command) => {
      if (flags.loadedStore !== undefined) {
        const problem = flags.only.includes("load")
          ? "it replaces the load: leave load out of --only"
          : flags.store === "neo4j" && flags.loadedStore !== "neo4j"
            ? "with --store neo4j it must be `neo4j` (NEO4J_URI's database)"
            : flags.store === "neo4j" && !process.env.NEO4J_URI
              ? "`neo4j` means NEO4J_URI's database, and NEO4J_URI is not set"
              : flags.store === "embedded" && !fs.existsSync(flags.loadedStore)
                ? `no embedded store at ${flags.loadedStore}`
                : flags.prepare === "copy"
                  ? "--prepare copy builds a store, --loaded-store uses one: give one of them"
                  : null;
        if (problem) command.error(`bench: --loaded-store: ${problem}`, { exitCode: 2 });
        if (flags.store === "embedded") flags.loadedStore = path.resolve(flags.loadedStore);
      }
      if (flags.store === "neo4j") {
        // The viewer's large synthetic ring needs a second store beside the demo's; Neo4j community has one database.
        if (command.getOptionValueSource("only") !== "default" && flags.only.includes("viewer")) {
          command.error(
            "bench: --only viewer is not measured on --store neo4j (its synthetic ring needs a second store beside the demo's, and Neo4j community has one database); run the viewer with --store embedded",
            { exitCode: 2 },
          );
        }
        if (flags.prepare === "copy")
          command.error(
            "bench: --prepare copy builds the store with the embedded engine's COPY FROM; it has no Neo4j counterpart, leave it out with --store neo4j",
            { exitCode: 2 },
          );
      }
      // The slow sections run once unless asked for more, so scale S stays under two minutes.
      const slow = flags.runs !== undefined && command.getOptionValueSource("runs") !== "default" ? flags.runs : 1;
      await action({
        ...flags,
        out: path.resolve(flags.out),
        cache: path.resolve(flags.cache),
        loadRuns: flags.loadRuns ?? slow,
        apiRuns: flags.apiRuns ?? slow,
        viewerRuns: flags.viewerRuns ?? slow,
      });
    });
}
