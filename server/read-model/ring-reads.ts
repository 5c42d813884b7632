/**
 * Reads of detected rings for the API: a filtered page of summaries and one ring's detail.
 * The statements are cypher/reads/ring*.cypher; filters travel as parameters, the sort key
 * picks one of a fixed set of statements.
 */
import { RinglensError } from "../errors.ts";
import { toCents } from "../domain/money.ts";
import type { GraphStore } from "../store/graph-store.ts";
import { cypher } from "../cypher/cypher-files.ts";
import type { RingDetail, RingMember, RingPage, RingSummary } from "../../wire/wire-types.ts";
import type { AttachedAccount, HubUse, RingLevel, RingLink } from "../domain/analysis-types.ts";
import { readStoredReasons } from "../store/stored-reasons.ts";
import { readStoredLineage } from "../store/stored-lineage.ts";
import { nodeLabelOf } from "../domain/model.ts";

/** Sort keys of the ring list, each with its own statement (cypher/reads/ring-page-by-*.cypher). */
export const RING_SORTS = {
  score: "reads/ring-page-by-score",
  size: "reads/ring-page-by-size",
  value: "reads/ring-page-by-value",
} as const;
export type RingSort = keyof typeof RING_SORTS;

export interface RingFilter {
  level?: RingLevel;
  minScore?: number;
  minSize?: number;
  country?: string;
  /** Only these rings (the route resolves a case status to its rings). */
  ringIds?: string[];
  sort: RingSort;
  limit: number;
  offset: number;
}

export async function listRings(store: GraphStore, filter: RingFilter, timeoutMs: number): Promise<RingPage> {
  // An absent filter is a null parameter, which the statements read as "any".
  const params = {
    level: filter.level ?? null,
    minScore: filter.minScore ?? null,
    minSize: filter.minSize ?? null,
    country: filter.country ? filter.country.toUpperCase() : null,
    anyRing: filter.ringIds === undefined,
    // The embedded engine crashes binding an empty or null list: [""] (no ring has that id) stands for none.
    ringIds: filter.ringIds?.length ? filter.ringIds : [""],
  };
  const total = await store.query(cypher("reads/ring-count"), params, { timeoutMs });
  const page = await store.query(cypher(RING_SORTS[filter.sort]), { ...params, offset: filter.offset, limit: filter.limit }, { timeoutMs });
  return { total: Number(total.rows[0]?.total ?? 0), offset: filter.offset, limit: filter.limit, rings: page.rows.map(toSummary) };
}

export async function getRing(store: GraphStore, id: string, timeoutMs: number): Promise<RingDetail> {
  // At once, not one after another: the store has several readers.
  const [ring, members, refunds, insiders] = await Promise.all(
    ["reads/ring", "reads/ring-members", "reads/ring-member-refunds", "reads/ring-insiders"].map((name) =>
      store.query(cypher(name), { id }, { timeoutMs }),
    ),
  );
  const refundsOf = new Map(refunds!.rows.map((r) => [String(r.id), r]));
  const row = ring!.rows[0];
  if (!row) throw new RinglensError("not-found", `ring ${id} does not exist (rings change with each analysis; list them at /api/rings)`);
  return {
    ...toSummary(row),
    reasons: readStoredReasons(String(row.reasons ?? "[]")),
    // A hub of a contact link kind (ContactDevice) is a node of its node kind (Device) on the graph.
    hubs: (JSON.parse(String(row.hubs ?? "[]")) as HubUse[]).map((h) => ({ ...h, nodeType: nodeLabelOf(h.kind) })),
    links: JSON.parse(String(row.links ?? "[]")) as RingLink[],
    attached: JSON.parse(String(row.attached ?? "[]")) as AttachedAccount[],
    // Sorted again after rounding: the engines' unrounded sums could order two equal values apart.
    members: members!.rows
      .map(
        (m) =>
          ({
            id: String(m.id),
            country: (m.country as string | null) ?? null,
            createdAt: (m.createdAt as string | null) ?? null,
            name: (m.name as string | null) ?? null,
            email: (m.email as string | null) ?? null,
            refundCount: Number(refundsOf.get(String(m.id))?.refundCount ?? 0),
            refundValue: toCents(Number(refundsOf.get(String(m.id))?.refundValue ?? 0)),
          }) satisfies RingMember,
      )
      .sort((a, b) => b.refundValue - a.refundValue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    insiders: insiders!.rows.map((i) => ({
      employeeId: String(i.employeeId),
      name: (i.name as string | null) ?? null,
      share: Number(i.share),
      baseline: Number(i.baseline),
      lift: Number(i.lift),
      approvals: Number(i.approvals),
      noReturnApprovals: Number(i.noReturnApprovals),
      score: Number(i.score),
      reason: String(i.reason),
    })),
    lineage: row.lineage ? readStoredLineage(String(row.lineage)) : null,
    // Last, and null: the case is not part of the analysis (nor of its cache); the route fills it in on every request.
    case: null,
  };
}

function toSummary(row: Record<string, unknown>): RingSummary {
  return {
    id: String(row.id),
    size: Number(row.size),
    score: Number(row.score),
    level: row.level as RingLevel,
    countries: (row.countries as string[] | null) ?? [],
    refundCount: Number(row.refundCount),
    refundValue: Number(row.refundValue),
    noReturnShare: Number(row.noReturnShare),
    insiderCount: Number(row.insiderCount),
  };
}
