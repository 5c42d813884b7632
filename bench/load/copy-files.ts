/**
 * Rewrites ringlens' staged rows (see staged-rows-store.ts) as the files the engine's
 * `COPY … FROM` takes into empty tables: one file per node and relationship table, columns in
 * table order, each node once (the first staged row of an id) and each relationship once.
 * Values are already normalised; nothing is parsed beyond splitting the CSV. Imports no engine.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify/sync";
import type { UpsertKind } from "../../server/store/graph-store.ts";

/** A table the engine copies into, from which staged kind, with which staged columns. */
interface CopyPlan {
  table: string;
  from: UpsertKind;
  columns: string[];
  /** Staged columns whose values make a row unique. */
  key: string[];
  /** Rows to leave out (a refund without an approver has no APPROVED). */
  keep?: (row: Record<string, string>) => boolean;
}

const REFUND_PROPERTIES = ["id", "orderId", "amount", "currency", "item", "category", "requestedAt", "approvedAt", "returned", "channel", "status"];

/** In dependency order: node tables first. */
export const COPY_PLANS: readonly CopyPlan[] = [
  { table: "Account", from: "Account", columns: ["id", "createdAt", "country", "email", "phone", "name", "status"], key: ["id"] },
  { table: "Employee", from: "Employee", columns: ["id", "name", "team", "site", "country", "hiredAt", "leftAt"], key: ["id"] },
  { table: "Address", from: "Address", columns: ["id", "line1", "line2", "city", "postalCode", "region", "country"], key: ["id"] },
  { table: "Device", from: "Device", columns: ["id", "ip", "userAgent"], key: ["id"] },
  { table: "Refund", from: "Refund", columns: REFUND_PROPERTIES, key: ["id"] },
  { table: "REQUESTED", from: "Refund", columns: ["accountId", "id"], key: ["id"] },
  { table: "APPROVED", from: "Refund", columns: ["employeeId", "id"], key: ["id"], keep: (row) => row.employeeId !== "" },
  { table: "SHIPS_TO", from: "SHIPS_TO", columns: ["accountId", "addressId", "type"], key: ["accountId", "addressId", "type"] },
  { table: "USES", from: "USES", columns: ["accountId", "deviceId", "firstSeen", "lastSeen"], key: ["accountId", "deviceId"] },
];

/**
 * Writes `<out>/<table>.csv` for every plan whose staged file exists; returns the files in
 * COPY order.
 *
 * @example const files = await writeCopyFiles(staged.file.bind(staged), "/tmp/copy");
 */
export async function writeCopyFiles(stagedFile: (kind: UpsertKind) => string, out: string): Promise<{ table: string; file: string }[]> {
  fs.mkdirSync(out, { recursive: true });
  const written: { table: string; file: string }[] = [];
  for (const plan of COPY_PLANS) {
    const source = stagedFile(plan.from);
    if (!fs.existsSync(source)) continue;
    const file = path.join(out, `${plan.table}.csv`);
    const sink = fs.openSync(file, "w");
    try {
      fs.writeSync(sink, stringify([plan.columns]));
      const seen = new Set<string>();
      let batch: string[][] = [];
      for await (const row of fs.createReadStream(source).pipe(parse({ columns: true })) as AsyncIterable<Record<string, string>>) {
        if (plan.keep && !plan.keep(row)) continue;
        const key = plan.key.map((k) => row[k]).join("\u0000");
        if (seen.has(key)) continue;
        seen.add(key);
        batch.push(plan.columns.map((c) => row[c] ?? ""));
        if (batch.length >= 10_000) {
          fs.writeSync(sink, stringify(batch));
          batch = [];
        }
      }
      fs.writeSync(sink, stringify(batch));
    } finally {
      fs.closeSync(sink);
    }
    written.push({ table: plan.table, file });
  }
  return written;
}
