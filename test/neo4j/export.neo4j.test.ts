/**
 * `ringlens export` loaded into a real Neo4j 5. The small fixture (plus an account and a device
 * whose ids and texts carry quotes, backslashes, `;`, comment markers and Unicode) is loaded and
 * analysed in the embedded store with the real CLI and exported in both formats:
 * - `--format cypher`: the script run statement by statement as cypher-shell would, into the
 *   test project's Neo4j;
 * - `--format neo4j-admin`: the README's import command run by Neo4j's own import tool
 *   (tools/neo4j runLocalNeo4jAdmin) into a fresh folder, a second local Neo4j started on it.
 * Then Neo4j must hold what the embedded store holds: the same counts per label and type, every
 * property with the schema's type (the type ringlens' own Neo4j adapter writes), every value the
 * same, and ringlens opened on that Neo4j must answer its read model and saved queries the same.
 */
import fs from "node:fs";
import path from "node:path";
import neo4j, { type DateTime, type Driver, type Record as Neo4jRecord } from "neo4j-driver";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.ts";
import { adminCsv, exportReadStatements } from "../../server/cli/export-graph-command.ts";
import { bindParams, loadCatalogue } from "../../server/queries/catalogue.ts";
import { getRing, listRings } from "../../server/read-model/ring-reads.ts";
import { ringGraph } from "../../server/read-model/graph-reads.ts";
import { sharedIdentifiers } from "../../server/read-model/shared-identifiers.ts";
import { createStore } from "../../server/store/create-store.ts";
import type { GraphStore } from "../../server/store/graph-store.ts";
import { adminCell, adminListFits, cypherLiteral, listValuesStatement, nodeBatchStatement } from "../../server/cli/neo4j-export-format.ts";
import { graphSchema, type PropertyType } from "../../server/schema/graph-specs.ts";
import { dateTimeToMillis } from "../../server/store/neo4j-values.ts";
import { splitCypherScript } from "../helpers/cypher-script.ts";
import { describeOnNeo4j, neo4jConfig, neo4jEnv, wipeNeo4j, type Neo4jTarget } from "../helpers/neo4j-target.ts";
import { LocalNeo4jError, runLocalNeo4jAdmin, startLocalNeo4j, type LocalNeo4j } from "../../tools/neo4j/local-neo4j.ts";
import { runCli } from "../helpers/run-cli.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";

const T = 30_000;
/** Ids and texts no literal may break: quotes, backslashes, a literal `\u0027`, `;` and comment markers, Unicode beyond the BMP. */
const NASTY_ID = 'Q\'uote \\ back\\slash "dq" 日本語 😀 é \\u0027 ; // x /* y */';
const NASTY_NAME = "Multi\nline; 'name' \\ \"dq\"\ttab 😀";
const NASTY_DEVICE = 'dev \' \\ 😀 "x";';
const NASTY_CREATED = "2024-05-06T07:08:09.123Z";

/** valueType() of a stored empty list (checked against the driver's own parameters by emptyListType). */
const EMPTY_LIST_TYPE = "LIST<NOTHING> NOT NULL";
/** Cypher's valueType() of a stored property of each schema type. */
const VALUE_TYPES: Record<PropertyType, string> = {
  string: "STRING NOT NULL",
  long: "INTEGER NOT NULL",
  double: "FLOAT NOT NULL",
  boolean: "BOOLEAN NOT NULL",
  datetime: "ZONED DATETIME NOT NULL",
  "string[]": "LIST<STRING NOT NULL> NOT NULL",
};

/**
 * Lists of plain values with no order of their own (collect(DISTINCT …)) sorted, and keys in one
 * order (engines return a node's properties in their own), so answers compare as JSON.
 */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(comparable);
    return items.every((v) => v === null || typeof v !== "object") ? [...items].sort() : items;
  }
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, comparable(v)]),
  );
}

/** Rows as a sorted list of their JSON (engines may order equal sort keys, and Unicode keys, differently). */
const rowSet = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(comparable(r))).sort();

/**
 * Fractional numbers to 12 significant digits: for saved queries that sum() floats, whose last
 * bits depend on the order the engine meets the rows in (Neo4j holds the export's rows in key
 * order, the embedded store in load order). Stored values are compared exactly, elsewhere.
 */
function sumsRounded(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? value : Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(sumsRounded);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sumsRounded(v)]));
}

interface Snapshot {
  counts: Record<string, number>;
  /** Every node and relationship as the export reads them, per read. */
  rows: Record<string, string[]>;
  rings: unknown;
  ringDetails: unknown[];
  ringGraphs: unknown[];
  shared: unknown;
  queries: Record<string, string[]>;
}

/** Nodes of a kind the export writes: counts() has the counted kinds; Meta and the investigation's records are not counted, their exported rows are. */
function exportedCount(embedded: Snapshot, label: string): number {
  return embedded.counts[label] ?? embedded.rows[`export nodes ${label}`]!.length;
}

/** What ringlens answers on `store`: the rows the export reads, the read model, every saved query. */
async function snapshot(store: GraphStore): Promise<Snapshot> {
  const rows: Record<string, string[]> = {};
  for (const read of exportReadStatements()) {
    rows[read.name] = rowSet((await store.query(read.text, { after: "", skip: 0, limit: 1_000_000 }, { timeoutMs: T })).rows);
  }
  const rings = await listRings(store, { sort: "score", limit: 1_000, offset: 0 }, T);
  const ringDetails = [];
  const ringGraphs = [];
  for (const ring of rings.rings) {
    ringDetails.push(await getRing(store, ring.id, T));
    const graph = await ringGraph(store, ring.id, 10_000, T);
    ringGraphs.push(
      comparable({
        nodes: [...graph.nodes].sort((a, b) => (a.key < b.key ? -1 : 1)),
        edges: graph.edges.map((e) => JSON.stringify(comparable({ ...e, key: undefined }))).sort(),
      }),
    );
  }
  const catalogue = loadCatalogue();
  const shared = await sharedIdentifiers(store, catalogue, { account: null, kinds: [], limit: 10_000 }, T);
  const queries: Record<string, string[]> = {};
  for (const q of catalogue.values()) {
    const given: Record<string, unknown> = {
      ringId: rings.rings[0]!.id,
      accountId: "RA01",
      from: "RA01",
      to: "RA05",
      deviceId: "dev-r1a",
      employeeId: "E1",
    };
    const params = bindParams(q, Object.fromEntries(q.params.filter((p) => p.name in given).map((p) => [p.name, given[p.name]])));
    queries[q.name] = rowSet(
      (await store.query(q.text, params, { timeoutMs: T })).rows.map((r) => sumsRounded(r) as Record<string, unknown>),
    );
  }
  return { counts: await store.counts(), rows, rings, ringDetails, ringGraphs, shared, queries };
}

/** The distinct valueType() of each property per label and per relationship type. */
async function storedTypes(driver: Driver, database: string | undefined): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const session = driver.session({ database });
  try {
    for (const q of [
      "MATCH (n) UNWIND keys(n) AS k RETURN labels(n) AS owner, k, collect(DISTINCT valueType(n[k])) AS types",
      "MATCH ()-[r]->() UNWIND keys(r) AS k RETURN [type(r)] AS owner, k, collect(DISTINCT valueType(r[k])) AS types",
    ]) {
      for (const r of (await session.run(q)).records)
        out[`${(r.get("owner") as string[]).join(":")}.${r.get("k")}`] = (r.get("types") as string[]).sort();
    }
  } finally {
    await session.close();
  }
  return out;
}

const PROBE_STRINGS = [
  NASTY_ID,
  NASTY_NAME,
  NASTY_DEVICE,
  "",
  "\\",
  "'",
  '"',
  "\\u0027",
  "\\\\u0027",
  "\\'",
  "a\\nb",
  "\u0000\u0001\u001f\u007f",
  "\u2028\u2029",
  "\r\n\t\b\f",
  "😀𝄞",
  "\uFEFFbom",
  "'; MATCH (n) DETACH DELETE n //",
  "/* x */ `y`",
  ...fc.sample(fc.string({ unit: "grapheme", maxLength: 40 }), { numRuns: 200, seed: 7 }),
  ...fc.sample(fc.string({ unit: fc.constantFrom("'", "\\", "u", "0", "2", "7", "\n", "a", '"', "/", "*", ";", "`") }), {
    numRuns: 200,
    seed: 7,
  }),
];
/** Values of each type no format may change: the export writes them, the real server must store exactly them. */
const PROBES: { type: PropertyType; values: unknown[] }[] = [
  { type: "string", values: PROBE_STRINGS },
  {
    type: "double",
    values: [
      0,
      -0,
      1,
      -1,
      1899,
      0.167,
      0.1 + 0.2,
      123456789.123,
      1e21,
      1e-7,
      1.5e-7,
      5e-324,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      2 ** 53,
      1e300,
      NaN,
      Infinity,
      -Infinity,
    ],
  },
  { type: "long", values: [0, -1, 6, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, "9223372036854775807", "-9223372036854775808"] },
  { type: "boolean", values: [true, false] },
  {
    type: "datetime",
    values: ["2024-03-01T00:00:00.000Z", NASTY_CREATED, "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"],
  },
  { type: "string[]", values: [["US"], ["G'B", "\\", "😀", "a;b", ""], [""], ["", ""], [" x ", '"q"'], []] },
];

/**
 * The probes for a CSV: list elements holding the array delimiter are refused by the export
 * (test/cypher). Lists a cell cannot hold (empty, [""]) are set after the import by the
 * statements the export writes into schema.cypher for them (probeListValues).
 */
const ADMIN_PROBES = PROBES.map(({ type, values }) => ({
  type,
  values: values.map((v) => (Array.isArray(v) ? v.filter((e: string) => !e.includes(";")) : v)),
}));

/** The export's statements for the probe lists a CSV cell cannot hold, as exportGraph writes them into schema.cypher. */
function probeListValues(): string[] {
  return ADMIN_PROBES.filter((p) => p.type === "string[]").flatMap(({ type, values }) =>
    values
      .map((v, i) => ({ v: v as string[], i }))
      .filter(({ v }) => !adminListFits(v))
      .map(({ v, i }) =>
        listValuesStatement(probeSpec(type, values), { name: `v${i}`, type }, [{ key: type, value: v }])
          .trim()
          .replace(/;$/, ""),
      ),
  );
}

/**
 * Checks one probe node: property v<i> holds values[i] exactly, with the schema type's
 * valueType(); an empty list, which has no element type, as the driver's parameter stores it.
 */
function expectProbe(
  type: PropertyType,
  values: unknown[],
  stored: Record<string, unknown>,
  types: Record<string, string>,
  emptyListType: string,
  written: (v: unknown) => string,
): void {
  for (const [i, value] of values.entries()) {
    const got = stored[`v${i}`];
    const what = `${type} ${JSON.stringify(value)} written as ${written(value)}`;
    if (type === "long") expect(neo4j.isInt(got) ? String(got) : got, what).toBe(String(value));
    else if (type === "datetime")
      expect(neo4j.isDateTime(got as object) ? new Date(dateTimeToMillis(got as DateTime)!).toISOString() : got, what).toBe(value);
    else if (type === "double") expect(Object.is(got, value), `${what} came back as ${String(got)}`).toBe(true);
    else expect(got, what).toEqual(value);
    expect(types[`v${i}`], what).toBe(Array.isArray(value) && value.length === 0 ? emptyListType : VALUE_TYPES[type]);
    expect(emptyListType).toBe(EMPTY_LIST_TYPE);
  }
}

/** valueType() of an empty list stored from a driver parameter, as ringlens' adapter stores one. */
async function emptyListType(driver: Driver, database: string | undefined): Promise<string> {
  const session = driver.session({ database });
  const tx = session.beginTransaction();
  try {
    return (
      await tx.run("CREATE (m:Meta {key: 'export-empty-list-probe'}) SET m.v = $v RETURN valueType(m.v) AS t", { v: [] })
    ).records[0]!.get("t") as string;
  } finally {
    await tx.rollback();
    await session.close();
  }
}

const probeSpec = (type: PropertyType, values: unknown[]) => ({
  label: "ExportProbe",
  key: "key",
  properties: [{ name: "key", type: "string" as const }, ...values.map((_, i) => ({ name: `v${i}`, type }))],
});
const probeRow = (type: PropertyType, values: unknown[]) => ({ key: type, ...Object.fromEntries(values.map((v, i) => [`v${i}`, v])) });
const PROBE_RETURN = "RETURN properties(n) AS p, [k IN keys(n) | [k, valueType(n[k])]] AS t";

type Target = Extract<Neo4jTarget, { uri: string }>;
const schema = graphSchema();
const dir = tempDir("ringlens-export-neo4j-");
const fixture = path.join(dir, "fixture");
const db = path.join(dir, "db");

async function cli(args: string[], env: Record<string, string> = {}) {
  const run = await runCli(args, env);
  expect(run.code, `ringlens ${args.join(" ")}: ${run.stderr}`).toBe(0);
  return run;
}

let prepared: Promise<Snapshot> | undefined;

/** Once per file: the fixture copy loaded and analysed in the embedded store, and what ringlens answers on it. */
function embeddedSnapshot(): Promise<Snapshot> {
  prepared ??= (async () => {
    // A copy of the small fixture with one account and one device whose values no literal may break.
    fs.cpSync(path.join(FIXTURES, "small"), fixture, { recursive: true });
    fs.appendFileSync(
      path.join(fixture, "accounts.csv"),
      stringify([[NASTY_ID, NASTY_CREATED, "US", "nasty@mail.test", "", NASTY_NAME, "active"]]),
    );
    fs.appendFileSync(
      path.join(fixture, "devices.csv"),
      stringify([[NASTY_ID, NASTY_DEVICE, "10.9.9.9", "UA \"x\" 'y'", NASTY_CREATED, ""]]),
    );
    // Three accounts without a country, NC1–NC2 on one device, NC2–NC3 at one address: a ring whose
    // countries are an empty list. (Two per identifier keep them out of devices-shared, where
    // collect(DISTINCT a.country) of only nulls is null on the embedded engine and [] on Neo4j,
    // whatever the export does.)
    for (const id of ["NC1", "NC2", "NC3"]) {
      fs.appendFileSync(
        path.join(fixture, "accounts.csv"),
        stringify([[id, "2024-03-01", "", `${id.toLowerCase()}@mail.test`, "", `No Country ${id}`, "active"]]),
      );
      if (id !== "NC3") fs.appendFileSync(path.join(fixture, "devices.csv"), stringify([[id, "dev-nc", "", "UA", "2024-03-01", ""]]));
      if (id !== "NC1")
        fs.appendFileSync(
          path.join(fixture, "addresses.csv"),
          stringify([[id, "9 Nowhere Road", "", "Nowhere", "00000", "", "", "shipping"]]),
        );
    }
    await cli(["load", fixture, "--db", db, "--rejects", path.join(dir, "rejects.csv")]);
    await cli(["analyze", "--db", db, "--hub-threshold", "10"]);
    const store = await createStore({ ...loadConfig({}), store: "embedded", db }, { readOnly: true, command: "test" });
    try {
      return await snapshot(store);
    } finally {
      await store.close();
    }
  })();
  return prepared;
}

async function read<T>(
  driver: Driver,
  database: string | undefined,
  cypher: string,
  params: Record<string, unknown>,
  map: (r: Neo4jRecord) => T,
): Promise<T[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return (await session.run(cypher, params)).records.map(map);
  } finally {
    await session.close();
  }
}

/** Runs statements one by one, each in its own transaction (as cypher-shell -f does), then waits for the indexes. */
async function runStatements(driver: Driver, database: string | undefined, statements: string[]): Promise<void> {
  const session = driver.session({ database });
  try {
    for (const statement of statements) await session.run(statement);
    await session.run("CALL db.awaitIndexes(300)");
  } finally {
    await session.close();
  }
}

/** Nodes per label and relationships per type in Neo4j equal the embedded store's (labels it has none of do not exist). */
async function expectSameCounts(
  driver: Driver,
  database: string | undefined,
  embedded: Snapshot,
  probes: Record<string, number> = {},
): Promise<void> {
  const labels = await read(
    driver,
    database,
    "MATCH (n) RETURN labels(n) AS labels, count(*) AS c",
    {},
    (r) => [(r.get("labels") as string[]).join(":"), r.get("c").toNumber()] as const,
  );
  const types = await read(
    driver,
    database,
    "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS c",
    {},
    (r) => [r.get("type") as string, r.get("c").toNumber()] as const,
  );
  const expected = (names: string[]) =>
    Object.fromEntries(names.map((n) => [n, exportedCount(embedded, n)] as const).filter(([, c]) => c !== 0));
  expect(embedded.rows["export nodes Meta"]!.length).toBeGreaterThan(0);
  expect(Object.fromEntries(labels)).toEqual({ ...expected(schema.nodes.map((n) => n.label)), ...probes });
  expect(Object.fromEntries(types)).toEqual(expected(schema.rels.map((r) => r.type)));
}

/** Every stored property is in the schema and has exactly the schema type's valueType(); returns them. */
async function expectSchemaTypes(driver: Driver, database: string | undefined): Promise<Record<string, string[]>> {
  const types = await storedTypes(driver, database);
  for (const [key, found] of Object.entries(types)) {
    const [owner, name] = key.split(".") as [string, string];
    if (owner === "ExportProbe") continue;
    const spec = schema.nodes.find((n) => n.label === owner) ?? schema.rels.find((r) => r.type === owner);
    const property = spec?.properties.find((p) => p.name === name);
    expect(property, `${key} is not in the schema`).toBeDefined();
    // An empty list has no element type (LIST<NOTHING>), on Neo4j as from the adapter's parameters.
    const allowed = property!.type === "string[]" ? [VALUE_TYPES["string[]"], EMPTY_LIST_TYPE] : [VALUE_TYPES[property!.type]];
    expect(found.length, key).toBeGreaterThan(0);
    for (const type of found) expect(allowed, `${key}: ${type}`).toContain(type);
  }
  return types;
}

/** The nasty account and device, a refund and the rings, read with the driver: values and their Bolt types. */
async function expectTypedValues(driver: Driver, database: string | undefined): Promise<void> {
  const [account] = await read(
    driver,
    database,
    "MATCH (a:Account {id: $id}) RETURN a",
    { id: NASTY_ID },
    (r) => r.get("a").properties as Record<string, unknown>,
  );
  expect(account).toBeDefined();
  expect(account!.id).toBe(NASTY_ID);
  expect(account!.name).toBe(NASTY_NAME);
  const created = account!.createdAt;
  expect(neo4j.isDateTime(created as object), String(created)).toBe(true);
  expect((created as DateTime).toString()).toBe("2024-05-06T07:08:09.123000000Z");

  const [uses] = await read(
    driver,
    database,
    "MATCH (:Account {id: $id})-[u:USES]->(d:Device) RETURN d.id AS device, d.userAgent AS ua, u.firstSeen AS firstSeen",
    { id: NASTY_ID },
    (r) => ({ device: r.get("device"), ua: r.get("ua"), firstSeen: r.get("firstSeen") }),
  );
  expect(uses).toMatchObject({ device: NASTY_DEVICE, ua: "UA \"x\" 'y'" });
  expect(neo4j.isDateTime(uses!.firstSeen)).toBe(true);

  // 1899.00 in the CSV: a float that happens to be whole must not come back as an Integer.
  const [refund] = await read(
    driver,
    database,
    "MATCH (f:Refund {id: 'RF-RA01-0'}) RETURN f.amount AS amount, f.returned AS returned, f.approvedAt AS approvedAt",
    {},
    (r) => ({ amount: r.get("amount"), returned: r.get("returned"), approvedAt: r.get("approvedAt") }),
  );
  expect(refund!.amount).toBe(1899);
  expect(neo4j.isInt(refund!.amount)).toBe(false);
  expect(refund!.returned).toBe(false);
  expect((refund!.approvedAt as DateTime).toString()).toBe("2024-03-10T00:00:00Z");

  const rings = await read(
    driver,
    database,
    "MATCH (r:Ring) RETURN r.id AS id, r.size AS size, r.countries AS countries, r.score AS score ORDER BY r.id",
    {},
    (r) => ({ id: r.get("id") as string, size: r.get("size"), countries: r.get("countries"), score: r.get("score") }),
  );
  expect(rings.length).toBeGreaterThan(0);
  for (const ring of rings) {
    expect(neo4j.isInt(ring.size), ring.id).toBe(true);
    expect(Array.isArray(ring.countries), ring.id).toBe(true);
    expect(typeof ring.score, ring.id).toBe("number");
  }
  expect(rings.some((r) => (r.countries as string[]).length > 1)).toBe(true);
  expect(
    rings.filter((r) => (r.countries as string[]).length === 0),
    "the ring of accounts without a country",
  ).toHaveLength(1);
}

/** Every node and relationship, as the export reads them, has the embedded store's values. */
async function expectSameRows(store: GraphStore, embedded: Snapshot): Promise<void> {
  for (const r of exportReadStatements()) {
    const rows = rowSet((await store.query(r.text, { after: "", skip: 0, limit: 1_000_000 }, { timeoutMs: T })).rows);
    expect(rows, r.name).toEqual(embedded.rows[r.name]);
  }
}

/** The read model (rings, ring details and graphs, shared identifiers) and every saved query answer as on the embedded store. */
async function expectSameAnswers(store: GraphStore, embedded: Snapshot): Promise<void> {
  const onNeo4j = await snapshot(store);
  expect(onNeo4j.counts).toEqual(embedded.counts);
  expect(onNeo4j.rings).toEqual(embedded.rings);
  expect(onNeo4j.ringDetails).toEqual(embedded.ringDetails);
  expect(onNeo4j.ringGraphs).toEqual(embedded.ringGraphs);
  expect(onNeo4j.shared).toEqual(embedded.shared);
  expect(Object.keys(onNeo4j.queries)).toEqual(Object.keys(embedded.queries));
  for (const name of Object.keys(embedded.queries)) expect(onNeo4j.queries[name], `saved query ${name}`).toEqual(embedded.queries[name]);
}

describeOnNeo4j("ringlens export --format cypher loaded into a real Neo4j", (target) => {
  const out = path.join(dir, "cypher");
  const database = target.database ?? undefined;
  let driver: Driver;
  let embedded: Snapshot;
  let adapterTypes: Record<string, string[]>;
  let statements: string[];
  let neo4jStore: GraphStore | undefined;
  const openStore = async () => (neo4jStore ??= await createStore(neo4jConfig(target), { readOnly: true, command: "test" }));

  beforeAll(async () => {
    embedded = await embeddedSnapshot();
    await cli(["export", "--db", db, "--format", "cypher", "--out", out]);
    statements = splitCypherScript(fs.readFileSync(path.join(out, "ringlens.cypher"), "utf8"));

    driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password));
    // What ringlens' own Neo4j adapter writes for the same data: the types the export must match.
    await wipeNeo4j(target);
    await cli(["load", fixture, "--rejects", path.join(dir, "rejects-neo4j.csv")], neo4jEnv(target));
    await cli(["analyze", "--hub-threshold", "10"], neo4jEnv(target));
    adapterTypes = await storedTypes(driver, database);

    await wipeNeo4j(target);
    await runStatements(driver, database, statements);
  }, 600_000);

  afterAll(async () => {
    await neo4jStore?.close();
    await driver?.close();
  });

  it("the script splits into its constraints and merge batches, with nothing left over", () => {
    const schemaLines = fs
      .readFileSync(path.join(FIXTURES, "../../cypher/schema/neo4j.cypher"), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("CREATE"));
    expect(statements.filter((s) => /^(\/\/[^\n]*\n)*CREATE (CONSTRAINT|INDEX)/.test(s))).toHaveLength(schemaLines.length);
    expect(statements.filter((s) => s.startsWith("UNWIND")).length).toBe(statements.length - schemaLines.length);
    expect(embedded.counts.Account).toBe(35);
  });

  it("holds as many nodes per label and relationships per type as the embedded store, and nothing else", async () => {
    await expectSameCounts(driver, database, embedded);
    // ringlens' own count, through the Neo4j adapter.
    expect(await (await openStore()).counts()).toEqual(embedded.counts);
  });

  it("stores every property with its schema type, the type ringlens' Neo4j adapter writes", async () => {
    const types = await expectSchemaTypes(driver, database);
    // Every property the adapter writes for this data is there, with the adapter's type.
    for (const [key, found] of Object.entries(adapterTypes)) {
      if (/^Meta\./.test(key)) continue;
      expect(types[key], key).toEqual(found);
    }
  });

  it("keeps a DateTime a DateTime, a float a float, a list a list and a nasty id intact", async () => {
    await expectTypedValues(driver, database);
  });

  it("holds every node and relationship with the same values as the embedded store", async () => {
    await expectSameRows(await openStore(), embedded);
  });

  it("answers ringlens' read model and saved queries as the embedded store does", async () => {
    await expectSameAnswers(await openStore(), embedded);
  });

  it("writes literals the real server stores as the very values and types they were written from", async () => {
    const emptyList = await emptyListType(driver, database);
    const session = driver.session({ database });
    try {
      for (const { type, values } of PROBES) {
        // The export's own statement, on a probe node in a transaction that is rolled back.
        const statement = `${nodeBatchStatement(probeSpec(type, values), [probeRow(type, values)])
          .trim()
          .replace(/;$/, "")}\n${PROBE_RETURN}`;
        const tx = session.beginTransaction();
        try {
          const record = (await tx.run(statement)).records[0]!;
          expectProbe(type, values, record.get("p"), Object.fromEntries(record.get("t")), emptyList, (v) =>
            cypherLiteral(v, { name: "v", type }),
          );
        } finally {
          await tx.rollback();
        }
      }
    } finally {
      await session.close();
    }
  });

  it("`ringlens rings` on that Neo4j writes what it writes on the embedded store", async () => {
    const [a, b] = [await cli(["rings", "--db", db, "--format", "json"]), await cli(["rings", "--format", "json"], neo4jEnv(target))];
    expect(JSON.parse(b.stdout)).toEqual(JSON.parse(a.stdout));
  });

  it("is safe to run again: a second run changes no count and no value", async () => {
    await runStatements(driver, database, statements);
    await expectSameCounts(driver, database, embedded);
    await expectSameRows(await openStore(), embedded);
  });
});

/**
 * The README's import command as arguments for Neo4j's admin tool: the lines from
 * `neo4j-admin database import` up to the first not ending in a backslash, split on blanks,
 * double quotes removed as the shell would (no value here holds a blank).
 */
function readmeImportArgs(readme: string): string[] {
  const lines = readme.split("\n").map((l) => l.trim());
  const first = lines.findIndex((l) => l.startsWith("neo4j-admin database import"));
  expect(first, "the README names the import command").toBeGreaterThanOrEqual(0);
  const command: string[] = [];
  for (let i = first; ; i++) {
    command.push(lines[i]!.replace(/\\$/, ""));
    if (!lines[i]!.endsWith("\\")) break;
  }
  const [program, ...args] = command
    .join(" ")
    .split(/\s+/)
    .filter(Boolean)
    .map((a) => a.replace(/"/g, ""));
  expect(program).toBe("neo4j-admin");
  return args;
}

describe("ringlens export --format neo4j-admin imported by Neo4j's import tool", () => {
  const out = path.join(dir, "admin");
  const home = path.join(dir, "admin-neo4j");
  const password = "export-admin-password";
  let embedded: Snapshot;
  let imported: { code: number | null; stdout: string; stderr: string };
  let second: LocalNeo4j | undefined;
  let driver: Driver | undefined;
  let store: GraphStore | undefined;
  let skip: string | null = null;

  beforeAll(async () => {
    embedded = await embeddedSnapshot();
    await cli(["export", "--db", db, "--format", "neo4j-admin", "--out", out]);
    const args = readmeImportArgs(fs.readFileSync(path.join(out, "README.md"), "utf8"));
    // Probe nodes beside the export, written by the export's own CSV code, imported with it.
    for (const { type, values } of ADMIN_PROBES) {
      const file = `probe-${type.replace("[]", "-list")}.csv`;
      fs.writeFileSync(path.join(out, file), adminCsv(probeSpec(type, values), [probeRow(type, values)], true));
      args.push(`--nodes=ExportProbe=${file}`);
    }
    try {
      // Into a fresh folder, from the export folder, as the README says; then a second server on it.
      imported = await runLocalNeo4jAdmin(args, { home, cwd: out });
      if (imported.code !== 0) return;
      second = await startLocalNeo4j({ port: 0, dataDir: home, password, heapMb: 512 });
    } catch (error) {
      if (!(error instanceof LocalNeo4jError) || process.env.RINGLENS_REQUIRE_NEO4J === "1") throw error;
      skip = `no local Neo4j: ${error.message}`;
      return;
    }
    const target: Target = { uri: second.uri, user: "neo4j", password, database: null, local: true };
    driver = neo4j.driver(target.uri, neo4j.auth.basic("neo4j", password));
    // The README's second step: the constraints and indexes, which the import does not create.
    await runStatements(driver, undefined, [
      ...splitCypherScript(fs.readFileSync(path.join(out, "schema.cypher"), "utf8")),
      ...probeListValues(),
    ]);
    store = await createStore(neo4jConfig(target), { readOnly: true, command: "test" });
  }, 600_000);

  afterAll(async () => {
    await store?.close();
    await driver?.close();
    await second?.stop();
  });

  it("imports with the README's command", (ctx) => {
    if (skip) return ctx.skip(skip);
    expect(imported.code, `${imported.stderr}\n${imported.stdout.slice(-3000)}`).toBe(0);
    const nodes = ADMIN_PROBES.length + schema.nodes.reduce((sum, n) => sum + exportedCount(embedded, n.label), 0);
    const rels = schema.rels.reduce((sum, r) => sum + embedded.counts[r.type]!, 0);
    expect(imported.stdout).toMatch(new RegExp(`IMPORT DONE[\\s\\S]*\\b${nodes} nodes\\s+${rels} relationships`));
  });

  it("holds as many nodes per label and relationships per type as the embedded store, and nothing else", async (ctx) => {
    if (skip) return ctx.skip(skip);
    await expectSameCounts(driver!, undefined, embedded, { ExportProbe: ADMIN_PROBES.length });
  });

  it("stores every property with its schema type", async (ctx) => {
    if (skip) return ctx.skip(skip);
    await expectSchemaTypes(driver!, undefined);
  });

  it("keeps a DateTime a DateTime, a float a float, a list a list and a nasty id intact", async (ctx) => {
    if (skip) return ctx.skip(skip);
    await expectTypedValues(driver!, undefined);
  });

  it("holds every node and relationship with the same values as the embedded store", async (ctx) => {
    if (skip) return ctx.skip(skip);
    await expectSameRows(store!, embedded);
  });

  it("answers ringlens' read model and saved queries as the embedded store does", async (ctx) => {
    if (skip) return ctx.skip(skip);
    await expectSameAnswers(store!, embedded);
  });

  it("writes cells the import tool stores as the very values and types they were written from", async (ctx) => {
    if (skip) return ctx.skip(skip);
    const emptyList = await emptyListType(driver!, undefined);
    for (const { type, values } of ADMIN_PROBES) {
      const [record] = await read(driver!, undefined, `MATCH (n:ExportProbe {key: $key}) ${PROBE_RETURN}`, { key: type }, (r) => r);
      expect(record, type).toBeDefined();
      expectProbe(type, values, record!.get("p"), Object.fromEntries(record!.get("t")), emptyList, (v) =>
        JSON.stringify(adminCell(v, { name: "v", type })),
      );
    }
  });
});
