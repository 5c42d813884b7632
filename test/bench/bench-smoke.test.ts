/**
 * The bench end to end at a tiny scale (XS: 2,000 accounts, one run, one second per API
 * endpoint, no browser): it prints the markdown table with the targets and writes the JSON.
 * No timing is asserted; figures on a shared test machine mean nothing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { summarise, ratio } from "../../bench/figure.ts";
import { runNode } from "../helpers/run-cli.ts";
import { ANALYSIS_PHASES } from "../helpers/analysis-phases.ts";

const BENCH = path.resolve(import.meta.dirname, "../../bench/run-bench.ts");

const runBench = (args: string[]) => runNode(["--import", "tsx", BENCH, ...args]);

describe("npm run bench", () => {
  let out = "";
  afterEach(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  it("runs load, analyze and api at scale XS, prints the table and writes the JSON", async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "ringlens-bench-out-"));
    const { code, stdout, stderr } = await runBench([
      "--scale",
      "XS",
      "--runs",
      "1",
      "--api-seconds",
      "1",
      "--only",
      "load,analyze,api",
      "--out",
      out,
      "--cache",
      path.join(out, "cache"),
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain("### Targets");
    expect(stdout).toMatch(/\| load ≥ 0\.5× the engine's LOAD FROM … MERGE \| [\d.]+× \| (✅ met|❌ missed) \|/);
    expect(stdout).toContain("| ringlens load, rows/s |");
    expect(stdout).toContain("| components, s |");
    expect(stdout).toContain("| GET /api/rings |");
    expect(stderr).toContain("load 1/1: ringlens load");

    const files = fs.readdirSync(out).filter((f) => f.endsWith("-XS.json"));
    expect(files).toHaveLength(1);
    const results = JSON.parse(fs.readFileSync(path.join(out, files[0]!), "utf8"));
    expect(results).toMatchObject({ scale: "XS", accounts: 2000, runs: { load: 1, analyze: 1, api: 1 } });
    expect(results.sections.load.ringlens.rowsPerSecond.median).toBeGreaterThan(0);
    expect(results.sections.load.engineCopy.rowsPerSecond.runs).toHaveLength(1);
    expect(results.sections.analyze.phases.map((p: { phase: string }) => p.phase)).toEqual(ANALYSIS_PHASES);
    expect(results.sections.analyze.groups.bare).toBe(results.sections.analyze.groups.ringlens);
    // The re-import loads the same folder again into the store the load filled.
    expect(results.sections.load.reimport.seconds.runs).toHaveLength(1);
    expect(stdout).toMatch(/\| ringlens load again \(re-import, every row held\), s \| [\d.]+ \|/);
    // Issue 18's targets are set at L: at XS they are listed and not judged.
    expect(stdout).toContain("| L: `ringlens load` ≤ 60 s |");
    expect(stdout).toMatch(/\| L: search, first request ≤ 200 ms \| \d+ ms at XS \| not measured \|/);
    expect(results.sections.api.endpoints.map((e: { name: string }) => e.name)).toEqual([
      "GET /api/rings",
      "GET /api/rings/:id (largest ring)",
      "GET /api/rings/:id/graph (largest ring)",
      "GET /api/search (a member's email)",
      "POST /api/queries/devices-shared/run",
    ]);
    for (const endpoint of results.sections.api.endpoints) expect(endpoint.errors, endpoint.name).toBe(0);
    expect(results.sections.viewer).toBeUndefined();
  }, 300_000);

  // Two starts of the bench under tsx: more than the default budget on a loaded machine.
  it("prints its flags with --help and refuses an unknown scale with exit code 2", async () => {
    const help = await runBench(["--help"]);
    expect(help.code).toBe(0);
    for (const flag of ["--scale", "--only", "--out", "--runs", "--api-seconds"]) expect(help.stdout).toContain(flag);
    const bad = await runBench(["--scale", "XXL"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--scale expects one of XS, S, M, L, XL");
  }, 120_000);

  it("refuses --loaded-store with the load section it replaces, or a folder that holds no store", async () => {
    const withLoad = await runBench(["--scale", "XS", "--loaded-store", ".", "--only", "load,analyze"]);
    expect(withLoad.code).toBe(2);
    expect(withLoad.stderr).toContain("--loaded-store: it replaces the load: leave load out of --only");
    const missing = await runBench(["--scale", "XS", "--loaded-store", "/no/such/store", "--only", "analyze"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--loaded-store: no embedded store at /no/such/store");
  }, 120_000);
});

describe("bench figures", () => {
  it("summarises runs as median, min and max, and ratios run by run", () => {
    expect(summarise([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, runs: [3, 1, 2] });
    expect(summarise([4, 1]).median).toBe(2.5);
    expect(ratio([2, 9], [1, 3]).runs).toEqual([2, 3]);
  });
});
