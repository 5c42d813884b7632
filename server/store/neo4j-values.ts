/**
 * Values across the Neo4j boundary, both ways. Out: Integer → number (or string when outside
 * the safe range), temporal values → ISO strings, Node/Relationship/Path → the plain shapes of
 * plain-graph.ts keyed `Label:id`. In: integral numbers → Integer (Neo4j reads a JS number as a
 * float, and `LIMIT 5.0` fails), Date → DateTime at UTC. Only server/store/neo4j* imports
 * neo4j-driver.
 */
import neo4j, { type DateTime, type Integer, type Node, type Path, type Relationship } from "neo4j-driver";
import type { PlainNode, PlainPath, PlainRel } from "./plain-graph.ts";
import type { QueryRows } from "./graph-store.ts";

/**
 * One query parameter for the driver. Plain JS numbers that are safe integers become Integer,
 * other numbers stay floats; Dates become DateTime at offset 0; lists and maps are converted
 * element by element.
 * @example toNeo4jParam(100) // Integer 100, so `LIMIT $limit` works
 */
export function toNeo4jParam(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (typeof value === "bigint") return neo4j.int(value);
  if (value instanceof Date) return toDateTime(value.getTime());
  if (Array.isArray(value)) return value.map(toNeo4jParam);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toNeo4jParam(v);
    return out;
  }
  return value;
}

export function toNeo4jParams(params: Record<string, unknown>): Record<string, unknown> {
  return toNeo4jParam(params) as Record<string, unknown>;
}

/** A DateTime at UTC (offset 0) for epoch milliseconds; fromStandardDate would take the host's offset. */
export function toDateTime(ms: number): DateTime<Integer> {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a time: ${ms}`);
  return new neo4j.types.DateTime(
    neo4j.int(d.getUTCFullYear()),
    neo4j.int(d.getUTCMonth() + 1),
    neo4j.int(d.getUTCDate()),
    neo4j.int(d.getUTCHours()),
    neo4j.int(d.getUTCMinutes()),
    neo4j.int(d.getUTCSeconds()),
    neo4j.int(d.getUTCMilliseconds() * 1_000_000),
    neo4j.int(0),
  );
}

/** A time value (epoch ms as DateTime) for a nullable millisecond field. */
export const toDateTimeOrNull = (ms: number | null | undefined): DateTime<Integer> | null =>
  ms === null || ms === undefined ? null : toDateTime(ms);

/** A number from an Integer or a JS number (counts, temporal fields). */
export const toJsNumber = (v: unknown): number => (neo4j.isInt(v) ? (v as Integer).toNumber() : Number(v));
const num = toJsNumber;

/** Epoch milliseconds of a DateTime with a known offset; null when it has none or is out of range. */
export function dateTimeToMillis(value: DateTime<Integer | number | bigint>): number | null {
  if (value.timeZoneOffsetSeconds === undefined || value.timeZoneOffsetSeconds === null) return null;
  const d = new Date(0);
  d.setUTCFullYear(num(value.year), num(value.month) - 1, num(value.day));
  d.setUTCHours(num(value.hour), num(value.minute), num(value.second), Math.floor(num(value.nanosecond) / 1_000_000));
  const ms = d.getTime() - num(value.timeZoneOffsetSeconds) * 1000;
  return Number.isFinite(ms) ? ms : null;
}

/** Epoch ms of a stored time (DateTime, or LocalDateTime read as UTC); null for null. */
export function temporalToMillis(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (neo4j.isDateTime(value)) return dateTimeToMillis(value);
  if (neo4j.isLocalDateTime(value)) {
    const v = value;
    return dateTimeToMillis(new neo4j.types.DateTime(v.year, v.month, v.day, v.hour, v.minute, v.second, v.nanosecond, neo4j.int(0)));
  }
  if (typeof value === "number") return value;
  if (neo4j.isInt(value)) return (value as Integer).toNumber();
  return null;
}

/** Collects the nodes of one result so relationships can name their ends as `Label:id`. */
export class PlainCollector {
  private readonly nodes = new Map<string, PlainNode>();
  private readonly rels: PlainRel[] = [];

  /** Converts one value of a record. */
  convert(value: unknown): unknown {
    if (value === null || value === undefined) return null;
    if (typeof value !== "object") return typeof value === "bigint" ? integerToPlain(neo4j.int(value)) : value;
    if (neo4j.isInt(value)) return integerToPlain(value as Integer);
    if (Array.isArray(value)) return value.map((v) => this.convert(v));
    if (neo4j.isNode(value)) return this.node(value as Node);
    if (neo4j.isRelationship(value)) return this.rel(value as Relationship);
    if (neo4j.isPath(value)) return this.path(value as Path);
    const temporal = temporalToPlain(value);
    if (temporal !== undefined) return temporal;
    if (neo4j.isPoint(value)) return { srid: num(value.srid), x: value.x, y: value.y, ...(value.z !== undefined ? { z: value.z } : {}) };
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.convert(v);
      return out;
    }
    return String(value);
  }

  /** Rewrites relationship ends from element ids to `Label:id` once every node of the result is known. */
  resolve(): void {
    for (const rel of this.rels) {
      const s = this.nodes.get(rel.source);
      const t = this.nodes.get(rel.target);
      rel.source = s ? `${s.label}:${s.id}` : "";
      rel.target = t ? `${t.label}:${t.id}` : "";
    }
  }

  private node(n: Node): PlainNode {
    const properties = this.properties(n.properties);
    const id = properties.id;
    const node: PlainNode = { _type: "node", label: n.labels[0] ?? "", id: id === undefined ? n.elementId : String(id), properties };
    this.nodes.set(n.elementId, node);
    return node;
  }

  private rel(r: Relationship): PlainRel {
    const rel: PlainRel = {
      _type: "rel",
      type: r.type,
      source: r.startNodeElementId,
      target: r.endNodeElementId,
      properties: this.properties(r.properties),
    };
    this.rels.push(rel);
    return rel;
  }

  private path(p: Path): PlainPath {
    const nodes = [this.node(p.start), ...p.segments.map((s) => this.node(s.end))];
    return { _type: "path", nodes, rels: p.segments.map((s) => this.rel(s.relationship)) };
  }

  private properties(props: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props)) if (v !== null && v !== undefined) out[k] = this.convert(v);
    return out;
  }
}

/** Maps a whole result: plain rows, with relationship ends resolved across all rows. */
export function toQueryRows(columns: string[], records: ReadonlyArray<{ get(key: string): unknown }>): QueryRows {
  const collector = new PlainCollector();
  const rows = records.map((record) => {
    const row: Record<string, unknown> = {};
    for (const column of columns) row[column] = collector.convert(record.get(column));
    return row;
  });
  collector.resolve();
  return { columns, rows };
}

function integerToPlain(value: Integer): number | string {
  return value.inSafeRange() ? value.toNumber() : value.toString();
}

/** ISO text of a temporal value; DateTimes as `Date#toISOString` like the embedded store. */
function temporalToPlain(value: object): string | undefined {
  if (neo4j.isDateTime(value)) {
    const ms = dateTimeToMillis(value);
    return ms === null ? value.toString() : new Date(ms).toISOString();
  }
  if (neo4j.isLocalDateTime(value) || neo4j.isDate(value) || neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)) {
    return value.toString();
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
