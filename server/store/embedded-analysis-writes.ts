/**
 * The embedded engine's analysis write-back, generated from the graph description. A new
 * analysis is copied by the engine's bulk `COPY … FROM (LOAD … RETURN …)` into staged tables
 * (`RingStaged`, `MEMBER_OF_STAGED`, `SUSPECTED_IN_STAGED`) beside the current ones, which stay
 * readable meanwhile; one small transaction then drops the current tables and renames the staged
 * ones in their place. The engine's DDL is transactional: a kill before COMMIT leaves the previous
 * analysis whole. Only temp file paths the store made, the run's ISO time and schema names are
 * spliced in.
 */
import { RING_STAGING } from "../schema/graph-schema.ts";
import { KUZU_TYPES, kuzuDdl } from "../schema/kuzu-ddl.ts";
import { nodeSpec, relSpec, type GraphSchema, type PropertySpec, type RelSpec } from "../schema/graph-specs.ts";
import { RUN_TIME } from "./analysis-rows.ts";

/** Joins list cells in staged CSVs: the unit separator, a control character that import refuses in any input value. */
export const LIST_SEPARATOR = "\u001f";

/**
 * Quotes text cells in staged CSVs (embedded-staged-csv.ts): the group separator, another
 * control character import refuses, so a cell never holds it and nothing inside needs escaping.
 */
export const CELL_QUOTE = "\u001d";

/** The relationship types an analysis writes: those that end at a Ring. */
const RING = nodeSpec("Ring");
const ANALYSIS_RELS: readonly RelSpec[] = (["MEMBER_OF", "SUSPECTED_IN"] as const).map((t) => relSpec(t));

/** The staged name of an analysis table. */
export function stagedName(table: string): string {
  return table === RING.label ? RING_STAGING.staged : `${table}_STAGED`;
}

/** Staged tables from a killed run are dropped and made anew, rels before the node table they end at. */
export function stagedTablesStatements(): string[] {
  const schema: GraphSchema = {
    nodes: [{ ...RING, label: stagedName(RING.label) }],
    rels: ANALYSIS_RELS.map((r) => ({ ...r, type: stagedName(r.type), to: stagedName(r.to) })),
  };
  const drops = [...ANALYSIS_RELS.map((r) => r.type), RING.label].map((t) => `DROP TABLE IF EXISTS ${stagedName(t)}`);
  return [...drops, ...kuzuDdl(schema)];
}

/** The swap, inside one transaction: the current analysis tables go, the staged ones take their names. */
export function swapStatements(): { drops: string[]; renames: string[] } {
  const tables = [...ANALYSIS_RELS.map((r) => r.type), RING.label];
  return {
    drops: tables.map((t) => `DROP TABLE ${t}`),
    renames: [RING.label, ...ANALYSIS_RELS.map((r) => r.type)].map((t) => `ALTER TABLE ${stagedName(t)} RENAME TO ${t}`),
  };
}

/** Lists travel as one string joined by LIST_SEPARATOR and are split on the way in. */
const header = (columns: readonly PropertySpec[]) =>
  columns.map((c) => `${c.name} ${c.type === "string[]" ? "STRING" : KUZU_TYPES[c.type]}`).join(", ");

function value(c: PropertySpec): string {
  if (c.type !== "string[]") return c.name;
  return `CASE WHEN nullif(${c.name}, '') IS NULL THEN CAST([] AS STRING[]) ELSE string_split(${c.name}, '${LIST_SEPARATOR}') END`;
}

const load = (columns: readonly PropertySpec[], file: string, parallel: boolean) =>
  `LOAD WITH HEADERS (${header(columns)}) FROM '${file}' (header=true, quote='${CELL_QUOTE}', escape='${CELL_QUOTE}'${parallel ? "" : ", parallel=false"})`;

/** Copies one Ring per staged row into the staged Ring table, every ring stamped with the run's time. */
export function copyRingsStatement(columns: readonly PropertySpec[], file: string, analysedAt: number): string {
  const at = new Date(analysedAt).toISOString();
  const staged = new Map(columns.map((c) => [c.name, c]));
  // COPY takes columns in the table's order, which is the description's.
  const returned = RING.properties.map((p) => {
    if (p.name === RUN_TIME) return `timestamp('${at}')`;
    const c = staged.get(p.name);
    if (!c) throw new Error(`staged rings lack the Ring property ${p.name}`);
    return value(c);
  });
  return `COPY ${stagedName(RING.label)} FROM (${load(columns, file, false)} RETURN ${returned.join(", ")})`;
}

/**
 * Copies one relationship of `type` per staged row into its staged table: the first two columns
 * are its ends' keys, the rest its properties. `parallel` only where no cell can hold a line break.
 */
export function copyRelsStatement(
  type: "MEMBER_OF" | "SUSPECTED_IN",
  columns: readonly PropertySpec[],
  file: string,
  parallel: boolean,
): string {
  const rel = relSpec(type);
  const byName = new Map(columns.slice(2).map((c) => [c.name, c]));
  const properties = rel.properties.map((p) => {
    if (!byName.has(p.name)) throw new Error(`staged ${type} rows lack the property ${p.name}`);
    return p.name;
  });
  const returned = [columns[0]!.name, columns[1]!.name, ...properties];
  return `COPY ${stagedName(type)} FROM (${load(columns, file, parallel)} RETURN ${returned.join(", ")})`;
}
