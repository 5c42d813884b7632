/**
 * Reads of detected rings for the API: a filtered page of summaries and one ring's detail.
 * Cypher common to both stores; structure (sort key, which filters) comes from whitelists,
 * values only as parameters.
 */
import { RinglensError } from "../errors.ts";
import { toCents } from "../domain/money.ts";
import type { GraphStore } from "../store/graph-store.ts";
import type { RingDetail, RingMember, RingPage, RingSummary } from "../../wire/wire-types.ts";
import type { HubUse, Reason, RingLevel } from "../domain/analysis-types.ts";

export const RING_SORTS = { score: "r.score", size: "r.size", value: "r.refundValue" } as const;
export type RingSort = keyof typeof RING_SORTS;

export interface RingFilter {
  level?: RingLevel;
  minScore?: number;
  minSize?: number;
  country?: string;
  sort: RingSort;
  limit: number;
  offset: number;
}

const SUMMARY = `r.id AS id, r.size AS size, r.score AS score, r.level AS level, r.countries AS countries,
  r.refundCount AS refundCount, r.refundValue AS refundValue, r.noReturnShare AS noReturnShare, r.insiderCount AS insiderCount`;

export async function listRings(store: GraphStore, filter: RingFilter, timeoutMs: number): Promise<RingPage> {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.level) { where.push("r.level = $level"); params.level = filter.level; }
  if (filter.minScore !== undefined) { where.push("r.score >= $minScore"); params.minScore = filter.minScore; }
  if (filter.minSize !== undefined) { where.push("r.size >= $minSize"); params.minSize = filter.minSize; }
  if (filter.country) { where.push("$country IN r.countries"); params.country = filter.country.toUpperCase(); }
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const total = await store.query(`MATCH (r:Ring) ${clause} RETURN count(r) AS total`, params, { timeoutMs });
  const page = await store.query(
    `MATCH (r:Ring) ${clause} RETURN ${SUMMARY} ORDER BY ${RING_SORTS[filter.sort]} DESC, r.id SKIP $offset LIMIT $limit`,
    { ...params, offset: filter.offset, limit: filter.limit }, { timeoutMs });
  return { total: Number(total.rows[0]?.total ?? 0), offset: filter.offset, limit: filter.limit, rings: page.rows.map(toSummary) };
}

export async function getRing(store: GraphStore, id: string, timeoutMs: number): Promise<RingDetail> {
  const ring = await store.query(`MATCH (r:Ring {id: $id}) RETURN ${SUMMARY}, r.reasons AS reasons, r.hubs AS hubs`, { id }, { timeoutMs });
  const row = ring.rows[0];
  if (!row) throw new RinglensError("not-found", `ring ${id} does not exist (rings change with each analysis; list them at /api/rings)`);
  const members = await store.query(
    `MATCH (a:Account)-[:MEMBER_OF]->(:Ring {id: $id})
     OPTIONAL MATCH (a)-[:REQUESTED]->(f:Refund)
     RETURN a.id AS id, a.country AS country, a.createdAt AS createdAt, a.name AS name, a.email AS email,
       count(f) AS refundCount, coalesce(sum(f.amount), 0.0) AS refundValue
     ORDER BY refundValue DESC, id`, { id }, { timeoutMs });
  const insiders = await store.query(
    `MATCH (e:Employee)-[s:SUSPECTED_IN]->(:Ring {id: $id})
     RETURN e.id AS employeeId, e.name AS name, s.share AS share, s.baseline AS baseline, s.lift AS lift,
       s.approvals AS approvals, s.noReturnApprovals AS noReturnApprovals, s.score AS score, s.reason AS reason
     ORDER BY score DESC, employeeId`, { id }, { timeoutMs });
  return {
    ...toSummary(row),
    reasons: JSON.parse(String(row.reasons ?? "[]")) as Reason[],
    hubs: JSON.parse(String(row.hubs ?? "[]")) as HubUse[],
    // Sorted again after rounding: the engines' unrounded sums could order two equal values apart.
    members: members.rows.map((m) => ({
      id: String(m.id), country: (m.country as string | null) ?? null, createdAt: (m.createdAt as string | null) ?? null,
      name: (m.name as string | null) ?? null, email: (m.email as string | null) ?? null,
      refundCount: Number(m.refundCount), refundValue: toCents(Number(m.refundValue)),
    }) satisfies RingMember).sort((a, b) => b.refundValue - a.refundValue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    insiders: insiders.rows.map((i) => ({
      employeeId: String(i.employeeId), name: (i.name as string | null) ?? null, share: Number(i.share), baseline: Number(i.baseline),
      lift: Number(i.lift), approvals: Number(i.approvals), noReturnApprovals: Number(i.noReturnApprovals), score: Number(i.score),
      reason: String(i.reason),
    })),
  };
}

function toSummary(row: Record<string, unknown>): RingSummary {
  return {
    id: String(row.id), size: Number(row.size), score: Number(row.score), level: row.level as RingLevel,
    countries: (row.countries as string[] | null) ?? [], refundCount: Number(row.refundCount), refundValue: Number(row.refundValue),
    noReturnShare: Number(row.noReturnShare), insiderCount: Number(row.insiderCount),
  };
}
