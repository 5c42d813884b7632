/**
 * The embedded engine's analysis write-back statements, generated from the graph description:
 * `LOAD WITH HEADERS (typed columns) FROM '<staged csv>' … CREATE` for rings and for the
 * relationships the analysis writes (MEMBER_OF, SUSPECTED_IN). Column lists come from
 * analysis-rows.ts, types from the description; only temp file paths the store made and the
 * run's ISO time are spliced in besides schema names.
 */
import { KUZU_TYPES } from "../schema/kuzu-ddl.ts";
import { nodeSpec, relSpec, type PropertySpec } from "../schema/graph-specs.ts";
import { RUN_TIME } from "./analysis-rows.ts";

/** Joins list cells in staged CSVs: the unit separator, a control character that import refuses in any input value. */
export const LIST_SEPARATOR = "\u001f";

/** Lists travel as one string joined by LIST_SEPARATOR and are split on the way in. */
const header = (columns: readonly PropertySpec[]) =>
  columns.map((c) => `${c.name} ${c.type === "string[]" ? "STRING" : KUZU_TYPES[c.type]}`).join(", ");

function value(c: PropertySpec): string {
  if (c.type !== "string[]") return c.name;
  return `CASE WHEN nullif(${c.name}, '') IS NULL THEN CAST([] AS STRING[]) ELSE string_split(${c.name}, '${LIST_SEPARATOR}') END`;
}

/** Creates one Ring per staged row, every ring stamped with the run's time. */
export function createRingsStatement(columns: readonly PropertySpec[], file: string, analysedAt: number): string {
  const at = new Date(analysedAt).toISOString();
  const properties = [...columns.map((c) => `${c.name}: ${value(c)}`), `${RUN_TIME}: timestamp('${at}')`].join(", ");
  return `LOAD WITH HEADERS (${header(columns)}) FROM '${file}' (header=true, parallel=false)
      CREATE (:${nodeSpec("Ring").label} {${properties}})`;
}

/**
 * Creates one relationship of `type` per staged row: the first two columns are its ends' keys,
 * the rest its properties. `parallel` only where no cell can hold a line break.
 */
export function createRelsStatement(
  type: "MEMBER_OF" | "SUSPECTED_IN",
  columns: readonly PropertySpec[],
  file: string,
  parallel: boolean,
): string {
  const rel = relSpec(type);
  const [start, end, ...properties] = columns;
  const set = properties.length === 0 ? "" : ` {${properties.map((c) => `${c.name}: ${c.name}`).join(", ")}}`;
  return `LOAD WITH HEADERS (${header(columns)}) FROM '${file}' (header=true${parallel ? "" : ", parallel=false"})
      MATCH (a:${rel.from} {${nodeSpec(rel.from).key}: ${start!.name}}) MATCH (b:${rel.to} {${nodeSpec(rel.to).key}: ${end!.name}})
      CREATE (a)-[:${rel.type}${set}]->(b)`;
}
