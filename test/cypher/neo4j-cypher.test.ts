/**
 * Every Cypher text ringlens can send to Neo4j, checked by Neo4j's own parser and semantic
 * analysis (@neo4j-cypher/language-support): syntax errors, deprecations, unknown labels,
 * relationship types, property keys and undeclared parameters all fail, naming the text.
 * The texts are the adapter's statements and every file of cypher/reads/ and cypher/queries/
 * (listed, not recorded); the schema comes from cypher/schema/embedded.cypher. Also: no Cypher
 * is assembled from user input — every value spliced into Cypher source is on a reviewed
 * whitelist, slots are filled only from their domains, and store.query gets only texts from cypher/.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintCypherQuery, type DbSchema } from "@neo4j-cypher/language-support";
import { readGraphSchema, parseGraphSchema } from "../../server/store/neo4j-graph-schema.ts";
import { RETIRED_LABEL, STAGING_LABEL } from "../../server/store/neo4j-analysis-io.ts";
import { IDENTIFIER_KINDS } from "../../server/domain/model.ts";
import { exportGraph, exportReadStatements } from "../../server/cli/export-graph-command.ts";
import { checkNodeType } from "../../server/read-model/graph-reads.ts";
import { RING_SORTS } from "../../server/read-model/ring-reads.ts";
import { cypher, listCypherFiles, withSlots } from "../../server/cypher/cypher-files.ts";
import { openEmbeddedStore, type EmbeddedStore } from "../../server/store/embedded-store.ts";
import { importFolder } from "../../server/ingest/import-folder.ts";
import { runAnalysis } from "../../server/tasks/run-analysis.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";
import { collectCypher, listedTexts, type CollectedText } from "./collect-cypher.ts";
import ts from "typescript";
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
  const extras = t.source === "adapter" || t.source === "store" ? ADAPTER_EXTRAS : { labels: [], propertyKeys: [] };
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
  beforeAll(() => { texts = collectCypher(); });
  afterAll(() => console.info(`neo4j-cypher: ${checked} Cypher texts checked by Neo4j's parser`));

  it("collects the adapter's statements and every file of cypher/reads/ and cypher/queries/, each slot filling", () => {
    const bySource = (s: CollectedText["source"]) => texts.filter((t) => t.source === s).length;
    expect(bySource("adapter")).toBeGreaterThanOrEqual(40);
    expect(bySource("queries")).toBe(listCypherFiles("queries").length);
    expect(bySource("reads")).toBeGreaterThanOrEqual(80);
    // The export's page reads, once per table of the graph schema.
    expect(texts.filter((t) => t.name.startsWith("reads/export-")).length).toBeGreaterThanOrEqual(exportReadStatements().length);
    const names = new Set(texts.map((t) => t.name.replace(/\[.*$/, "")));
    expect(listCypherFiles("reads").map((f) => `reads/${f.replace(/\.cypher$/, "")}`).filter((n) => !names.has(n))).toEqual([]);
  });

  it("finds no syntax error, deprecation, unknown name or undeclared parameter in any of them", () => {
    const findings = texts.map((t) => lint(`${t.source}: ${t.name}`, t.text, schemaFor(t))).filter((f): f is Finding => f !== null);
    checked += texts.length;
    expect(findings, report(findings)).toEqual([]);
  }, 300_000);

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


describe("no Cypher assembled from user input", () => {
  const templates = findCypherTemplates(path.join(ROOT, "server"), ROOT);

  it("splices only whitelisted expressions into Cypher text anywhere in server/", () => {
    const unknown = templates.flatMap((t) => t.expressions.filter((e) => !(e in (WHITELIST[t.file] ?? {}))).map((e) => `${t.file}:${t.line} \${${e}}`));
    expect(templates.length).toBeGreaterThan(20);
    expect(unknown, `review these interpolations and list them in WHITELIST with the reason they are safe:\n${unknown.join("\n")}`).toEqual([]);
  });

  it("keeps the whitelist's guards honest: node types, slots and schema names are checked", () => {
    expect(() => checkNodeType("Account {id: 'x'}) DETACH DELETE (n")).toThrow();
    expect(checkNodeType("account")).toBe("Account");
    expect(() => withSlots(cypher("reads/node"), { label: "Account {id: 'x'}) DETACH DELETE (n" })).toThrow(/slot label must be one of/);
    expect(() => withSlots(cypher("reads/node"), {})).toThrow();
    expect(() => withSlots(cypher("reads/node"), { label: "Account", rel: "USES" })).toThrow(/no slot rel/);
    expect(withSlots(cypher("reads/node"), { label: "Account" }).kuzu).toBe("MATCH (n:Account {id: $id}) RETURN n");
    expect(() => parseGraphSchema("CREATE NODE TABLE `Bad Label`(id STRING PRIMARY KEY);")).toThrow();
    expect(() => parseGraphSchema("CREATE NODE TABLE Ok(id STRING PRIMARY KEY, `x y` STRING);")).toThrow();
  });

  it("gives store.query no inline text anywhere in server/: its first argument is never a string", () => {
    const inline = listTs(path.join(ROOT, "server")).filter((f) => !f.endsWith("embedded-connection.ts")).flatMap((file) => {
      const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
      const found: string[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "query") {
          const first = node.arguments[0];
          if (first && (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first) || ts.isBinaryExpression(first))) {
            found.push(`${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      return found;
    });
    expect(inline).toEqual([]);
  });

  it("makes CypherText only in server/cypher/, so every text a store runs was read from a file under cypher/", () => {
    const makers = listTs(path.join(ROOT, "server"))
      .filter((f) => !f.includes(`${path.sep}cypher${path.sep}`) && /(as|satisfies)\s+(unknown\s+as\s+)?CypherText\b|<CypherText>/.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(ROOT, f));
    expect(makers).toEqual([]);
  });
});

describe("the files under cypher/ a store runs", () => {
  const files = listedTexts();

  it("declare every $parameter either dialect uses, and use every one they declare", () => {
    const problems = files.flatMap((t) => {
      const used = new Set([...`${t.neo4j}\n${t.kuzu}`.matchAll(/\$(\w+)/g)].map((m) => m[1]!));
      return [
        ...[...used].filter((p) => !t.params.includes(p)).map((p) => `${t.name}: $${p} is not declared (// @param ${p})`),
        ...t.params.filter((p) => !used.has(p)).map((p) => `${t.name}: @param ${p} is not used`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it("filter the ring list the same way in the count and in each sort's page, one page per sort key", () => {
    const where = (name: string) => /WHERE[\s\S]*?(?=\nRETURN)/.exec(cypher(name).neo4j)?.[0];
    const pages = listCypherFiles("reads").filter((f) => f.startsWith("ring-page-by-")).map((f) => `reads/${f.replace(/\.cypher$/, "")}`);
    expect(pages).toEqual(Object.values(RING_SORTS).sort());
    for (const page of pages) expect(where(page), page).toBe(where("reads/ring-count"));
  });

  it("show a ring's identifiers over every relationship type of IDENTIFIER_KINDS", () => {
    const rels = /\[s:([\w|]+)\]/.exec(cypher("reads/ring-graph-identifiers").neo4j)?.[1]?.split("|");
    expect(rels).toEqual(IDENTIFIER_KINDS.map((k) => k.rel));
  });
});

function listTs(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listTs(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}
