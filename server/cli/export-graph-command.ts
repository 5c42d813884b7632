/**
 * `ringlens export --format cypher|neo4j-admin --out DIR`: writes the embedded store's whole
 * graph for Neo4j, either as a cypher-shell script (constraints, then batched MERGEs with
 * escaped literals) or as neo4j-admin CSVs with typed headers plus the import command. Reads
 * through GraphStore.query in keyset pages (cypher/reads/export-*-page.cypher), so memory is
 * bounded by the page: nodes 50,000 at a time, relationships those of 50,000 start nodes at a
 * time (so a type with few, busy start nodes comes in one page: at 1M accounts, the 700,198
 * approvals of 5,000 employees; the whole export peaked at 1.7 GB). Labels, types and property
 * names fill their slots from the graph description (server/schema/graph-schema.ts), never from data.
 */
import fs from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import type { Config } from "../config.ts";
import { RinglensError } from "../errors.ts";
import { createStore } from "../store/create-store.ts";
import type { GraphStore } from "../store/graph-store.ts";
import { graphSchema, type GraphSchema, type NodeSpec, type RelSpec } from "../schema/graph-specs.ts";
import {
  type NodeShape,
  adminCell,
  adminImportCommand,
  adminNodeHeader,
  adminRelHeader,
  adminListFits,
  listValuesStatement,
  nodeBatchStatement,
  relBatchStatement,
} from "./neo4j-export-format.ts";
import { schemaStatements } from "../store/neo4j-statements.ts";
import { cypher, withSlots, type CypherText } from "../cypher/cypher-files.ts";
import { nodeColumns, relColumns, relOrder } from "../cypher/slot-domains.ts";

export const EXPORT_FORMATS = ["cypher", "neo4j-admin"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Rows of a label, or start nodes of a relationship type, read per page (each page a scan of the label). */
export const EXPORT_PAGE = 50_000;
const STATEMENT_ROWS = 500;
const TIMEOUT_MS = 600_000;

export interface GraphExportFlags {
  format?: string;
  out?: string;
}
export interface ExportedFile {
  file: string;
  what: string;
  rows: number;
}

/** The paged read of one label's nodes, ordered by key (a keyset cursor in `$after`). */
export function nodePageStatement(spec: NodeSpec): CypherText {
  return withSlots(cypher("reads/export-node-page"), { label: spec.label, key: spec.key, columns: nodeColumns(spec) });
}

/** The paged read of one relationship type with its ends' keys, by start node (a keyset cursor in `$after`). */
export function relPageStatement(rel: RelSpec, from: NodeSpec, to: NodeSpec): CypherText {
  return withSlots(cypher("reads/export-rel-page"), {
    from: from.label,
    type: rel.type,
    to: to.label,
    fromKey: from.key,
    toKey: to.key,
    columns: relColumns(rel),
    order: relOrder(rel),
  });
}

/** Every read the export sends, for the Cypher checks. */
export function exportReadStatements(schema: GraphSchema = graphSchema()): { name: string; text: CypherText; params: readonly string[] }[] {
  const byLabel = new Map(schema.nodes.map((n) => [n.label, n]));
  const named = (name: string, text: CypherText) => ({ name, text, params: text.params });
  return [
    ...schema.nodes.map((n) => named(`export nodes ${n.label}`, nodePageStatement(n))),
    ...schema.rels.map((r) => named(`export rels ${r.type}`, relPageStatement(r, byLabel.get(r.from)!, byLabel.get(r.to)!))),
  ];
}

export async function runGraphExport(flags: GraphExportFlags, config: Config, out: NodeJS.WritableStream): Promise<number> {
  const format = flags.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format))
    throw new RinglensError("invalid-input", `export: --format must be cypher or neo4j-admin, not "${flags.format}"`);
  if (!flags.out) throw new RinglensError("invalid-input", "export: --out DIR is required");
  const store = await createStore({ ...config, store: "embedded" }, { command: "export", readOnly: true });
  try {
    const files = await exportGraph(store, format, flags.out);
    for (const f of files) out.write(`export: ${f.what}: ${f.rows.toLocaleString("en")} rows → ${f.file}\n`);
    out.write(`export: see ${path.join(flags.out, "README.md")} for the command that loads it into Neo4j\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/** Writes the store's graph into `dir` in `format`; returns the files with their row counts. */
export async function exportGraph(store: GraphStore, format: ExportFormat, dir: string, pageSize = EXPORT_PAGE): Promise<ExportedFile[]> {
  const schema = graphSchema();
  fs.mkdirSync(dir, { recursive: true });
  const all = parts(store, schema, pageSize);
  return format === "cypher" ? exportCypher(all, dir) : exportAdmin(all, dir);
}

async function exportCypher(all: Part[], dir: string): Promise<ExportedFile[]> {
  const file = path.join(dir, "ringlens.cypher");
  const fd = fs.openSync(file, "w");
  const files: ExportedFile[] = [];
  try {
    fs.writeSync(fd, "// ringlens graph export: constraints first, then nodes and relationships merged in batches.\n");
    for (const statement of schemaStatements()) fs.writeSync(fd, `${statement};\n`);
    for (const part of all) {
      let count = 0;
      await part.pages(async (page) => {
        count += page.length;
        for (let i = 0; i < page.length; i += STATEMENT_ROWS) fs.writeSync(fd, part.toCypher(page.slice(i, i + STATEMENT_ROWS)));
      });
      files.push({ file, what: part.what, rows: count });
    }
  } finally {
    fs.closeSync(fd);
  }
  fs.writeFileSync(
    path.join(dir, "README.md"),
    [
      "# ringlens graph export (Cypher)",
      "",
      "Load into a Neo4j 5 database (constraints first, then MERGE batches; safe to re-run):",
      "",
      '    cypher-shell -a bolt://localhost:7687 -u neo4j -p "$NEO4J_PASSWORD" -d neo4j -f ringlens.cypher',
      "",
    ].join("\n"),
  );
  return files;
}

async function exportAdmin(all: Part[], dir: string): Promise<ExportedFile[]> {
  const files: ExportedFile[] = [];
  const nodeFiles: { label: string; file: string }[] = [];
  const relFiles: { type: string; file: string }[] = [];
  const listValues: string[] = [];
  for (const part of all) {
    const { spec } = part;
    const isNode = "label" in spec;
    const lists = spec.properties.filter((p) => p.type === "string[]");
    const name = isNode ? `nodes-${spec.label}.csv` : `rels-${spec.type}.csv`;
    const file = path.join(dir, name);
    const fd = fs.openSync(file, "w");
    let count = 0;
    try {
      fs.writeSync(fd, adminCsv(spec, [], true));
      await part.pages(async (page) => {
        count += page.length;
        fs.writeSync(fd, adminCsv(spec, page));
        for (const list of lists) {
          const unfit = page.filter((r) => Array.isArray(r[list.name]) && !adminListFits(r[list.name] as string[]));
          if (unfit.length === 0) continue;
          if (!isNode)
            throw new RinglensError(
              "invalid-input",
              `export: ${spec.type}.${list.name} holds lists a neo4j-admin CSV cannot hold (empty, or one empty string); use --format cypher`,
            );
          for (let i = 0; i < unfit.length; i += STATEMENT_ROWS) {
            listValues.push(
              listValuesStatement(
                spec,
                list,
                unfit.slice(i, i + STATEMENT_ROWS).map((r) => ({ key: String(r[spec.key]), value: r[list.name] as string[] })),
              ),
            );
          }
        }
      });
    } finally {
      fs.closeSync(fd);
    }
    if (isNode) nodeFiles.push({ label: spec.label, file: name });
    else relFiles.push({ type: spec.type, file: name });
    files.push({ file, what: part.what, rows: count });
  }
  fs.writeFileSync(
    path.join(dir, "schema.cypher"),
    [
      ...schemaStatements().map((s) => `${s};\n`),
      ...(listValues.length > 0
        ? ["// Lists a neo4j-admin CSV cannot hold (empty, or one empty string): their cells were left empty.\n", ...listValues]
        : []),
    ].join(""),
  );
  fs.writeFileSync(
    path.join(dir, "README.md"),
    [
      "# ringlens graph export (neo4j-admin)",
      "",
      "With the Neo4j server stopped, from this folder (the database is replaced):",
      "",
      `    ${adminImportCommand(nodeFiles, relFiles).replace(/\n/g, "\n    ")}`,
      "",
      "Then start Neo4j and run schema.cypher: it creates the constraints and indexes, and sets the lists a CSV cannot hold (empty, or one empty string):",
      "",
      '    cypher-shell -u neo4j -p "$NEO4J_PASSWORD" -d neo4j -f schema.cypher',
      "",
    ].join("\n"),
  );
  return files;
}

/** neo4j-admin CSV text of rows of a label or a relationship type (rels carry startId and endId), the header line first when `header`. */
export function adminCsv(spec: NodeShape | RelSpec, rows: Record<string, unknown>[], header = false): string {
  const isNode = "label" in spec;
  const records = rows.map((r) => [
    ...(isNode ? [] : [String(r.startId), String(r.endId)]),
    ...spec.properties.map((p) => adminCell(r[p.name], p)),
  ]);
  if (header) records.unshift(isNode ? adminNodeHeader(spec) : adminRelHeader(spec));
  // Leading or trailing blanks are quoted so no importer setting can trim them; an empty string
  // is quoted so it stays one (an unquoted empty cell is an absent value; nulls are written so).
  return stringify(records, { quoted_match: /^\s|\s$|^$/ });
}

interface Part {
  what: string;
  spec: NodeSpec | RelSpec;
  /** Reads the part's rows page by page, handing each page over. */
  pages(each: (page: Record<string, unknown>[]) => Promise<void>): Promise<void>;
  /** One cypher-shell statement merging a batch of the part's rows. */
  toCypher(rows: Record<string, unknown>[]): string;
}

/** Every node label, then every relationship type, as paged readers. */
function parts(store: GraphStore, schema: GraphSchema, pageSize: number): Part[] {
  const byLabel = new Map(schema.nodes.map((n) => [n.label, n]));
  const read = (text: CypherText, params: Record<string, unknown>) =>
    store.query(text, params, { timeoutMs: TIMEOUT_MS }).then((r) => r.rows);
  const nodes = schema.nodes.map(
    (spec): Part => ({
      what: `${spec.label} nodes`,
      spec,
      toCypher: (rows) => nodeBatchStatement(spec, rows),
      async pages(each) {
        const text = nodePageStatement(spec);
        for (let after = ""; ; ) {
          const rows = await read(text, { after, limit: pageSize });
          if (rows.length > 0) await each(rows);
          if (rows.length < pageSize) return;
          after = String(rows[rows.length - 1]![spec.key]);
        }
      },
    }),
  );
  const rels = schema.rels.map((spec): Part => {
    const from = byLabel.get(spec.from)!;
    const to = byLabel.get(spec.to)!;
    return {
      what: `${spec.type} relationships`,
      spec,
      toCypher: (rows) => relBatchStatement(spec, from, to, rows),
      async pages(each) {
        const text = relPageStatement(spec, from, to);
        for (let after = ""; ; ) {
          const rows = await read(text, { after, limit: pageSize });
          let starts = 0;
          for (let i = 0; i < rows.length; i++) if (i === 0 || rows[i]!.startId !== rows[i - 1]!.startId) starts++;
          // A start node without relationships of this type comes back once, with no end.
          const rels = rows.filter((r) => r.endId !== null && r.endId !== undefined);
          if (rels.length > 0) await each(rels);
          if (starts < pageSize) return;
          after = String(rows[rows.length - 1]!.startId);
        }
      },
    };
  });
  return [...nodes, ...rels];
}
