/**
 * Every Cypher text ringlens can send to Neo4j, checked by Neo4j's own parser and semantic
 * analysis (@neo4j-cypher/language-support): syntax errors, deprecations, unknown labels,
 * relationship types, property keys and undeclared parameters all fail, naming the text.
 * The schema comes from cypher/schema/embedded.cypher. Also: no Cypher is assembled from
 * user input — every value spliced into Cypher source is on a reviewed whitelist.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintCypherQuery, type DbSchema } from "@neo4j-cypher/language-support";
import { readGraphSchema, parseGraphSchema } from "../../server/store/neo4j-graph-schema.ts";
import { RETIRED_LABEL, STAGING_LABEL } from "../../server/store/neo4j-analysis-io.ts";
import { exportGraph, exportReadStatements } from "../../server/cli/export-graph-command.ts";
import { checkNodeType } from "../../server/read-model/graph-reads.ts";
import { openEmbeddedStore, type EmbeddedStore } from "../../server/store/embedded-store.ts";
import { importFolder } from "../../server/ingest/import-folder.ts";
import { runAnalysis } from "../../server/tasks/run-analysis.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";
import { collectCypher, QUERY_CALLERS, type CollectedText } from "./collect-cypher.ts";
import { findCypherTemplates } from "./cypher-templates.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const graph = readGraphSchema();
const BASE: DbSchema = {
  labels: graph.nodes.map((n) => n.label),
  relationshipTypes: graph.rels.map((r) => r.type),
  propertyKeys: [...new Set([...graph.nodes, ...graph.rels].flatMap((t) => t.properties.map((p) => p.name)))],
};
/** Adapter-internal names, not in the shared schema: staged rings of a running analysis, replaced rings being deleted. */
const ADAPTER_EXTRAS = { labels: [STAGING_LABEL, RETIRED_LABEL], propertyKeys: ["analysisId"] };

interface Finding { name: string; text: string; problems: string[] }

/** The schema one text is linted with: the shared one, its declared parameters, its row fields. */
function schemaFor(t: { params: readonly string[]; rowFields?: readonly string[]; source?: string }): DbSchema {
  const extras = t.source === "adapter" ? ADAPTER_EXTRAS : { labels: [], propertyKeys: [] };
  return {
    labels: [...BASE.labels!, ...extras.labels],
    relationshipTypes: BASE.relationshipTypes,
    propertyKeys: [...BASE.propertyKeys!, ...extras.propertyKeys, ...(t.rowFields ?? [])],
    parameters: Object.fromEntries(t.params.map((p) => [p, "x"])),
  };
}

function lint(name: string, text: string, schema: DbSchema): Finding | null {
  const problems = lintCypherQuery(text, schema).diagnostics.map((d) => `${d.severity === 1 ? "error" : "warning"}: ${d.message}`);
  return problems.length ? { name, text, problems } : null;
}

const report = (findings: Finding[]) => findings.map((f) => `\n— ${f.name}\n  ${f.problems.join("\n  ")}\n  in: ${f.text.slice(0, 400)}`).join("\n");

describe("Cypher checked by Neo4j's parser", () => {
  let texts: CollectedText[];
  let checked = 0;
  beforeAll(async () => { texts = await collectCypher(); });
  afterAll(() => console.info(`neo4j-cypher: ${checked} Cypher texts checked by Neo4j's parser`));

  it("collects the adapter's statements, every saved query and what the read model and CLI send", () => {
    const bySource = (s: CollectedText["source"]) => texts.filter((t) => t.source === s).length;
    expect(bySource("adapter")).toBeGreaterThanOrEqual(40);
    expect(bySource("saved query")).toBeGreaterThanOrEqual(14);
    expect(bySource("read model")).toBeGreaterThanOrEqual(80);
    expect(bySource("cli")).toBe(2);
  });

  it("finds no syntax error, deprecation, unknown name or undeclared parameter in any of them", () => {
    const findings = texts.map((t) => lint(`${t.source}: ${t.name}`, t.text, schemaFor(t))).filter((f): f is Finding => f !== null);
    checked += texts.length;
    expect(findings, report(findings)).toEqual([]);
  }, 300_000);

  it("finds none in the export's page reads either", () => {
    const reads = exportReadStatements();
    const findings = reads.map((r) => lint(r.name, r.text, schemaFor(r))).filter((f): f is Finding => f !== null);
    checked += reads.length;
    expect(findings, report(findings)).toEqual([]);
  }, 120_000);

  it("finds none in a `ringlens export --format cypher` script of the small fixture", async () => {
    const dir = tempDir("ringlens-lint-export-");
    let store: EmbeddedStore | undefined;
    try {
      store = await openEmbeddedStore({ folder: path.join(dir, "db"), command: "test" });
      await store.ensureSchema();
      await importFolder({ folder: path.join(FIXTURES, "small"), store, rejectFile: path.join(dir, "r.csv") });
      await runAnalysis(store, { hubThreshold: 10, now: Date.UTC(2024, 6, 1) });
      await store.setMeta("nasty", "O'Brien \\ \"q\" \n\t日本 😀 \u0001 \\u0027 '; MATCH (n) DETACH DELETE n //");
      await exportGraph(store, "cypher", path.join(dir, "out"));
    } finally {
      await store?.close();
    }
    const script = fs.readFileSync(path.join(dir, "out", "ringlens.cypher"), "utf8");
    const statements = script.split(/;\n/).filter((s) => s.trim() && !s.trim().startsWith("//")).length;
    const finding = lint("export script", script, schemaFor({ params: [], source: "adapter" }));
    checked += statements;
    expect(finding?.problems ?? [], finding ? report([finding]) : "").toEqual([]);
  }, 180_000);

  it("notices a broken text: the check itself works", () => {
    expect(lint("typo", "MATCH (a:Acount {id: $id}) RETRUN a", schemaFor({ params: ["id"] }))).not.toBeNull();
    expect(lint("undeclared", "MATCH (a:Account {id: $nope}) RETURN a", schemaFor({ params: [] }))).not.toBeNull();
    expect(lint("unknown property", "MATCH (a:Account) RETURN a.nickname", schemaFor({ params: [] }))).not.toBeNull();
  });
});

/**
 * Every expression spliced into Cypher in server/, and why it cannot carry user input.
 * A new interpolation fails the test until it is reviewed and listed here.
 */
const WHITELIST: Record<string, Record<string, string>> = {
  "server/read-model/graph-reads.ts": {
    members: "a constant MATCH fragment",
    label: "checkNodeType(): one of NODE_TYPES, or not-found; in markSuspects a constant IDENTIFIER_KINDS pair",
    rel: "markSuspects: a constant IDENTIFIER_KINDS pair",
    IDENTIFIER_RELS: "relationship types of IDENTIFIER_KINDS, constants",
  },
  "server/read-model/ring-reads.ts": {
    'where.join(" AND ")': "fixed fragments, values as $params",
    clause: "the WHERE built from fixed fragments",
    SUMMARY: "a constant RETURN list",
    "RING_SORTS[filter.sort]": "a whitelist map of sort keys",
  },
  "server/cli/export-graph-command.ts": {
    "spec.label": "graph schema names (plain identifiers, parseGraphSchema)", "spec.key": "graph schema names",
    "from.label": "graph schema names", "to.label": "graph schema names", "from.key": "graph schema names", "to.key": "graph schema names",
    "rel.type": "graph schema names", columns: "joined graph schema property names", order: "joined graph schema property names",
  },
  "server/store/neo4j-export.ts": {
    list: "rows rendered by cypherLiteral(): every value an escaped literal",
    "spec.label": "graph schema names", "spec.key": "graph schema names", "from.label": "graph schema names", "from.key": "graph schema names",
    "to.label": "graph schema names", "to.key": "graph schema names", "rel.type": "graph schema names", "property.name": "graph schema names",
    'keys ? ` {${keys}}` : ""': "REL_MERGE_KEYS constant", 'hasProps ? " SET r += row[2]" : ""': "constant text",
  },
  "server/store/neo4j-statements.ts": { label: "NODE_LABELS", type: "REL_TYPES" },
  "server/store/neo4j-analysis-io.ts": { rel: "IDENTIFIER_KINDS", label: "IDENTIFIER_KINDS" },
  "server/store/embedded-store.ts": { label: "NODE_LABELS", type: "REL_TYPES" },
  "server/store/embedded-analysis-io.ts": {
    match: "readInput()'s constant statements", file: "a temp file the store made (mkdtemp)",
    rel: "IDENTIFIER_KINDS", label: "IDENTIFIER_KINDS", ringsFile: "a temp file the store made", membersFile: "a temp file the store made",
    suspectsFile: "a temp file the store made", analysedAt: "new Date(number).toISOString()",
    LIST_SEPARATOR: "a constant (the unit separator)",
  },
  "server/store/embedded-loads.ts": {
    label: "LOAD_SPECS constants", 'setList("n", columns)': "LOAD_SPECS column constants",
    rel: "LOAD_SPECS constants (identifier use relationships)", set: "setList/convert of LOAD_SPECS column constants",
    'set === "" ? "" : ` SET ${set}`': "setList/convert of LOAD_SPECS column constants",
    'setList("n", REFUND_COLUMNS.filter((c) => c.name !== "accountId" && c.name !== "employeeId"))': "LOAD_SPECS column constants",
    'convert(t("firstSeen"))': "constant column", 'convert(t("lastSeen"))': "constant column",
    header: "LOAD_SPECS column names", file: "a temp file the store made (mkdtemp)", m: "LOAD_SPECS merge constants",
    "loadFrom(keyColumns(kind), keysFile)": "key column constants and a temp file the store made", from: "loadFrom of LOAD_SPECS columns and a temp file the store made",
    "LOAD_SPECS[kind].existing": "LOAD_SPECS constants",
    out: "a temp file the store made", table: "LOAD_SPECS copy table names",
  },
};

/** Stores that pass their caller's text on unchanged and have none of their own. */
const FORWARDERS = ["server/store/supervised-store.ts"];

describe("no Cypher assembled from user input", () => {
  const templates = findCypherTemplates(path.join(ROOT, "server"), ROOT);

  it("splices only whitelisted expressions into Cypher text anywhere in server/", () => {
    const unknown = templates.flatMap((t) => t.expressions.filter((e) => !(e in (WHITELIST[t.file] ?? {}))).map((e) => `${t.file}:${t.line} \${${e}}`));
    expect(templates.length).toBeGreaterThan(20);
    expect(unknown, `review these interpolations and list them in WHITELIST with the reason they are safe:\n${unknown.join("\n")}`).toEqual([]);
  });

  it("keeps the whitelist's guards honest: node types, sort keys and schema names are checked", () => {
    expect(() => checkNodeType("Account {id: 'x'}) DETACH DELETE (n")).toThrow();
    expect(checkNodeType("account")).toBe("Account");
    expect(() => parseGraphSchema("CREATE NODE TABLE `Bad Label`(id STRING PRIMARY KEY);")).toThrow();
    expect(() => parseGraphSchema("CREATE NODE TABLE Ok(id STRING PRIMARY KEY, `x y` STRING);")).toThrow();
  });

  it("sends store.query only from modules whose texts the parser check collects", () => {
    const callers = listTs(path.join(ROOT, "server"))
      .filter((f) => !path.basename(f).startsWith("embedded-") && /\.query\(/.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(ROOT, f)).sort();
    expect(callers.filter((f) => !QUERY_CALLERS.includes(f) && !FORWARDERS.includes(f))).toEqual([]);
  });
});

function listTs(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listTs(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}
