/**
 * The embedded engine's bulk upserts: each kind's rows are staged as a CSV file and merged by
 * the engine's own `LOAD FROM … MERGE` (≈30× faster than per-row parameters on kuzu). Columns
 * travel as strings; empty means absent and becomes NULL.
 */
import type { UpsertBatch, UpsertKind } from "./graph-store.ts";
import { UPSERT_ORDER } from "./graph-store.ts";
import { rowShape, type RowField } from "../schema/load-rows.ts";
import { nodeSpec } from "../schema/graph-specs.ts";

type Column = RowField;

interface LoadSpec {
  columns: Column[];
  /** Cypher after `LOAD WITH HEADERS (…) FROM '…'`, one statement each; columns are in scope by name. */
  merge: string[];
  /** Finds which staged rows already exist: a MATCH returning their key columns. */
  existing: string;
  /** For rows that do not exist yet: the tables to `COPY … FROM` and their columns, in table order. */
  copies: { table: string; columns: string[]; onlyWhen?: string }[];
}

function convert(c: Column): string {
  switch (c.type) {
    case "string":
      return `nullif(${c.name}, '')`;
    case "double":
      return `CAST(nullif(${c.name}, '') AS DOUBLE)`;
    case "long":
      return `CAST(nullif(${c.name}, '') AS INT64)`;
    case "boolean":
      return `CAST(nullif(${c.name}, '') AS BOOLEAN)`;
    case "datetime":
      return `timestamp(nullif(${c.name}, ''))`;
    case "string[]":
      throw new Error(`embedded loads: ${c.name} is a list, which input rows cannot carry`);
  }
}

/** ` SET v.a = …, v.b = …` converting each staged string to its stored type, or nothing. */
function setClause(variable: string, columns: readonly Column[]): string {
  const set = columns.map((c) => `${variable}.${c.name} = ${convert(c)}`).join(", ");
  return set === "" ? "" : ` SET ${set}`;
}

/** The load of one upsert kind, from its row shape in the graph description. */
function loadSpec(kind: UpsertKind): LoadSpec {
  const shape = rowShape(kind);
  if ("node" in shape) {
    const { node } = shape;
    const [key, ...properties] = node.properties;
    const self = `(n:${node.label} {${key!.name}: ${key!.name}})`;
    const merge = [`MERGE ${self}${setClause("n", properties)}`];
    for (const rel of shape.with) {
      const start = `MATCH (a:${rel.from} {${nodeSpec(rel.from).key}: ${rel.load.field}})`;
      if (!rel.load.replace) merge.push(`${start} MATCH ${self} MERGE (a)-[:${rel.type}]->(n)`);
      else {
        // A re-import replaces the relationship: the old one goes, then the current one is
        // created. CREATE, not MERGE: MERGE scans the start node's relationships, thousands for
        // a busy approver, for every row. No `WITH * WHERE field <> ''` guard for an optional
        // one: it made kuzu plan a join that filled the buffer pool; an empty id matches nothing.
        merge.push(`MATCH ${self}<-[r:${rel.type}]-(:${rel.from}) DELETE r`);
        merge.push(`MATCH ${self} ${start} CREATE (a)-[:${rel.type}]->(n)`);
      }
    }
    return {
      columns: shape.fields,
      merge,
      existing: `MATCH ${self} RETURN n.${key!.name}`,
      copies: [
        { table: node.label, columns: node.properties.map((c) => c.name) },
        ...shape.with.map((rel) => ({
          table: rel.type,
          columns: [rel.load.field, key!.name],
          ...(rel.load.optional ? { onlyWhen: rel.load.field } : {}),
        })),
      ],
    };
  }
  const { rel } = shape;
  const [startField, endField] = rel.load.fields;
  const [fromKey, toKey] = [nodeSpec(rel.from).key, nodeSpec(rel.to).key];
  const ends = `MATCH (a:${rel.from} {${fromKey}: ${startField}}) MATCH (x:${rel.to} {${toKey}: ${endField}})`;
  const mergeOn = rel.properties.filter((c) => rel.load.mergeOn.includes(c.name));
  const rest = rel.properties.filter((c) => !rel.load.mergeOn.includes(c.name));
  const on = mergeOn.length === 0 ? "" : ` {${mergeOn.map((c) => `${c.name}: ${c.name}`).join(", ")}}`;
  const where = mergeOn.length === 0 ? "" : ` WHERE ${mergeOn.map((c) => `r.${c.name} = ${c.name}`).join(" AND ")}`;
  return {
    columns: shape.fields,
    merge: [`${ends} MERGE (a)-[r:${rel.type}${on}]->(x)${setClause("r", rest)}`],
    existing: `MATCH (a:${rel.from} {${fromKey}: ${startField}})-[r:${rel.type}]->(x:${rel.to} {${toKey}: ${endField}})${where} RETURN ${[`a.${fromKey}`, `x.${toKey}`, ...mergeOn.map((c) => `r.${c.name}`)].join(", ")}`,
    copies: [{ table: rel.type, columns: shape.fields.map((c) => c.name) }],
  };
}

export const LOAD_SPECS = Object.fromEntries(UPSERT_ORDER.map((kind) => [kind, loadSpec(kind)])) as Record<UpsertKind, LoadSpec>;

// parallel=false: quoted cells may hold newlines, which the parallel reader cannot split.
function loadFrom(columns: readonly string[], file: string): string {
  const header = columns.map((c) => `${c} STRING`).join(", ");
  return `LOAD WITH HEADERS (${header}) FROM '${file}' (header=true, parallel=false)`;
}

/** The statements merging one staged file of `kind`, in order. */
export function loadStatements(kind: UpsertKind, file: string): string[] {
  const from = loadFrom(
    LOAD_SPECS[kind].columns.map((c) => c.name),
    file,
  );
  return LOAD_SPECS[kind].merge.map((m) => `${from} ${m}`);
}

/**
 * Exports the keys of the staged rows that already exist in the store to `out`. `keysFile`
 * holds only the key columns (see `stageKey`): the lookup needs nothing else.
 */
export function existingStatement(kind: UpsertKind, keysFile: string, out: string): string {
  return `COPY (${loadFrom(keyColumns(kind), keysFile)} ${LOAD_SPECS[kind].existing}) TO '${out}' (header=false)`;
}

/** The columns that identify a row of `kind`: what MERGE matches on and the lookup returns. */
export function keyColumns(kind: UpsertKind): readonly string[] {
  return rowShape(kind).keyFields;
}

/** The key cells of a row, straight from the row (keys are ids: no conversion needed). */
export function stageKey(kind: UpsertKind, row: UpsertBatch[UpsertKind][number]): string[] {
  const values = row as unknown as Record<string, unknown>;
  return keyColumns(kind).map((c) => (values[c] === null || values[c] === undefined ? "" : String(values[c])));
}

/** The key of a staged row, as the existing-rows export writes it (joined with NUL). */
export function stagedKey(kind: UpsertKind, record: string[]): string {
  return keyOfRecord(kind)(record);
}

/** A function giving the key of each staged record of `kind`, with its column positions looked up once. */
export function keyOfRecord(kind: UpsertKind): (record: string[]) => string {
  const names = LOAD_SPECS[kind].columns.map((c) => c.name);
  const positions = keyColumns(kind).map((c) => names.indexOf(c));
  if (positions.length === 1) {
    const only = positions[0]!;
    return (record) => record[only] ?? "";
  }
  return (record) => positions.map((i) => record[i] ?? "").join("\u0000");
}

/** Counts the rows of `kind`'s table, as `n`. */
export function countStatement(kind: UpsertKind): string {
  const shape = rowShape(kind);
  return "node" in shape ? `MATCH (n:${shape.node.label}) RETURN count(*) AS n` : `MATCH ()-[r:${shape.rel.type}]->() RETURN count(*) AS n`;
}

export function copyStatement(table: string, file: string): string {
  return `COPY ${table} FROM '${file}' (header=true, parallel=false)`;
}

/** One staged CSV record of a row: strings, ISO times, empty for absent. */
export function stageRecord(kind: UpsertKind, row: UpsertBatch[UpsertKind][number]): string[] {
  const values = row as unknown as Record<string, unknown>;
  return LOAD_SPECS[kind].columns.map((c) => {
    const v = values[c.name];
    if (v === null || v === undefined) return "";
    if (c.type === "datetime") return new Date(v as number).toISOString();
    return String(v);
  });
}
