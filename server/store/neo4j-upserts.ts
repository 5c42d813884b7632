/**
 * Bulk upserts on Neo4j: each kind's rows go as `UNWIND $rows AS row MERGE …` in batches, all
 * statements of one batch in one transaction. Times travel as DateTime at UTC; amounts stay JS
 * numbers, which the driver sends as floats. Same semantics as the embedded loads: nodes merged
 * on id, null clears a property, a refund's approver is replaced on re-import.
 */
import { RinglensError } from "../errors.ts";
import type { UpsertBatch, UpsertKind } from "./graph-store.ts";
import { toDateTimeOrNull } from "./neo4j-values.ts";

/** Ids are indexed (unique constraints); Neo4j refuses index keys over 8,167 bytes and fails the whole transaction. */
export const MAX_INDEXED_ID_BYTES = 8_000;

/** The statements of one batch of `kind`, run in order in one transaction with `$rows`. */
export const UPSERT_STATEMENTS: Readonly<Record<UpsertKind, readonly string[]>> = {
  Account: [
    `UNWIND $rows AS row MERGE (n:Account {id: row.id})
     SET n.createdAt = row.createdAt, n.country = row.country, n.email = row.email, n.phone = row.phone,
       n.name = row.name, n.status = row.status`,
  ],
  Address: [
    `UNWIND $rows AS row MERGE (n:Address {id: row.id})
     SET n.line1 = row.line1, n.line2 = row.line2, n.city = row.city, n.postalCode = row.postalCode,
       n.region = row.region, n.country = row.country`,
  ],
  Device: [
    "UNWIND $rows AS row MERGE (n:Device {id: row.id}) SET n.ip = row.ip, n.userAgent = row.userAgent",
  ],
  Email: ["UNWIND $rows AS row MERGE (:Email {id: row.id})"],
  Phone: ["UNWIND $rows AS row MERGE (:Phone {id: row.id})"],
  Payment: ["UNWIND $rows AS row MERGE (n:Payment {id: row.id}) SET n.type = row.type, n.last4 = row.last4"],
  IP: ["UNWIND $rows AS row MERGE (:IP {id: row.id})"],
  Employee: [
    `UNWIND $rows AS row MERGE (n:Employee {id: row.id})
     SET n.name = row.name, n.team = row.team, n.site = row.site, n.country = row.country,
       n.hiredAt = row.hiredAt, n.leftAt = row.leftAt`,
  ],
  Refund: [
    `UNWIND $rows AS row MERGE (n:Refund {id: row.id})
     SET n.orderId = row.orderId, n.amount = row.amount, n.currency = row.currency, n.item = row.item,
       n.category = row.category, n.requestedAt = row.requestedAt, n.approvedAt = row.approvedAt,
       n.returned = row.returned, n.channel = row.channel, n.status = row.status`,
    "UNWIND $rows AS row MATCH (a:Account {id: row.accountId}) MATCH (n:Refund {id: row.id}) MERGE (a)-[:REQUESTED]->(n)",
    // An approver can change on re-import: the old APPROVED goes before the current one is merged.
    "UNWIND $rows AS row MATCH (:Employee)-[old:APPROVED]->(:Refund {id: row.id}) DELETE old",
    `UNWIND $rows AS row WITH row WHERE row.employeeId IS NOT NULL
     MATCH (e:Employee {id: row.employeeId}) MATCH (n:Refund {id: row.id}) MERGE (e)-[:APPROVED]->(n)`,
  ],
  SHIPS_TO: [
    "UNWIND $rows AS row MATCH (a:Account {id: row.accountId}) MATCH (x:Address {id: row.addressId}) MERGE (a)-[:SHIPS_TO {type: row.type}]->(x)",
  ],
  USES: [
    `UNWIND $rows AS row MATCH (a:Account {id: row.accountId}) MATCH (d:Device {id: row.deviceId})
     MERGE (a)-[r:USES]->(d) SET r.firstSeen = row.firstSeen, r.lastSeen = row.lastSeen`,
  ],
  HAS_EMAIL: [
    `UNWIND $rows AS row MATCH (a:Account {id: row.accountId}) MATCH (x:Email {id: row.identifierId})
     MERGE (a)-[r:HAS_EMAIL]->(x)`,
  ],
  HAS_PHONE: [
    `UNWIND $rows AS row MATCH (a:Account {id: row.accountId}) MATCH (x:Phone {id: row.identifierId})
     MERGE (a)-[r:HAS_PHONE]->(x)`,
  ],
  PAYS_WITH: [
    `UNWIND $rows AS row MATCH (a:Account {id: row.accountId}) MATCH (x:Payment {id: row.identifierId})
     MERGE (a)-[r:PAYS_WITH]->(x) SET r.firstSeen = row.firstSeen`,
  ],
  USES_IP: [
    `UNWIND $rows AS row MATCH (a:Account {id: row.accountId}) MATCH (x:IP {id: row.identifierId})
     MERGE (a)-[r:USES_IP]->(x)`,
  ],
};

/** Fields of each kind's rows, as the statements read them (`row.<field>`). */
export const UPSERT_FIELDS: Readonly<Record<UpsertKind, readonly string[]>> = {
  Account: ["id", "createdAt", "country", "email", "phone", "name", "status"],
  Address: ["id", "line1", "line2", "city", "postalCode", "region", "country"],
  Device: ["id", "ip", "userAgent"],
  Employee: ["id", "name", "team", "site", "country", "hiredAt", "leftAt"],
  Refund: ["id", "accountId", "employeeId", "orderId", "amount", "currency", "item", "category", "requestedAt", "approvedAt", "returned", "channel", "status"],
  SHIPS_TO: ["accountId", "addressId", "type"],
  USES: ["accountId", "deviceId", "firstSeen", "lastSeen"],
  Email: ["id"],
  Phone: ["id"],
  Payment: ["id", "type", "last4"],
  IP: ["id"],
  HAS_EMAIL: ["accountId", "identifierId"],
  HAS_PHONE: ["accountId", "identifierId"],
  PAYS_WITH: ["accountId", "identifierId", "firstSeen"],
  USES_IP: ["accountId", "identifierId"],
};

/** Fields holding epoch milliseconds, stored as DateTime. */
const TIME_FIELDS = new Set(["createdAt", "hiredAt", "leftAt", "requestedAt", "approvedAt", "firstSeen", "lastSeen"]);

/** One row as the driver receives it: every field present (absent → null), times as DateTime. */
export function toUpsertRow(kind: UpsertKind, row: UpsertBatch[UpsertKind][number]): Record<string, unknown> {
  const values = row as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of UPSERT_FIELDS[kind]) {
    const v = values[field];
    out[field] = TIME_FIELDS.has(field) ? toDateTimeOrNull(v as number | null | undefined) : v ?? null;
  }
  return out;
}

/** Refuses, before anything is written, a node id longer than Neo4j can index, naming it. */
export function checkIndexedIds(kind: UpsertKind, rows: readonly UpsertBatch[UpsertKind][number][]): void {
  if (!("id" in (rows[0] ?? {}))) return;
  for (const row of rows as readonly { id: string }[]) {
    const bytes = Buffer.byteLength(row.id, "utf8");
    if (bytes > MAX_INDEXED_ID_BYTES) {
      throw new RinglensError("invalid-input", `neo4j store: a ${kind} id of ${bytes.toLocaleString("en")} bytes ("${row.id.slice(0, 40)}…") is longer than Neo4j can index (${MAX_INDEXED_ID_BYTES.toLocaleString("en")} bytes); shorten it in the source data`);
    }
  }
}

/**
 * Splits rows into batches of at most `size`.
 * @example chunk([1, 2, 3], 2) // [[1, 2], [3]]
 */
export function chunk<T>(rows: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a whole number ≥ 1, not ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
