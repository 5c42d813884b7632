import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbeddedStore, type EmbeddedStore } from "../../server/store/embedded-store.ts";
import { importFolder } from "../../server/ingest/import-folder.ts";
import { runAnalysis } from "../../server/tasks/run-analysis.ts";
import { exportGraph } from "../../server/cli/export-graph-command.ts";
import { adminCell, cypherLiteral, cypherString, listValuesStatement } from "../../server/cli/neo4j-export-format.ts";
import { graphSchema } from "../../server/schema/graph-specs.ts";
import { FIXTURES, tempDir } from "../helpers/temp-dir.ts";
import { readCypherString } from "./cypher-string-reader.ts";
import { adHoc } from "../helpers/ad-hoc-cypher.ts";

const NASTY = "O'Brien \\ back\\slash \"quoted\" \n\r\ttabs 日本語 😀 é \u0001\u007f \u2028 \\u0027 '; MATCH (n) DETACH DELETE n //";
const T = 30_000;

describe("Cypher string literals", () => {
  it("escape quotes, backslashes, line breaks, tabs and control characters, and keep Unicode", () => {
    expect(cypherString("O'Brien")).toBe("'O\\'Brien'");
    expect(cypherString("a\\b")).toBe("'a\\\\b'");
    expect(cypherString("two\nlines\r\n\tx")).toBe("'two\\nlines\\r\\n\\tx'");
    expect(cypherString("\u0001\u007f\u2028")).toBe("'\\u0001\\u007f\\u2028'");
    expect(cypherString("日本 😀 é")).toBe("'日本 😀 é'");
  });

  it("keep a backslash-u sequence in the data as text, not a unicode escape", () => {
    expect(cypherString("\\u0027")).toBe("'\\\\u0027'");
    expect(readCypherString(cypherString("\\u0027"))).toBe("\\u0027");
  });

  it("read back as the same string under Neo4j's rules, for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => readCypherString(cypherString(s)) === s),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("'", "\\", "u", "0", "2", "7", "\n", "a", '"') }),
        (s) => readCypherString(cypherString(s)) === s,
      ),
      { numRuns: 2_000 },
    );
    expect(readCypherString(cypherString(NASTY))).toBe(NASTY);
  });

  it("write typed literals: floats stay floats, times as datetime(), lists of strings", () => {
    const p = (type: "double" | "long" | "datetime" | "string[]" | "boolean") => ({ name: "x", type });
    expect(cypherLiteral(1899, p("double"))).toBe("1899.0");
    expect(cypherLiteral(0.167, p("double"))).toBe("0.167");
    expect(cypherLiteral(1e21, p("double"))).toBe("1.0e21");
    expect(cypherLiteral(1e-7, p("double"))).toBe("1.0e-7");
    expect(cypherLiteral(-0, p("double"))).toBe("-0.0");
    expect(adminCell(-0, p("double"))).toBe("-0.0");
    expect(cypherLiteral(6, p("long"))).toBe("6");
    expect(cypherLiteral("2024-03-01T00:00:00.000Z", p("datetime"))).toBe("datetime('2024-03-01T00:00:00.000Z')");
    expect(cypherLiteral(["US", "G'B"], p("string[]"))).toBe("['US', 'G\\'B']");
    expect(cypherLiteral(false, p("boolean"))).toBe("false");
    expect(() => cypherLiteral("6", p("double"))).toThrow(/property x \(double\)/);
    expect(() => cypherLiteral(1.5, p("long"))).toThrow(/property x \(long\)/);
  });

  it('leave the CSV cell of an absent value, an empty list and [""] empty, and set those lists after the import', () => {
    const list = { name: "countries", type: "string[]" as const };
    expect(adminCell(null, list)).toBeNull();
    expect(adminCell([], list)).toBeNull();
    expect(adminCell([""], list)).toBeNull();
    expect(adminCell(["", ""], list)).toBe(";");
    expect(adminCell("", { name: "x", type: "string" })).toBe("");
    expect(() => adminCell(["a;b"], list)).toThrow(/array delimiter/);
    const ring = graphSchema().nodes.find((n) => n.label === "Ring")!;
    expect(
      listValuesStatement(ring, list, [
        { key: "R-'1", value: [] },
        { key: "R-2", value: [""] },
      ]),
    ).toBe("UNWIND [\n  ['R-\\'1', []],\n  ['R-2', ['']]\n] AS row\nMATCH (n:Ring {id: row[0]}) SET n.countries = row[1];\n");
  });
});

describe("ringlens export on the small and bad-input fixtures", () => {
  const dir = tempDir("ringlens-export-");
  let store: EmbeddedStore;
  let counts: Record<string, number>;
  let metaCount: number;
  const schema = graphSchema();

  beforeAll(async () => {
    store = await openEmbeddedStore({ folder: path.join(dir, "db"), command: "test" });
    await store.ensureSchema();
    for (const fixture of ["small", "bad-input"]) {
      await importFolder({ folder: path.join(FIXTURES, fixture), store, rejectFile: path.join(dir, `${fixture}-rejects.csv`) });
    }
    await runAnalysis(store, { hubThreshold: 10, now: Date.UTC(2024, 6, 1) });
    await store.setMeta("nasty", NASTY);
    counts = await store.counts();
    metaCount = Number((await store.query(adHoc("MATCH (m:Meta) RETURN count(m) AS c"), {}, { timeoutMs: T })).rows[0]!.c);
    await exportGraph(store, "cypher", path.join(dir, "cypher"));
    await exportGraph(store, "neo4j-admin", path.join(dir, "admin"));
    await exportGraph(store, "neo4j-admin", path.join(dir, "admin-paged"), 2);
  });
  afterAll(() => store?.close());

  // The investigation's kinds (cases, audit, alerts, watches) are exported too; this store has none.
  const uncounted = new Set(schema.nodes.filter((n) => !n.counted && n.label !== "Meta").map((n) => n.label));
  const expected = (name: string) => (name === "Meta" ? metaCount : uncounted.has(name) ? 0 : counts[name]!);

  describe("--format cypher", () => {
    const script = () => fs.readFileSync(path.join(dir, "cypher", "ringlens.cypher"), "utf8");
    /** Statements of the script with the label or type they write and their row count. */
    const batches = () =>
      script()
        .split(/;\n/)
        .filter((s) => s.startsWith("UNWIND"))
        .map((s) => {
          const target = /MERGE \((?:n:(\w+)|a\)-\[r:(\w+))/.exec(s)!;
          return { name: target[1] ?? target[2]!, rows: s.split("\n").filter((l) => /^ {2}[{[]/.test(l)).length, text: s };
        });

    it("starts with every constraint and index of cypher/schema/neo4j.cypher", () => {
      const schemaText = fs.readFileSync(path.join(FIXTURES, "../../cypher/schema/neo4j.cypher"), "utf8");
      for (const line of schemaText.split("\n").filter((l) => l.startsWith("CREATE"))) expect(script()).toContain(line);
      expect(script().indexOf("CREATE CONSTRAINT")).toBeLessThan(script().indexOf("UNWIND"));
    });

    it("merges as many rows per label and type as the store holds", () => {
      const total = new Map<string, number>();
      for (const b of batches()) total.set(b.name, (total.get(b.name) ?? 0) + b.rows);
      for (const n of schema.nodes) expect(total.get(n.label) ?? 0, n.label).toBe(expected(n.label));
      for (const r of schema.rels) expect(total.get(r.type) ?? 0, r.type).toBe(expected(r.type));
      expect(Math.max(...batches().map((b) => b.rows))).toBeLessThanOrEqual(500);
    });

    it("keeps a nasty value a value: it reads back intact under Neo4j's rules", () => {
      const meta = batches().find((b) => b.name === "Meta")!.text;
      const literal = /\{key: 'nasty', value: ('(?:[^'\\]|\\.)*')\}/.exec(meta)![1]!;
      expect(readCypherString(literal)).toBe(NASTY);
      expect(script()).toContain("{id: 'A2', createdAt: datetime('2023-06-01T14:05:00.000Z'), country: 'GB', name: 'Multi\\nline name'}");
    });

    it("says how to load it with cypher-shell", () => {
      expect(fs.readFileSync(path.join(dir, "cypher", "README.md"), "utf8")).toContain(
        'cypher-shell -a bolt://localhost:7687 -u neo4j -p "$NEO4J_PASSWORD" -d neo4j -f ringlens.cypher',
      );
    });
  });

  describe("--format neo4j-admin", () => {
    const read = (file: string) => parse(fs.readFileSync(path.join(dir, "admin", file)), { relax_column_count: false }) as string[][];

    it("writes one file per label and type with typed headers", () => {
      expect(read("nodes-Account.csv")[0]).toEqual(["id:ID(Account)", "createdAt:datetime", "country", "email", "phone", "name", "status"]);
      expect(read("nodes-Refund.csv")[0]).toEqual([
        "id:ID(Refund)",
        "orderId",
        "amount:double",
        "currency",
        "item",
        "category",
        "requestedAt:datetime",
        "approvedAt:datetime",
        "returned:boolean",
        "channel",
        "status",
      ]);
      expect(read("nodes-Ring.csv")[0]).toEqual([
        "id:ID(Ring)",
        "size:long",
        "score:double",
        "level",
        "reasons",
        "hubs",
        "links",
        "attached",
        "countries:string[]",
        "refundCount:long",
        "refundValue:double",
        "noReturnShare:double",
        "insiderCount:long",
        "lineage",
        "analysedAt:datetime",
      ]);
      expect(read("nodes-Meta.csv")[0]).toEqual(["key:ID(Meta)", "value"]);
      expect(read("rels-SHIPS_TO.csv")[0]).toEqual([":START_ID(Account)", ":END_ID(Address)", "type"]);
      expect(read("rels-USES.csv")[0]).toEqual([":START_ID(Account)", ":END_ID(Device)", "firstSeen:datetime", "lastSeen:datetime"]);
      expect(read("rels-APPROVED.csv")[0]).toEqual([":START_ID(Employee)", ":END_ID(Refund)"]);
      expect(read("rels-SUSPECTED_IN.csv")[0]).toEqual([
        ":START_ID(Employee)",
        ":END_ID(Ring)",
        "share:double",
        "baseline:double",
        "lift:double",
        "approvals:long",
        "noReturnApprovals:long",
        "score:double",
        "reason",
      ]);
    });

    it("writes the same files when read in pages of two nodes or start nodes (some without relationships) as in one page", () => {
      const files = fs.readdirSync(path.join(dir, "admin")).sort();
      expect(fs.readdirSync(path.join(dir, "admin-paged")).sort()).toEqual(files);
      for (const file of files) {
        const whole = fs.readFileSync(path.join(dir, "admin", file), "utf8");
        expect(fs.readFileSync(path.join(dir, "admin-paged", file), "utf8"), file).toBe(whole);
      }
      // Pages of two really were several pages: the store holds more than two accounts and uses.
      expect(counts.Account).toBeGreaterThan(4);
      expect(counts.USES).toBeGreaterThan(4);
    });

    it("writes as many rows as the store holds, per label and type", () => {
      for (const n of schema.nodes) expect(read(`nodes-${n.label}.csv`).length - 1, n.label).toBe(expected(n.label));
      for (const r of schema.rels) expect(read(`rels-${r.type}.csv`).length - 1, r.type).toBe(expected(r.type));
    });

    it("keeps multi-line and quoted values, arrays joined by ;", () => {
      const accounts = read("nodes-Account.csv");
      expect(accounts.find((r) => r[0] === "A2")![5]).toBe("Multi\nline name");
      expect(read("nodes-Meta.csv").find((r) => r[0] === "nasty")![1]).toBe(NASTY);
      const [header, ...rings] = read("nodes-Ring.csv");
      const countries = header!.indexOf("countries:string[]");
      expect(rings.some((r) => /^[A-Z]{2}(;[A-Z]{2})+$/.test(r[countries]!))).toBe(true);
    });

    it("writes the exact import command naming every file, and the schema to apply after", () => {
      const readme = fs.readFileSync(path.join(dir, "admin", "README.md"), "utf8");
      expect(readme).toContain(
        'neo4j-admin database import full neo4j --overwrite-destination --multiline-fields=true --array-delimiter=";"',
      );
      for (const n of schema.nodes) expect(readme).toContain(`--nodes=${n.label}=nodes-${n.label}.csv`);
      for (const r of schema.rels) expect(readme).toContain(`--relationships=${r.type}=rels-${r.type}.csv`);
      expect(fs.readFileSync(path.join(dir, "admin", "schema.cypher"), "utf8")).toContain("CREATE CONSTRAINT account_id IF NOT EXISTS");
    });
  });

  it("round-trips quotes, backslashes and Unicode through the embedded engine's own parser", async () => {
    for (const s of ["O'Brien", "a\\b", "\\u0027", "日本語 😀 é", "'; MATCH (n) DETACH DELETE n //", '"x"']) {
      const { rows } = await store.query(adHoc(`RETURN ${cypherString(s)} AS v`), {}, { timeoutMs: T });
      expect(rows[0]!.v).toBe(s);
    }
  });
});
