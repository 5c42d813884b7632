/**
 * The embedded engine's bulk upserts: each kind's rows are staged as a CSV file and merged by
 * the engine's own `LOAD FROM … MERGE` (≈30× faster than per-row parameters on kuzu). Columns
 * travel as strings; empty means absent and becomes NULL.
 */
import type { UpsertBatch, UpsertKind } from "./graph-store.ts";

type Column = { name: string; kind: "string" | "double" | "boolean" | "timestamp" };

interface LoadSpec {
  columns: Column[];
  /** Cypher after `LOAD WITH HEADERS (…) FROM '…'`, one statement each; columns are in scope by name. */
  merge: string[];
  /** Finds which staged rows already exist: a MATCH returning their key columns. */
  existing: string;
  /** For rows that do not exist yet: the tables to `COPY … FROM` and their columns, in table order. */
  copies: { table: string; columns: string[]; onlyWhen?: string }[];
}

const s = (name: string): Column => ({ name, kind: "string" });
const t = (name: string): Column => ({ name, kind: "timestamp" });

/** `SET` list for node properties, converting each staged string to its stored type. */
function setList(variable: string, columns: Column[]): string {
  return columns
    .filter((c) => c.name !== "id")
    .map((c) => `${variable}.${c.name} = ${convert(c)}`)
    .join(", ");
}

function convert(c: Column): string {
  switch (c.kind) {
    case "string": return `nullif(${c.name}, '')`;
    case "double": return `CAST(nullif(${c.name}, '') AS DOUBLE)`;
    case "boolean": return `CAST(nullif(${c.name}, '') AS BOOLEAN)`;
    case "timestamp": return `timestamp(nullif(${c.name}, ''))`;
  }
}

function nodeSpec(label: string, columns: Column[]): LoadSpec {
  const set = setList("n", columns);
  return {
    columns,
    merge: [`MERGE (n:${label} {id: id})${set === "" ? "" : ` SET ${set}`}`],
    existing: `MATCH (n:${label} {id: id}) RETURN n.id`,
    copies: [{ table: label, columns: columns.map((c) => c.name) }],
  };
}

/** An account's use of an identifier node, merged on its two ends (HAS_EMAIL, HAS_PHONE, PAYS_WITH, USES_IP). */
function useSpec(rel: string, label: string, properties: Column[] = []): LoadSpec {
  const set = properties.map((c) => `r.${c.name} = ${convert(c)}`).join(", ");
  return {
    columns: [s("accountId"), s("identifierId"), ...properties],
    merge: [`MATCH (a:Account {id: accountId}) MATCH (x:${label} {id: identifierId}) MERGE (a)-[r:${rel}]->(x)${set === "" ? "" : ` SET ${set}`}`],
    existing: `MATCH (a:Account {id: accountId})-[:${rel}]->(x:${label} {id: identifierId}) RETURN a.id, x.id`,
    copies: [{ table: rel, columns: ["accountId", "identifierId", ...properties.map((c) => c.name)] }],
  };
}

const REFUND_COLUMNS: Column[] = [
  s("id"), s("accountId"), s("employeeId"), s("orderId"), { name: "amount", kind: "double" }, s("currency"),
  s("item"), s("category"), t("requestedAt"), t("approvedAt"), { name: "returned", kind: "boolean" }, s("channel"), s("status"),
];

export const LOAD_SPECS: Record<UpsertKind, LoadSpec> = {
  Account: nodeSpec("Account", [s("id"), t("createdAt"), s("country"), s("email"), s("phone"), s("name"), s("status")]),
  Address: nodeSpec("Address", [s("id"), s("line1"), s("line2"), s("city"), s("postalCode"), s("region"), s("country")]),
  Device: nodeSpec("Device", [s("id"), s("ip"), s("userAgent")]),
  Email: nodeSpec("Email", [s("id")]),
  Phone: nodeSpec("Phone", [s("id")]),
  Payment: nodeSpec("Payment", [s("id"), s("type"), s("last4")]),
  IP: nodeSpec("IP", [s("id")]),
  Employee: nodeSpec("Employee", [s("id"), s("name"), s("team"), s("site"), s("country"), t("hiredAt"), t("leftAt")]),
  Refund: {
    columns: REFUND_COLUMNS,
    merge: [
      `MERGE (n:Refund {id: id}) SET ${setList("n", REFUND_COLUMNS.filter((c) => c.name !== "accountId" && c.name !== "employeeId"))}`,
      "MATCH (a:Account {id: accountId}) MATCH (n:Refund {id: id}) MERGE (a)-[:REQUESTED]->(n)",
      // An approver can change on re-import: the old APPROVED goes, then the current one is
      // created. CREATE, not MERGE: MERGE scans the employee's approvals, thousands for a busy
      // agent, for every row.
      "MATCH (n:Refund {id: id})<-[r:APPROVED]-(:Employee) DELETE r",
      // No `WITH * WHERE employeeId <> ''` guard: it made kuzu plan a join that filled the
      // buffer pool; an empty id simply matches no employee.
      "MATCH (n:Refund {id: id}) MATCH (e:Employee {id: employeeId}) CREATE (e)-[:APPROVED]->(n)",
    ],
    existing: "MATCH (n:Refund {id: id}) RETURN n.id",
    copies: [
      { table: "Refund", columns: REFUND_COLUMNS.map((c) => c.name).filter((n) => n !== "accountId" && n !== "employeeId") },
      { table: "REQUESTED", columns: ["accountId", "id"] },
      { table: "APPROVED", columns: ["employeeId", "id"], onlyWhen: "employeeId" },
    ],
  },
  SHIPS_TO: {
    columns: [s("accountId"), s("addressId"), s("type")],
    merge: ["MATCH (a:Account {id: accountId}) MATCH (x:Address {id: addressId}) MERGE (a)-[r:SHIPS_TO {type: type}]->(x)"],
    existing: "MATCH (a:Account {id: accountId})-[r:SHIPS_TO]->(x:Address {id: addressId}) WHERE r.type = type RETURN a.id, x.id, r.type",
    copies: [{ table: "SHIPS_TO", columns: ["accountId", "addressId", "type"] }],
  },
  USES: {
    columns: [s("accountId"), s("deviceId"), t("firstSeen"), t("lastSeen")],
    merge: [`MATCH (a:Account {id: accountId}) MATCH (d:Device {id: deviceId}) MERGE (a)-[r:USES]->(d)
      SET r.firstSeen = ${convert(t("firstSeen"))}, r.lastSeen = ${convert(t("lastSeen"))}`],
    existing: "MATCH (a:Account {id: accountId})-[:USES]->(d:Device {id: deviceId}) RETURN a.id, d.id",
    copies: [{ table: "USES", columns: ["accountId", "deviceId", "firstSeen", "lastSeen"] }],
  },
  HAS_EMAIL: useSpec("HAS_EMAIL", "Email"),
  HAS_PHONE: useSpec("HAS_PHONE", "Phone"),
  PAYS_WITH: useSpec("PAYS_WITH", "Payment", [t("firstSeen")]),
  USES_IP: useSpec("USES_IP", "IP"),
};

// parallel=false: quoted cells may hold newlines, which the parallel reader cannot split.
function loadFrom(columns: readonly string[], file: string): string {
  const header = columns.map((c) => `${c} STRING`).join(", ");
  return `LOAD WITH HEADERS (${header}) FROM '${file}' (header=true, parallel=false)`;
}

/** The statements merging one staged file of `kind`, in order. */
export function loadStatements(kind: UpsertKind, file: string): string[] {
  const from = loadFrom(LOAD_SPECS[kind].columns.map((c) => c.name), file);
  return LOAD_SPECS[kind].merge.map((m) => `${from} ${m}`);
}

/**
 * Exports the keys of the staged rows that already exist in the store to `out`. `keysFile`
 * holds only the key columns (see `stageKey`): the lookup needs nothing else.
 */
export function existingStatement(kind: UpsertKind, keysFile: string, out: string): string {
  return `COPY (${loadFrom(keyColumns(kind), keysFile)} ${LOAD_SPECS[kind].existing}) TO '${out}' (header=false)`;
}

const USE_KEY = ["accountId", "identifierId"] as const;
const ID_KEY = ["id"] as const;
const KEY_COLUMNS: Partial<Record<UpsertKind, readonly string[]>> = {
  SHIPS_TO: ["accountId", "addressId", "type"], USES: ["accountId", "deviceId"],
  HAS_EMAIL: USE_KEY, HAS_PHONE: USE_KEY, PAYS_WITH: USE_KEY, USES_IP: USE_KEY,
};

/** The columns that identify a row of `kind`: what MERGE matches on and the lookup returns. */
export function keyColumns(kind: UpsertKind): readonly string[] {
  return KEY_COLUMNS[kind] ?? ID_KEY;
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

export function copyStatement(table: string, file: string): string {
  return `COPY ${table} FROM '${file}' (header=true, parallel=false)`;
}

/** One staged CSV record of a row: strings, ISO times, empty for absent. */
export function stageRecord(kind: UpsertKind, row: UpsertBatch[UpsertKind][number]): string[] {
  const values = row as unknown as Record<string, unknown>;
  return LOAD_SPECS[kind].columns.map((c) => {
    const v = values[c.name];
    if (v === null || v === undefined) return "";
    if (c.kind === "timestamp") return new Date(v as number).toISOString();
    return String(v);
  });
}
