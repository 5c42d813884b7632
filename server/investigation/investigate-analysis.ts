/**
 * What an analysis does for the investigation once its rings are in: cases follow their rings
 * along the lineage (each move audited, actor `analysis`), alerts are raised about cases and
 * by watches, stored once each, and sent to the webhook when one is configured.
 */
import type { AnalysisResult, LinkFact } from "../domain/analysis-types.ts";
import { followCases } from "../domain/investigation/follow-cases.ts";
import { knownMembers, raiseCaseAlerts } from "../domain/investigation/raise-alerts.ts";
import type { AlertRecord } from "../domain/investigation/case-types.ts";
import type { RingLineage } from "../domain/investigation/ring-lineage.ts";
import type { Catalogue } from "../queries/catalogue.ts";
import type { GraphStore } from "../store/graph-store.ts";
import { postAlerts, type WebhookOutcome } from "./alert-webhook.ts";
import { addAudit, listCases, listWatches, moveCase, raiseAlerts, setWatchSeen } from "./investigation-records.ts";
import { runWatches } from "./run-watches.ts";

export interface InvestigationContext {
  previousMembers: ReadonlyMap<string, readonly string[]>;
  lineage: ReadonlyMap<string, RingLineage>;
  /**
   * Every link through an identifier one of these accounts uses (more is fine): what the alerts
   * about accounts newly linked to a confirmed ring read, asked only when a case is confirmed.
   */
  linksAround: (accountIds: readonly string[]) => Promise<Iterable<LinkFact>>;
  result: AnalysisResult;
  /** Identifier labels the run's link policy links. */
  linking: ReadonlySet<string>;
  catalogue: Catalogue;
  queryTimeoutMs: number;
  webhook?: string;
}

export interface InvestigationOutcome {
  casesMoved: number;
  alerts: AlertRecord[];
  webhook?: WebhookOutcome;
}

export async function investigateAnalysis(store: GraphStore, ctx: InvestigationContext): Promise<InvestigationOutcome> {
  // When it happened, by the clock: an analysis may be run "as of" another day (analysedAt).
  const at = new Date().toISOString();
  const cases = await listCases(store);
  const moves = followCases(cases, ctx.lineage, new Set(ctx.previousMembers.keys()));
  const ringOf = new Map(cases.map((c) => [c.id, c.ringId]));
  for (const move of moves) {
    if (move.to !== move.from) await moveCase(store, move.caseId, move.to);
    ringOf.set(move.caseId, move.to);
    await addAudit(store, {
      at,
      actor: "analysis",
      action: `case.${move.how}`,
      caseId: move.caseId,
      ringId: move.to,
      before: { ringId: move.from },
      after: move.how === "gone" ? { ringId: move.from, ringDetected: false } : { ringId: move.to },
      note: null,
    });
  }
  const followed = cases.map((c) => ({ ...c, ringId: ringOf.get(c.id)! }));
  const links = await linksForConfirmed(ctx, followed);
  const drafts = raiseCaseAlerts({
    cases: followed,
    lineage: ctx.lineage,
    previousMembers: ctx.previousMembers,
    links: () => links,
    linking: ctx.linking,
    hubs: new Set(ctx.result.hubs.map((h) => `${h.kind}:${h.identifierId}`)),
  });
  const watches = await runWatches(store, ctx.catalogue, await listWatches(store), ctx.queryTimeoutMs);
  const alerts = await raiseAlerts(store, [...drafts, ...watches.drafts], at);
  for (const [id, seen] of watches.seen) await setWatchSeen(store, id, seen);
  const outcome: InvestigationOutcome = { casesMoved: moves.filter((m) => m.how !== "gone").length, alerts };
  if (ctx.webhook && alerts.length > 0) outcome.webhook = await postAlerts(ctx.webhook, alerts);
  return outcome;
}

/** The links around the previous members of the rings confirmed cases now follow (none when no case is confirmed). */
async function linksForConfirmed(
  ctx: InvestigationContext,
  cases: readonly { ringId: string; status: string }[],
): Promise<Iterable<LinkFact>> {
  const known = new Set<string>();
  for (const c of cases) {
    if (c.status !== "confirmed") continue;
    const lineage = ctx.lineage.get(c.ringId);
    if (lineage) for (const a of knownMembers(lineage, ctx.previousMembers)) known.add(a);
  }
  return known.size === 0 ? [] : ctx.linksAround([...known].sort());
}
