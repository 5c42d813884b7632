/**
 * `ringlens analyze`: detect rings in the store, write them back, print the top rings and how
 * long each phase took.
 */
import fs from "node:fs";
import type { Config } from "../config.ts";
import { LINK_KINDS, linkKind } from "../domain/model.ts";
import { resolveLinkPolicy, type KindPolicy, type LinkPolicy, type LinkPolicyInput } from "../domain/rings/link-policy.ts";
import { runAnalysis } from "../tasks/run-analysis.ts";
import { DetectOptionsSchema, resolveDetectOptions, type DetectOptions } from "../domain/rings/detect-options.ts";
import type { AnalysisResult } from "../domain/analysis-types.ts";
import { createStore } from "../store/create-store.ts";
import type { GraphStore } from "../store/graph-store.ts";
import { RinglensError } from "../errors.ts";
import { createProgressLine } from "./progress-line.ts";
import { formatTable } from "./format-table.ts";
import { auditCli } from "./cli-audit.ts";
import type { InvestigationOutcome } from "../investigation/investigate-analysis.ts";

export interface AnalyzeFlags {
  hubThreshold?: string;
  maxRingSize?: string;
  policy?: string;
  link?: string;
  kind?: string[];
  top?: string;
  json?: boolean;
  inStore?: boolean;
}

export function detectOptionsFrom(flags: AnalyzeFlags): Partial<DetectOptions> {
  const options: Partial<DetectOptions> = {};
  if (flags.hubThreshold !== undefined)
    options.hubThreshold = setting(
      "hubThreshold",
      "--hub-threshold",
      flags.hubThreshold === "auto" ? "auto" : Number(flags.hubThreshold),
      flags.hubThreshold,
    );
  if (flags.maxRingSize !== undefined)
    options.maxRingSize = setting("maxRingSize", "--max-ring-size", Number(flags.maxRingSize), flags.maxRingSize);
  if (flags.policy !== undefined || flags.link !== undefined || flags.kind !== undefined) options.linkPolicy = linkPolicyFrom(flags);
  // Every setting and the cross-checks (minRingSize ≤ maxRingSize), before the store is opened.
  resolveDetectOptions(options, "analyze");
  return options;
}

/** The link policy of `--policy FILE`, then `--link`, then each `--kind k.key=value`, later ones winning. */
export function linkPolicyFrom(flags: Pick<AnalyzeFlags, "policy" | "link" | "kind">): LinkPolicy {
  let input: LinkPolicyInput = {};
  if (flags.policy !== undefined) {
    try {
      input = JSON.parse(fs.readFileSync(flags.policy, "utf8")) as LinkPolicyInput;
    } catch (error) {
      throw new RinglensError(
        "invalid-input",
        `analyze: --policy ${flags.policy} is not a readable JSON file (${(error as Error).message})`,
      );
    }
  }
  const policy = resolveLinkPolicy(input);
  if (flags.link !== undefined) {
    const wanted = flags.link
      .split(",")
      .map((k) => k.trim())
      .filter(Boolean)
      .map((k) => {
        const kind = linkKind(k);
        if (!kind)
          throw new RinglensError("invalid-input", `analyze: --link names "${k}"; use ${LINK_KINDS.map((x) => x.name).join(", ")}`);
        return kind.name;
      });
    for (const { name } of LINK_KINDS) policy[name].link = wanted.includes(name);
  }
  for (const setting of flags.kind ?? []) {
    const m = /^([A-Za-z][A-Za-z-]*)\.(link|hubThreshold|weight)=(.+)$/.exec(setting.trim());
    if (!m)
      throw new RinglensError(
        "invalid-input",
        `analyze: --kind "${setting}" should look like phone.hubThreshold=10, ip.link=true or payment.weight=1`,
      );
    const [, kind, key, raw] = m as unknown as [string, string, keyof KindPolicy, string];
    const value =
      key === "link"
        ? raw === "true"
          ? true
          : raw === "false"
            ? false
            : raw
        : key === "hubThreshold"
          ? raw === "auto"
            ? "auto"
            : raw === "default"
              ? null
              : Number(raw)
          : Number(raw);
    Object.assign(policy, resolveLinkPolicy({ ...policy, [kind]: { ...policy[linkKind(kind)?.name ?? "address"], [key]: value } }));
  }
  return policy;
}

/** A flag's value checked against the domain's schema of that setting, the message naming the flag. */
function setting<K extends "hubThreshold" | "maxRingSize">(key: K, flag: string, value: unknown, raw: string): DetectOptions[K] {
  const parsed = DetectOptionsSchema.shape[key].safeParse(value);
  if (!parsed.success) throw new RinglensError("invalid-input", `analyze: ${flag} "${raw}": ${parsed.error.issues[0]!.message}`, { flag });
  return parsed.data as DetectOptions[K];
}

export async function runAnalyze(flags: AnalyzeFlags, config: Config, out: NodeJS.WritableStream): Promise<number> {
  const options = detectOptionsFrom(flags);
  const store = await createStore(config, { command: "analyze" });
  try {
    const result = await analyzeWithProgress(store, options, config, { inStore: flags.inStore === true });
    await auditCli(store, "analyze", {
      settings: options,
      inStore: flags.inStore === true,
      rings: result.summary.rings,
      alerts: result.investigation.alerts.length,
    });
    out.write(flags.json ? `${JSON.stringify(result.summary)}\n` : `${formatAnalysis(result, Number(flags.top ?? 15))}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export async function analyzeWithProgress(
  store: GraphStore,
  options: Partial<DetectOptions>,
  config: Config,
  run: { inStore?: boolean } = {},
) {
  const progress = createProgressLine();
  const hooks = { alertWebhook: config.alertWebhook, queryTimeoutMs: config.queryTimeoutMs, inStore: run.inStore === true };
  const result = await runAnalysis(store, options, (phase) => progress.update(`analyze: ${phase}…`), hooks);
  progress.done();
  return result;
}

export function formatAnalysis(
  result: AnalysisResult & { summary: { flagged: number; high: number }; investigation: InvestigationOutcome },
  top: number,
): string {
  const rows = result.rings
    .slice(0, top)
    .map((r) => [
      r.id,
      r.level,
      r.score,
      r.size,
      r.countries.join(" "),
      Math.round(r.refundValue),
      `${Math.round(r.noReturnShare * 100)}%`,
      r.insiders.map((i) => i.employeeId).join(" ") || "-",
    ]);
  const phases = result.phases.map((p) => `${p.phase} ${p.ms} ms`).join(" · ");
  return [
    formatTable(["ring", "level", "score", "accounts", "countries", "refunded", "no return", "insiders"], rows),
    "",
    `${result.rings.length} groups of linked accounts; ${result.summary.flagged} flagged (${result.summary.high} high); ${result.hubs.length} hubs (threshold ${result.hubThreshold} accounts) kept from linking`,
    `phases: ${phases}`,
    ...investigationLines(result.investigation),
  ].join("\n");
}

/** What the analysis did for the investigation: cases moved, alerts raised (see `ringlens alerts`), the webhook's answer. */
function investigationLines(outcome: InvestigationOutcome): string[] {
  if (outcome.casesMoved === 0 && outcome.alerts.length === 0) return [];
  const webhook = outcome.webhook
    ? outcome.webhook.delivered
      ? "; sent to the webhook"
      : `; the webhook failed: ${outcome.webhook.error}`
    : "";
  return [
    `cases: ${outcome.casesMoved} followed their ring; ${outcome.alerts.length} new alert(s)${webhook} (\`ringlens alerts\` lists them)`,
    ...outcome.alerts.slice(0, 10).map((a) => `  ${a.kind}: ${a.message}`),
  ];
}
