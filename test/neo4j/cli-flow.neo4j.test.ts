/**
 * The analyst's flow on a real Neo4j with the real CLI, on the default demo (20,000 accounts):
 * `load → analyze → rings → insiders → serve` with `--store neo4j` gives what the same flow
 * gives on the embedded store: the same load report, the same rings (ids, members, scores,
 * levels), the same insiders with their reasons, and a server listing the same rings.
 */
import path from "node:path";
import fs from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getJson } from "../helpers/fixture-server.ts";
import { describeOnNeo4j, neo4jEnv, wipeNeo4j } from "../helpers/neo4j-target.ts";
import { runCli } from "../helpers/run-cli.ts";
import { startServe, type ServeChild } from "../helpers/serve-child.ts";
import { tempDir } from "../helpers/temp-dir.ts";

const FLOW_MS = 600_000;

describeOnNeo4j("the CLI flow on Neo4j, on the default demo", (target) => {
  const dir = tempDir("ringlens-neo4j-flow-");
  const demo = path.join(dir, "demo");
  const db = path.join(dir, "db");
  const env = neo4jEnv(target);
  const embedded: Record<string, string> = {};
  const neo4j: Record<string, string> = {};
  const servers: ServeChild[] = [];

  /** load → analyze → rings → insiders, each a real `ringlens` run; returns what each printed or wrote. */
  async function flow(name: string, store: string[], runEnv: Record<string, string>, into: Record<string, string>): Promise<void> {
    const load = await runCli(["load", demo, ...store, "--json", "--rejects", path.join(dir, `${name}-rejects.csv`)], runEnv);
    expect(load.code, load.stderr).toBe(0);
    const report = JSON.parse(load.stdout) as { files: unknown[]; read: number; loaded: number; rejected: number };
    into.load = JSON.stringify({ files: report.files, read: report.read, loaded: report.loaded, rejected: report.rejected });
    const analyze = await runCli(["analyze", ...store], runEnv);
    expect(analyze.code, analyze.stderr).toBe(0);
    into.analyze = analyze.stdout.split("\n")[0]!;
    for (const what of ["rings", "insiders"]) {
      const file = path.join(dir, `${name}-${what}.csv`);
      const run = await runCli([what, ...store, "--out", file], runEnv);
      expect(run.code, run.stderr).toBe(0);
      into[what] = fs.readFileSync(file, "utf8");
    }
  }

  beforeAll(async () => {
    expect((await runCli(["demo", "--out", demo])).code).toBe(0);
    await flow("embedded", ["--db", db], {}, embedded);
    await wipeNeo4j(target);
    await flow("neo4j", ["--store", "neo4j"], env, neo4j);
  }, FLOW_MS);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it("loads every row as the embedded store does (the same per-file report)", () => {
    expect(neo4j.load).toEqual(embedded.load);
  });

  it("finds the same rings: ids, members, scores and levels", () => {
    expect(neo4j.analyze).toEqual(embedded.analyze);
    expect(neo4j.rings!.split("\n").length).toBeGreaterThan(100);
    expect(neo4j.rings).toEqual(embedded.rings);
  });

  it("names the same insiders with the same reasons", () => {
    expect(neo4j.insiders!.split("\n").length).toBeGreaterThan(5);
    expect(neo4j.insiders).toEqual(embedded.insiders);
  });

  it("serves the same ring list and ring detail from Neo4j", async () => {
    const fromNeo4j = startServe([], env);
    const fromEmbedded = startServe(["--db", db]);
    servers.push(fromNeo4j, fromEmbedded);
    const urlOf = async (s: ServeChild) => /viewer:\s+(http:\/\/\S+?)\/\s/.exec(await s.waitFor(/viewer:\s+http/, 120_000))![1]!;
    const [n, e] = await Promise.all([urlOf(fromNeo4j), urlOf(fromEmbedded)]);
    const [listN, listE] = await Promise.all([getJson(`${n}/api/rings?limit=200`), getJson(`${e}/api/rings?limit=200`)]);
    expect(listN.status).toBe(200);
    expect(listN.body).toEqual(listE.body);
    const top = listE.body.rings[0].id as string;
    const [ringN, ringE] = await Promise.all([getJson(`${n}/api/rings/${top}`), getJson(`${e}/api/rings/${top}`)]);
    expect(ringN.status).toBe(200);
    expect(ringN.body).toEqual(ringE.body);
  }, 300_000);

  it(
    "finds the same rings with `analyze --in-store` (GDS in Neo4j) as the embedded store in process",
    async () => {
      const health = await runCli(["health", "--store", "neo4j"], env);
      expect(health.stdout).toMatch(/^in-store analysis: available \(Graph Data Science \d+\.\d+/m);
      const analyze = await runCli(["analyze", "--store", "neo4j", "--in-store"], env);
      expect(analyze.code, analyze.stderr).toBe(0);
      expect(analyze.stdout.split("\n")[0]).toEqual(embedded.analyze);
      const file = path.join(dir, "in-store-rings.csv");
      expect((await runCli(["rings", "--store", "neo4j", "--out", file], env)).code).toBe(0);
      expect(fs.readFileSync(file, "utf8")).toEqual(embedded.rings);
    },
    FLOW_MS,
  );

  it(
    "measures the same quality in the store when groups are split (eval figures within 0.01)",
    async () => {
      const evalOf = async (store: string[], runEnv: Record<string, string>, analyzeFlags: string[]) => {
        const analyze = await runCli(["analyze", ...store, "--max-ring-size", "8", ...analyzeFlags], runEnv);
        expect(analyze.code, analyze.stderr).toBe(0);
        const evaluated = await runCli(["eval", ...store, "--truth", path.join(demo, "truth"), "--json"], runEnv);
        expect(evaluated.code, evaluated.stderr).toBe(0);
        return numbersOf(JSON.parse(evaluated.stdout).ringlens);
      };
      // The servers of the test above hold the embedded store.
      await Promise.all(servers.splice(0).map((s) => s.stop()));
      const inProcess = await evalOf(["--db", db], {}, []);
      const inStore = await evalOf(["--store", "neo4j"], env, ["--in-store"]);
      // Louvain cut the planted rings (none is 8 accounts or fewer in the default demo), or this compares nothing.
      expect(inProcess["rings.recall"]).toBeLessThan(1);
      expect(Object.keys(inStore)).toEqual(Object.keys(inProcess));
      for (const [key, value] of Object.entries(inProcess)) {
        const tolerance = Math.abs(value) <= 1 ? 0.01 : 0.01 * Math.abs(value);
        expect(Math.abs(inStore[key]! - value), `${key}: in store ${inStore[key]}, in process ${value}`).toBeLessThanOrEqual(tolerance);
      }
    },
    FLOW_MS,
  );
});

/** Every number of an eval report by its path (`pairwise.f1`). */
function numbersOf(value: unknown, prefix = ""): Record<string, number> {
  if (typeof value === "number") return { [prefix]: value };
  if (value === null || typeof value !== "object") return {};
  return Object.assign({}, ...Object.entries(value).map(([k, v]) => numbersOf(v, prefix ? `${prefix}.${k}` : k)));
}
