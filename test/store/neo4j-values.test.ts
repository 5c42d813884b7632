import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import {
  PlainCollector,
  dateTimeToMillis,
  temporalToMillis,
  toDateTime,
  toNeo4jParams,
  toQueryRows,
} from "../../server/store/neo4j-values.ts";

const { Node, Relationship, Path, PathSegment, DateTime, LocalDateTime, Date: Neo4jDate, Duration } = neo4j.types;
const int = neo4j.int;
const record = (values: Record<string, unknown>) => ({ get: (k: string) => values[k] });

describe("parameters sent to Neo4j", () => {
  it("turns integral numbers into Integer so LIMIT $limit and SKIP $offset work, and keeps fractions as floats", () => {
    const p = toNeo4jParams({ limit: 100, offset: 0, minAmount: 499.5, big: 2 ** 53 });
    expect(neo4j.isInt(p.limit)).toBe(true);
    expect((p.limit as ReturnType<typeof int>).toNumber()).toBe(100);
    expect(neo4j.isInt(p.offset)).toBe(true);
    expect(p.minAmount).toBe(499.5);
    expect(neo4j.isInt(p.big)).toBe(false);
  });

  it("converts Dates to a DateTime at UTC, whatever the host's time zone", () => {
    const p = toNeo4jParams({ since: new Date("2024-03-01T10:20:30.456Z") });
    const dt = p.since as InstanceType<typeof DateTime>;
    expect(neo4j.isDateTime(dt)).toBe(true);
    expect(dt.toString()).toBe("2024-03-01T10:20:30.456000000Z");
    expect(dateTimeToMillis(dt)).toBe(Date.parse("2024-03-01T10:20:30.456Z"));
  });

  it("converts inside lists and maps, and passes strings, booleans and null through", () => {
    const p = toNeo4jParams({ levels: ["low", "high"], nested: { n: 3, at: new Date(0) }, flag: true, none: null, missing: undefined });
    expect(p.levels).toEqual(["low", "high"]);
    const nested = p.nested as Record<string, unknown>;
    expect(neo4j.isInt(nested.n)).toBe(true);
    expect(neo4j.isDateTime(nested.at)).toBe(true);
    expect(p.flag).toBe(true);
    expect(p.none).toBeNull();
    expect(p.missing).toBeNull();
  });

  it("refuses an invalid time rather than sending garbage", () => {
    expect(() => toDateTime(Number.NaN)).toThrow(RangeError);
  });
});

describe("values read from Neo4j", () => {
  const convert = (v: unknown) => new PlainCollector().convert(v);

  it("maps Integer to a number in the safe range and to a string beyond it", () => {
    expect(convert(int(42))).toBe(42);
    expect(convert(int("9007199254740993"))).toBe("9007199254740993");
    expect(convert([int(1), int(-2)])).toEqual([1, -2]);
  });

  it("maps DateTime to the ISO string the embedded store gives, whatever its offset", () => {
    expect(convert(toDateTime(Date.parse("2024-03-01T00:00:00Z")))).toBe("2024-03-01T00:00:00.000Z");
    const paris = new DateTime(int(2024), int(3), int(1), int(1), int(0), int(0), int(0), int(3600));
    expect(convert(paris)).toBe("2024-03-01T00:00:00.000Z");
    expect(temporalToMillis(paris)).toBe(Date.parse("2024-03-01T00:00:00Z"));
  });

  it("maps other temporal values to their ISO text and years before 100 correctly", () => {
    expect(convert(new LocalDateTime(int(2024), int(3), int(1), int(8), int(5), int(0), int(0)))).toBe("2024-03-01T08:05:00");
    expect(convert(new Neo4jDate(int(2024), int(3), int(1)))).toBe("2024-03-01");
    const week = new Duration(int(0), int(7), int(0), int(0));
    expect(convert(week)).toBe(week.toString());
    expect(temporalToMillis(new DateTime(int(50), int(1), int(1), int(0), int(0), int(0), int(0), int(0)))).toBe(
      new Date("0050-01-01T00:00:00Z").getTime(),
    );
  });

  it("reads temporal values as epoch ms for the analysis and null as null", () => {
    expect(temporalToMillis(null)).toBeNull();
    expect(temporalToMillis(toDateTime(1_700_000_000_123))).toBe(1_700_000_000_123);
    expect(temporalToMillis(new LocalDateTime(int(2024), int(1), int(2), int(3), int(4), int(5), int(6_000_000)))).toBe(
      Date.UTC(2024, 0, 2, 3, 4, 5, 6),
    );
  });
});

describe("graph values in query results", () => {
  const account = new Node(int(1), ["Account"], { id: "RA01", createdAt: toDateTime(Date.UTC(2024, 2, 1)), name: "Ring One" }, "4:abc:1");
  const address = new Node(int(2), ["Address"], { id: "77 drop st|newark", line1: "77 Drop Street" }, "4:abc:2");
  const shipsTo = new Relationship(int(9), int(1), int(2), "SHIPS_TO", { type: "shipping" }, "5:abc:9", "4:abc:1", "4:abc:2");

  it("maps nodes to plain nodes keyed by label and id, with plain property values", () => {
    const { rows } = toQueryRows(["a"], [record({ a: account })]);
    expect(rows[0]!.a).toEqual({
      _type: "node",
      label: "Account",
      id: "RA01",
      properties: { id: "RA01", createdAt: "2024-03-01T00:00:00.000Z", name: "Ring One" },
    });
  });

  it("names relationship ends `Label:id` by element id, in any row order, and '' for ends not in the result", () => {
    const { rows } = toQueryRows(["s", "x", "a"], [record({ s: shipsTo, x: address, a: account })]);
    expect(rows[0]!.s).toMatchObject({
      _type: "rel",
      type: "SHIPS_TO",
      source: "Account:RA01",
      target: "Address:77 drop st|newark",
      properties: { type: "shipping" },
    });
    const alone = toQueryRows(["s"], [record({ s: shipsTo })]);
    expect(alone.rows[0]!.s).toMatchObject({ source: "", target: "" });
  });

  it("resolves relationships against nodes found in later rows", () => {
    const { rows } = toQueryRows(["v"], [record({ v: shipsTo }), record({ v: account }), record({ v: address })]);
    expect(rows[0]!.v).toMatchObject({ source: "Account:RA01", target: "Address:77 drop st|newark" });
  });

  it("maps paths to their nodes and relationships in order", () => {
    const path = new Path(account, address, [new PathSegment(account, shipsTo, address)]);
    const { rows } = toQueryRows(["p"], [record({ p: path })]);
    const p = rows[0]!.p as { _type: string; nodes: { id: string }[]; rels: { source: string; target: string }[] };
    expect(p._type).toBe("path");
    expect(p.nodes.map((n) => n.id)).toEqual(["RA01", "77 drop st|newark"]);
    expect(p.rels[0]).toMatchObject({ source: "Account:RA01", target: "Address:77 drop st|newark" });
  });

  it("uses the element id as id for a node without an id property, never the legacy identity", () => {
    const meta = new Node(int(7), ["Meta"], { key: "lastImport" }, "4:abc:7");
    expect(new PlainCollector().convert(meta)).toMatchObject({ label: "Meta", id: "4:abc:7" });
  });

  it("converts maps and lists returned by Cypher recursively", () => {
    const { rows } = toQueryRows(["m"], [record({ m: { n: int(3), list: [int(1), toDateTime(0)], s: "x" } })]);
    expect(rows[0]!.m).toEqual({ n: 3, list: [1, "1970-01-01T00:00:00.000Z"], s: "x" });
  });
});
