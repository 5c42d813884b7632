/**
 * The last step of every analysis, in-process or in the store: each candidate ring's measured
 * parts become a scored RingResult (ids from members, score and reasons, links by id), rings
 * below minScore are dropped, and the rest come highest score first. One implementation, so
 * both paths score alike. Pure.
 */
import type { AttachedAccount, HubUse, InsiderFinding, RingLink, RingResult } from "../analysis-types.ts";
import { hash53 } from "../hash.ts";
import type { LinkLabel } from "../model.ts";
import { compareStrings } from "./compare-strings.ts";
import type { RingFacts } from "./ring-facts.ts";
import { assignRingIds } from "./ring-id.ts";
import { scoreRing } from "./risk-score.ts";

/** Another candidate (by position among the drafts) sharing identifiers with this one. */
export interface DraftLink {
  ring: number;
  via: { kind: LinkLabel; identifierId: string }[];
}

export interface RingDraft {
  /** Member ids in compareStrings order. */
  memberIds: string[];
  facts: RingFacts;
  /** Strongest first. */
  insiders: InsiderFinding[];
  hubs: HubUse[];
  links: DraftLink[];
  attached: AttachedAccount[];
}

/** @example assembleRings(drafts, 0)[0].score // the highest */
export function assembleRings(drafts: readonly RingDraft[], minScore: number): RingResult[] {
  const ids = assignRingIds(drafts.map((d) => d.memberIds[0]!));
  const rings: RingResult[] = [];
  drafts.forEach((draft, r) => {
    const { facts } = draft;
    const insiderScore = draft.insiders.length === 0 ? 0 : draft.insiders[0]!.score;
    const { score, level, reasons } = scoreRing(facts, insiderScore, draft.hubs.length);
    if (score < minScore) return;
    const links: RingLink[] = draft.links
      .map((link) => ({ ringId: ids[link.ring]!, via: link.via }))
      .sort((x, y) => compareStrings(x.ringId, y.ringId));
    rings.push({
      id: ids[r]!,
      accountIds: draft.memberIds,
      size: facts.size,
      score,
      level,
      reasons,
      insiders: draft.insiders,
      hubs: draft.hubs,
      countries: facts.countries,
      refundCount: facts.refundCount,
      refundValue: facts.refundValue,
      noReturnShare: Math.round(facts.noReturnShare * 1000) / 1000,
      links,
      attached: draft.attached,
    });
  });
  // Ids are "R-" + the zero-padded base36 of hash53(smallest member), so comparing the hashes
  // as numbers orders like comparing the ids, without a string comparison per step.
  const hashes = rings.map((ring) => hash53(ring.accountIds[0]!));
  const order = rings.map((_, x) => x);
  order.sort((x, y) => rings[y]!.score - rings[x]!.score || hashes[x]! - hashes[y]! || compareStrings(rings[x]!.id, rings[y]!.id));
  return order.map((x) => rings[x]!);
}
