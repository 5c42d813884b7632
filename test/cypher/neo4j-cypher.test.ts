/**
 * Every Cypher text ringlens can send to Neo4j, checked by Neo4j's own parser and semantic
 * analysis (@neo4j-cypher/language-support): syntax errors, deprecations, unknown labels,
 * relationship types, property keys and undeclared parameters all fail, naming the text.
 * The texts are the adapter's statements and every file of cypher/reads/, cypher/queries/ and
 * cypher/store/ (listed, not recorded); the schema comes from the graph description
 * (server/schema/graph-schema.ts). Also: no Cypher is assembled from user input — every value
 * spliced into Cypher source is on a reviewed whitelist, slots are filled only from their
 * domains, and store.query gets only texts from cypher/.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintCypherQuery, type DbSchema } from "@neo4j-cypher/language-support";
import { graphSchema, toGraphSchema } from "../../server/schema/graph-specs.ts";
import { RING_STAGING } from "../../server/schema/graph-schema.ts";
import { IDENTIFIER_KINDS } from "../../server/domain/model.ts";
import { exportGraph, exportReadStatements } from "../../server/cli/export-graph-command.ts";
import { checkNodeType, ringGraphReads } from "../../server/read-model/graph-reads.ts";
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
const graph = graphSchema();
const BASE: DbSchema = {
  labels: graph.nodes.map((n) => n.label),
  relationshipTypes: graph.rels.map((r) => r.type),
  propertyKeys: [...new Set([...graph.nodes, ...graph.rels].flatMap((t) => t.properties.map((p) => p.name)))],
};
/** Adapter-internal names, not in the shared schema: staged rings of a running analysis, replaced rings being deleted. */
const ADAPTER_EXTRAS = { labels: [RING_STAGING.staged, RING_STAGING.retired], propertyKeys: [RING_STAGING.analysisId] };

interface Finding {
  name: string;
  text: string;
  problems: string[];
}

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

/**
 * Warnings a reviewed text may carry, by text and exact message, with the reason. GDS's Cypher
 * projection takes node numbers (elementId is text), so the in-store analysis numbers nodes with id().
 */
const ACCEPTED: Record<string, { message: string; reason: string }[]> = Object.fromEntries(
  ["store/neo4j-gds-project-links[]", "store/neo4j-gds-components"].map((name) => [
    name,
    [
      {
        message:
          "warning: The query used a deprecated function. ('id' has been replaced by 'elementId or consider using an application-generated id')",
        reason: "gds.graph.project's Cypher projection takes integer node ids; one node gives one identifier per link kind",
      },
    ],
  ]),
);

function lint(name: string, text: string, schema: DbSchema): Finding | null {
  const accepted = new Set((ACCEPTED[name.replace(/^\w+: /, "")] ?? []).map((a) => a.message));
  const problems = lintCypherQuery(text, schema)
    .diagnostics.map((d) => `${d.severity === 1 ? "error" : "warning"}: ${d.message}`)
    .filter((p) => !accepted.has(p));
  return problems.length ? { name, text, problems } : null;
}

const report = (findings: Finding[]) =>
  findings.map((f) => `\n— ${f.name}\n  ${f.problems.join("\n  ")}\n  in: ${f.text.slice(0, 400)}`).join("\n");

describe("Cypher checked by Neo4j's parser", () => {
  let texts: CollectedText[];
  let checked = 0;
  beforeAll(() => {
    texts = collectCypher();
  });
  afterAll(() => console.info(`neo4j-cypher: ${checked} Cypher texts checked by Neo4j's parser`));

  it("collects the adapter's statements and every file of cypher/reads/ and cypher/queries/, each slot filling", () => {
    const bySource = (s: CollectedText["source"]) => texts.filter((t) => t.source === s).length;
    expect(bySource("adapter")).toBeGreaterThanOrEqual(40);
    expect(bySource("queries")).toBe(listCypherFiles("queries").length);
    expect(bySource("reads")).toBeGreaterThanOrEqual(80);
    // The export's page reads, once per table of the graph schema.
    expect(texts.filter((t) => t.name.startsWith("reads/export-")).length).toBeGreaterThanOrEqual(exportReadStatements().length);
    const names = new Set(texts.map((t) => t.name.replace(/\[.*$/, "")));
    expect(
      listCypherFiles("reads")
        .map((f) => `reads/${f.replace(/\.cypher$/, "")}`)
        .filter((n) => !names.has(n)),
    ).toEqual([]);
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
  "server/cli/neo4j-export-format.ts": {
    list: "rows rendered by cypherLiteral(): every value an escaped literal",
    "spec.label": "graph description names",
    "spec.key": "graph description names",
    "from.label": "graph description names",
    "from.key": "graph description names",
    "to.label": "graph description names",
    "to.key": "graph description names",
    "rel.type": "graph description names",
    "property.name": "graph description names",
    'keys ? ` {${keys}}` : ""': "the description's mergeOn property names",
    'hasProps ? " SET r += row[2]" : ""': "constant text",
  },
  // Derived from the graph description: every name spliced in is a node kind, relationship
  // type, property or load field of server/schema/graph-schema.ts, each checked a plain
  // identifier by toGraphSchema (the guard test below); values only through $params or staged files.
  "server/schema/kuzu-ddl.ts": {
    "n.label": "graph description names",
    "r.type": "graph description names",
    '[`${column(key!)} PRIMARY KEY`, ...rest.map(column)].join(", ")': "graph description property names and KUZU_TYPES constants",
    '[`FROM ${r.from} TO ${r.to}`, ...r.properties.map(column)].join(", ")': "graph description names and KUZU_TYPES constants",
  },
  "server/schema/neo4j-ddl.ts": {
    "snake(label)": "graph description names, snake-cased",
    "snake(n.label)": "graph description names, snake-cased",
    label: "graph description names or RING_STAGING",
    property: "graph description property names",
    "n.key": "graph description names",
    "n.label": "graph description names",
  },
  "server/store/store-statements.ts": { label: "NODE_LABELS of the graph description", type: "REL_TYPES of the graph description" },
  "server/store/neo4j-analysis-io.ts": {
    rel: "IDENTIFIER_KINDS and CONTACT_LINK_KINDS",
    label: "IDENTIFIER_KINDS and CONTACT_LINK_KINDS (node labels)",
    "RING_STAGING.staged": "a constant label",
    "RING_STAGING.analysisId": "a constant property name",
    'properties.join(", ")': "`name: row.name` of the description's Ring properties, $analysisId, $analysedAt",
    "nodeSpec(rel.to).key": "graph description names",
    "nodeSpec(rel.from).key": "graph description names",
    "rel.from": "graph description names",
    "rel.type": "graph description names",
    "start!.name": "staged column names (endField of description labels)",
    "end!.name": "staged column names (endField of description labels)",
    set: "`name: row.name` of the description's relationship properties",
  },
  "server/store/neo4j-upserts.ts": {
    'columns.map((c) => `${variable}.${c.name} = row.${c.name}`).join(", ")': "graph description property names on a constant variable",
    unwind: "a constant",
    self: "graph description label and key",
    'sets("n", properties)': "graph description property names",
    'sets("r", rest)': "graph description property names",
    "rel.load.field": "graph description load field",
    guard: "constant text around a description load field",
    start: "graph description label, key and load field",
    "rel.type": "graph description names",
    "rel.from": "graph description names",
    "rel.to": "graph description names",
    "nodeSpec(rel.from).key": "graph description names",
    "nodeSpec(rel.to).key": "graph description names",
    startField: "graph description load field",
    endField: "graph description load field",
    on: "graph description mergeOn properties",
  },
  "server/store/embedded-analysis-read.ts": {
    match: "constant statements (cypher/store/kuzu-analysis-*.cypher, links from IDENTIFIER_KINDS)",
    file: "a temp file the store made (mkdtemp)",
    rel: "IDENTIFIER_KINDS and CONTACT_LINK_KINDS",
    label: "IDENTIFIER_KINDS",
    node: "CONTACT_LINK_KINDS (node labels)",
  },
  "server/store/embedded-search-index.ts": {
    "search.label": "PREFIX_SEARCHES labels (graph description names)",
    property: "PREFIX_SEARCHES property names",
    "keyOf(property, lowered)": "lower() or concat() of a PREFIX_SEARCHES property",
    label: "coalesce() of PREFIX_SEARCHES property names, or n.id",
    rows: "the MATCH … WITH built above from those names",
    where: "empty, or NOT of QUOTED",
    columns: "constant column lists",
    QUOTED: "CONTAINS tests of constant variables against $parameters",
    file: "a temp file the store made (mkdtemp)",
  },
  "server/store/embedded-analysis-writes.ts": {
    "header(columns)": "the description's property names and KUZU_TYPES",
    file: "a temp file the store made (mkdtemp)",
    CELL_QUOTE: "a constant control character",
    'parallel ? "" : ", parallel=false"': "constant text",
    "stagedName(RING.label)": "RING_STAGING.staged, a constant label",
    "stagedName(type)": "a graph description relationship type plus a constant suffix",
    "load(columns, file, false)": "LOAD of a temp file the store made, with the description's column names and types",
    "load(columns, file, parallel)": "LOAD of a temp file the store made, with the description's column names and types",
    'returned.join(", ")':
      "the description's property names, the list split with LIST_SEPARATOR, and the run's time (new Date(number).toISOString())",
  },
  "server/cypher/slot-domains.ts": {
    "linkPath(label)": "a path built from LINK_KINDS' relationship types and node labels",
    k: "a link kind's number (its position in LINK_KINDS plus 1)",
    "k - 1": "a link kind's position in LINK_KINDS",
    'LINK_KINDS.map((kind, n) => branch(kind.label, n + 1)).join("\\n    UNION ALL\\n    ")':
      "one branch per LINK_KINDS entry, built as above",
  },
  "server/store/embedded-loads.ts": {
    set: "setClause of graph description property names",
    "shape.node.label": "graph description label (the count of a kind's table)",
    "shape.rel.type": "graph description relationship type (the count of a kind's table)",
    self: "graph description label and key",
    'setClause("n", properties)': "graph description property names",
    'setClause("r", rest)': "graph description property names",
    "rel.from": "graph description names",
    "rel.to": "graph description names",
    "rel.type": "graph description names",
    "nodeSpec(rel.from).key": "graph description names",
    "rel.load.field": "graph description load field",
    start: "graph description label, key and load field",
    "key!.name": "graph description key",
    fromKey: "graph description key",
    toKey: "graph description key",
    startField: "graph description load field",
    endField: "graph description load field",
    'mergeOn.map((c) => `r.${c.name} = ${c.name}`).join(" AND ")': "graph description mergeOn properties",
    ends: "graph description names and load fields",
    on: "graph description mergeOn properties",
    where: "graph description mergeOn properties",
    '[`a.${fromKey}`, `x.${toKey}`, ...mergeOn.map((c) => `r.${c.name}`)].join(", ")': "graph description keys and mergeOn properties",
    header: "row field names of the description",
    file: "a temp file the store made (mkdtemp)",
    "loadFrom(keyColumns(kind), keysFile)": "key fields of the description and a temp file the store made",
    "LOAD_SPECS[kind].existing": "derived from the description",
    out: "a temp file the store made",
    table: "graph description label or type",
  },
};

describe("no Cypher assembled from user input", () => {
  const templates = findCypherTemplates(path.join(ROOT, "server"), ROOT);

  it("splices only whitelisted expressions into Cypher text anywhere in server/", () => {
    const unknown = templates.flatMap((t) =>
      t.expressions.filter((e) => !(e in (WHITELIST[t.file] ?? {}))).map((e) => `${t.file}:${t.line} \${${e}}`),
    );
    expect(templates.length).toBeGreaterThan(20);
    expect(unknown, `review these interpolations and list them in WHITELIST with the reason they are safe:\n${unknown.join("\n")}`).toEqual(
      [],
    );
  });

  it("keeps the whitelist's guards honest: node types, slots and schema names are checked", () => {
    expect(() => checkNodeType("Account {id: 'x'}) DETACH DELETE (n")).toThrow();
    expect(checkNodeType("account")).toBe("Account");
    expect(() => withSlots(cypher("reads/node"), { label: "Account {id: 'x'}) DETACH DELETE (n" })).toThrow(/slot label must be one of/);
    expect(() => withSlots(cypher("reads/node"), {})).toThrow();
    expect(() => withSlots(cypher("reads/node"), { label: "Account", rel: "USES" })).toThrow(/no slot rel/);
    expect(withSlots(cypher("reads/node"), { label: "Account" }).kuzu).toBe("MATCH (n:Account {id: $id}) RETURN n");
    const node = (properties: Record<string, { type: "string"; source: [] }>) => ({ key: "id", keySource: [], properties });
    expect(() => toGraphSchema({ nodes: { "Bad Label": node({}) }, rels: {} })).toThrow(/not a plain identifier/);
    expect(() => toGraphSchema({ nodes: { Ok: node({ "x y": { type: "string", source: [] } }) }, rels: {} })).toThrow(
      /not a plain identifier/,
    );
    expect(() =>
      toGraphSchema({ nodes: { Ok: node({}) }, rels: { "R}]->(x) DETACH DELETE x//": { from: "Ok", to: "Ok", properties: {} } } }),
    ).toThrow(/not a plain identifier/);
  });

  it("gives store.query no inline text anywhere in server/: its first argument is never a string", () => {
    const inline = listTs(path.join(ROOT, "server"))
      .filter((f) => !f.endsWith("embedded-connection.ts"))
      .flatMap((file) => {
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
      .filter(
        (f) =>
          !f.includes(`${path.sep}cypher${path.sep}`) &&
          /(as|satisfies)\s+(unknown\s+as\s+)?CypherText\b|<CypherText>/.test(fs.readFileSync(f, "utf8")),
      )
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
    const pages = listCypherFiles("reads")
      .filter((f) => f.startsWith("ring-page-by-"))
      .map((f) => `reads/${f.replace(/\.cypher$/, "")}`);
    expect(pages).toEqual(Object.values(RING_SORTS).sort());
    for (const page of pages) expect(where(page), page).toBe(where("reads/ring-count"));
  });

  it("show a ring's identifiers over every relationship type of IDENTIFIER_KINDS, one kind a statement", () => {
    expect(cypher("reads/ring-graph-identifiers").slots).toEqual({
      rel: "identifier-rel",
      label: "identifier-label",
      sColumns: "graph-rel-columns",
      xColumns: "graph-node-columns",
    });
    const rels = ringGraphReads()
      .filter((r) => r.text.name.startsWith("reads/ring-graph-identifiers["))
      .map((r) => /\[s:(\w+)\]/.exec(r.text.neo4j)?.[1]);
    expect(rels).toEqual(IDENTIFIER_KINDS.map((k) => k.rel));
  });
});

function listTs(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listTs(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}
