/**
 * Bulk upserts on Neo4j: each kind's rows go as `UNWIND $rows AS row MERGE …` in batches, all
 * statements of one batch in one transaction. Times travel as DateTime at UTC; amounts stay JS
 * numbers, which the driver sends as floats. Same semantics as the embedded loads: nodes merged
 * on id, null clears a property, a refund's approver is replaced on re-import.
 */
import { RinglensError } from "../errors.ts";
import { UPSERT_ORDER, type UpsertBatch, type UpsertKind } from "./graph-store.ts";
import { nodeSpec } from "../schema/graph-specs.ts";
import { rowShape } from "../schema/load-rows.ts";
import { toDateTimeOrNull } from "./neo4j-values.ts";

/** Ids are indexed (unique constraints); Neo4j refuses index keys over 8,167 bytes and fails the whole transaction. */
export const MAX_INDEXED_ID_BYTES = 8_000;

/** The statements of one batch of `kind`, from its row shape in the graph description. */
function upsertStatements(kind: UpsertKind): string[] {
  const shape = rowShape(kind);
  const unwind = "UNWIND $rows AS row";
  const sets = (variable: string, columns: readonly { name: string }[]) =>
    columns.length === 0 ? "" : ` SET ${columns.map((c) => `${variable}.${c.name} = row.${c.name}`).join(", ")}`;
  if ("node" in shape) {
    const { node } = shape;
    const [key, ...properties] = node.properties;
    const self = `(n:${node.label} {${key!.name}: row.${key!.name}})`;
    const out = [`${unwind} MERGE ${self}${sets("n", properties)}`];
    for (const rel of shape.with) {
      const start = `(a:${rel.from} {${nodeSpec(rel.from).key}: row.${rel.load.field}})`;
      const guard = rel.load.optional ? ` WITH row WHERE row.${rel.load.field} IS NOT NULL` : "";
      if (!rel.load.replace) {
        out.push(`${unwind}${guard} MATCH ${start} MATCH ${self} MERGE (a)-[:${rel.type}]->(n)`);
      } else {
        // A re-import replaces the relationship: the old one goes, then the current one is
        // created (as the embedded loads do; after the delete, CREATE and MERGE are the same).
        out.push(`${unwind} MATCH (:${rel.from})-[old:${rel.type}]->${self} DELETE old`);
        out.push(`${unwind}${guard} MATCH ${start} MATCH ${self} CREATE (a)-[:${rel.type}]->(n)`);
      }
    }
    return out;
  }
  const { rel } = shape;
  const [startField, endField] = rel.load.fields;
  const on = rel.load.mergeOn.length === 0 ? "" : ` {${rel.load.mergeOn.map((m) => `${m}: row.${m}`).join(", ")}}`;
  const rest = rel.properties.filter((c) => !rel.load.mergeOn.includes(c.name));
  return [
    `${unwind} MATCH (a:${rel.from} {${nodeSpec(rel.from).key}: row.${startField}}) MATCH (x:${rel.to} {${nodeSpec(rel.to).key}: row.${endField}})
     MERGE (a)-[r:${rel.type}${on}]->(x)${sets("r", rest)}`,
  ];
}

/** The statements of one batch of `kind`, run in order in one transaction with `$rows`. */
export const UPSERT_STATEMENTS: Readonly<Record<UpsertKind, readonly string[]>> = Object.fromEntries(
  UPSERT_ORDER.map((kind) => [kind, upsertStatements(kind)]),
) as Record<UpsertKind, string[]>;

/** Fields of each kind's rows, as the statements read them (`row.<field>`). */
export const UPSERT_FIELDS: Readonly<Record<UpsertKind, readonly string[]>> = Object.fromEntries(
  UPSERT_ORDER.map((kind) => [kind, rowShape(kind).fields.map((f) => f.name)]),
) as Record<UpsertKind, string[]>;

/** Fields of each kind holding epoch milliseconds, stored as DateTime. */
const TIME_FIELDS: Readonly<Record<UpsertKind, ReadonlySet<string>>> = Object.fromEntries(
  UPSERT_ORDER.map((kind) => [
    kind,
    new Set(
      rowShape(kind)
        .fields.filter((f) => f.type === "datetime")
        .map((f) => f.name),
    ),
  ]),
) as Record<UpsertKind, Set<string>>;

/** One row as the driver receives it: every field present (absent → null), times as DateTime. */
export function toUpsertRow(kind: UpsertKind, row: UpsertBatch[UpsertKind][number]): Record<string, unknown> {
  const values = row as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of UPSERT_FIELDS[kind]) {
    const v = values[field];
    out[field] = TIME_FIELDS[kind].has(field) ? toDateTimeOrNull(v as number | null | undefined) : (v ?? null);
  }
  return out;
}

/** Refuses, before anything is written, a node id longer than Neo4j can index, naming it. */
export function checkIndexedIds(kind: UpsertKind, rows: readonly UpsertBatch[UpsertKind][number][]): void {
  if (!("id" in (rows[0] ?? {}))) return;
  for (const row of rows as readonly { id: string }[]) {
    const bytes = Buffer.byteLength(row.id, "utf8");
    if (bytes > MAX_INDEXED_ID_BYTES) {
      throw new RinglensError(
        "invalid-input",
        `neo4j store: a ${kind} id of ${bytes.toLocaleString("en")} bytes ("${row.id.slice(0, 40)}…") is longer than Neo4j can index (${MAX_INDEXED_ID_BYTES.toLocaleString("en")} bytes); shorten it in the source data`,
      );
    }
  }
}

/**
 * Splits rows into batches of at most `size`.
 * @example chunk([1, 2, 3], 2) // [[1, 2], [3]]
 */
export function chunk<T>(rows: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a whole number ≥ 1, not ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
