/**
 * What an analysis writes, as rows keyed by the graph description's properties: one per ring
 * (Ring), per membership (MEMBER_OF), per insider finding (SUSPECTED_IN). Both adapters'
 * writers stage these rows; their columns and statements come from the description, so a
 * property added to Ring or SUSPECTED_IN fails to compile here until it has a value. Pure.
 */
import type { AnalysisResult, InsiderFinding, RingResult } from "../domain/analysis-types.ts";
import type { PropertyOf, RelPropertyOf } from "../schema/graph-schema.ts";
import { nodeSpec, relSpec, type PropertySpec } from "../schema/graph-specs.ts";
import { storedReasons } from "./stored-reasons.ts";
import { storedLineage } from "./stored-lineage.ts";

/** Set from the run's time, the same on every ring, rather than from the ring. */
export const RUN_TIME: PropertyOf<"Ring"> = "analysedAt";

type RingColumn = Exclude<PropertyOf<"Ring">, "analysedAt">;
const RING_VALUES: { readonly [P in RingColumn]: (r: RingResult) => string | number | string[] } = {
  size: (r) => r.size,
  score: (r) => r.score,
  level: (r) => r.level,
  reasons: (r) => storedReasons(r.reasons),
  hubs: (r) => JSON.stringify(r.hubs),
  links: (r) => JSON.stringify(r.links),
  attached: (r) => JSON.stringify(r.attached),
  countries: (r) => [...r.countries],
  refundCount: (r) => r.refundCount,
  refundValue: (r) => r.refundValue,
  noReturnShare: (r) => r.noReturnShare,
  insiderCount: (r) => r.insiders.length,
  lineage: (r) => storedLineage(r.lineage),
};
const SUSPECT_VALUES: { readonly [P in RelPropertyOf<"SUSPECTED_IN">]: (i: InsiderFinding) => string | number } = {
  share: (i) => i.share,
  baseline: (i) => i.baseline,
  lift: (i) => i.lift,
  approvals: (i) => i.approvals,
  noReturnApprovals: (i) => i.noReturnApprovals,
  score: (i) => i.score,
  reason: (i) => i.reason,
};

/** The row field holding the key of a relationship's end: `Account` → `accountId`. */
export const endField = (label: string) => `${label[0]!.toLowerCase()}${label.slice(1)}Id`;

/** A staged table: its columns (with their stored type) and its rows, values in column order. */
export interface StagedTable {
  columns: PropertySpec[];
  rows: Iterable<unknown[]>;
}

const endColumn = (label: string): PropertySpec => ({ name: endField(label), type: "string" });

/** Ring rows: the key, then every Ring property but the run time, in description order. */
export function ringTable(result: AnalysisResult): StagedTable {
  const columns = nodeSpec("Ring").properties.filter((c) => c.name !== RUN_TIME);
  const values = columns.slice(1).map((c) => RING_VALUES[c.name as RingColumn]);
  return { columns, rows: result.rings.map((r) => [r.id, ...values.map((v) => v(r))]) };
}

/** MEMBER_OF rows: the account's key, then the ring's. */
export function memberTable(result: AnalysisResult): StagedTable {
  const rel = relSpec("MEMBER_OF");
  return {
    columns: [endColumn(rel.from), endColumn(rel.to)],
    rows: (function* () {
      for (const r of result.rings) for (const a of r.accountIds) yield [a, r.id];
    })(),
  };
}

/** SUSPECTED_IN rows: the employee's key, the ring's, then the relationship's properties. */
export function suspectTable(result: AnalysisResult): StagedTable {
  const rel = relSpec("SUSPECTED_IN");
  const values = rel.properties.map((c) => SUSPECT_VALUES[c.name as RelPropertyOf<"SUSPECTED_IN">]);
  return {
    columns: [endColumn(rel.from), endColumn(rel.to), ...rel.properties],
    rows: result.rings.flatMap((r) => r.insiders.map((i) => [i.employeeId, r.id, ...values.map((v) => v(i))])),
  };
}
