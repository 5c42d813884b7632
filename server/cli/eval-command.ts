/**
 * `ringlens eval --truth DIR`: detection quality of the current analysis against planted
 * rings (from `ringlens demo`), side by side with naive connected components on the same store.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Config } from "../config.ts";
import { createStore } from "../store/create-store.ts";
import { RinglensError } from "../errors.ts";
import { evaluate, type Evaluation, type GroundTruth } from "../domain/eval/evaluate.ts";
import { naiveComponents } from "../domain/rings/naive-components.ts";
import { readInsiders, readMemberships } from "./export-rings-command.ts";
import { formatTable } from "./format-table.ts";

export function readTruth(dir: string): GroundTruth {
  const file = (name: string) => {
    const p = path.join(dir, name);
    if (!fs.existsSync(p))
      throw new RinglensError("not-found", `eval: ${p} is missing; --truth takes the truth/ folder written by \`ringlens demo\``);
    return parse(fs.readFileSync(p), { columns: true, bom: true }) as Record<string, string>[];
  };
  const rings = new Map<string, string[]>();
  for (const r of file("rings.csv")) rings.set(r.ring_id!, [...(rings.get(r.ring_id!) ?? []), r.account_id!]);
  const insiders = file("insiders.csv").map((r) => ({ ringId: r.ring_id!, employeeId: r.employee_id! }));
  // Truth folders written before --hard existed have no patterns file.
  const patterns = fs.existsSync(path.join(dir, "patterns.csv"))
    ? file("patterns.csv").map((r) => ({ pattern: r.pattern!, ringId: r.ring_id!, accountId: r.account_id!, detail: r.detail ?? "" }))
    : [];
  return { rings, insiders, patterns };
}

export interface EvalReport {
  ringlens: Evaluation;
  naive: Evaluation;
}

export async function evaluateStore(config: Config, truthDir: string): Promise<EvalReport> {
  const truth = readTruth(truthDir);
  const store = await createStore(config, { command: "eval", readOnly: true });
  try {
    const members = await readMemberships(store, "low");
    const byRing = new Map<string, { ringId: string; accountIds: string[]; score: number; flagged: boolean }>();
    for (const m of members) {
      const ring = byRing.get(m.ring_id) ?? { ringId: m.ring_id, accountIds: [], score: m.score, flagged: m.flagged };
      ring.accountIds.push(m.account_id);
      byRing.set(m.ring_id, ring);
    }
    if (byRing.size === 0) throw new RinglensError("not-found", "eval: the store has no analysis; run `ringlens analyze` first");
    const insiders = (await readInsiders(store)).map((i) => ({ ringId: i.ring_id, employeeId: i.employee_id }));
    const input = await store.readAnalysisInput();
    // Naive components have no score: rank them by size, all flagged, as a hand-written WCC would be read.
    const naive = naiveComponents(input).map((accountIds, i) => ({
      ringId: `naive-${i}`,
      accountIds,
      score: accountIds.length,
      flagged: true,
    }));
    const all = input.accounts.map((a) => a.id);
    return { ringlens: evaluate([...byRing.values()], insiders, truth, all), naive: evaluate(naive, [], truth, all) };
  } finally {
    await store.close();
  }
}

export function formatEval({ ringlens, naive }: EvalReport): string {
  const f = (v: number) => v.toFixed(3);
  const row = (name: string, pick: (e: Evaluation) => number, naiveApplies = true) => [
    name,
    f(pick(ringlens)),
    naiveApplies ? f(pick(naive)) : "n/a",
  ];
  return formatTable(
    ["measure", "ringlens", "naive components"],
    [
      row("pairwise precision", (e) => e.pairwise.precision),
      row("pairwise recall", (e) => e.pairwise.recall),
      row("pairwise F1", (e) => e.pairwise.f1),
      row("ring recall", (e) => e.rings.recall),
      row(`precision@K (K=${ringlens.precisionAtK.k})`, (e) => e.precisionAtK.precision),
      row("insider precision", (e) => e.insiders.precision, false),
      row("insider recall", (e) => e.insiders.recall, false),
      row("account precision", (e) => e.accounts.precision),
      row("account recall", (e) => e.accounts.recall),
      ...patternRows(ringlens, naive, f),
    ],
  );
}

/** Rows for the hard patterns the truth plants (none in a normal demo). */
function patternRows(ringlens: Evaluation, naive: Evaluation, f: (v: number) => string): string[][] {
  const { bridged, relatives, typos } = ringlens.patterns;
  const rows: string[][] = [];
  if (bridged.planted > 0)
    rows.push([`bridged crews found apart (${bridged.found}/${bridged.planted})`, f(bridged.recall), f(naive.patterns.bridged.recall)]);
  if (relatives.planted > 0)
    rows.push([
      `relatives kept out of rings (${relatives.keptOut}/${relatives.planted})`,
      f(relatives.share),
      f(naive.patterns.relatives.share),
    ]);
  if (typos.planted > 0)
    rows.push([`typo'd members found in their ring (${typos.found}/${typos.planted})`, f(typos.recall), f(naive.patterns.typos.recall)]);
  return rows;
}

export async function runEval(flags: { truth: string; json?: boolean }, config: Config, out: NodeJS.WritableStream): Promise<number> {
  const report = await evaluateStore(config, flags.truth);
  out.write(flags.json ? `${JSON.stringify(report)}\n` : `${formatEval(report)}\n`);
  return 0;
}
