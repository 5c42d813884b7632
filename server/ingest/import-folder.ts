/**
 * Imports a folder of CSV/JSONL files into a GraphStore: streams each file, validates and
 * normalises every record, drops identical duplicates, lets a later conflicting row win, writes
 * through the store's bulk path in batches and reports every row it did not load.
 * Invariant per file: read = loaded + rejected + duplicates.
 */
import path from "node:path";
import { checkpoint } from "../checkpoints.ts";
import { hash53 } from "../domain/hash.ts";
import type { GraphStore, UpsertBatch, UpsertKind } from "../store/graph-store.ts";
import { UPSERT_ORDER } from "../store/graph-store.ts";
import { FILE_KINDS, FILE_SPECS, type FileKind } from "./file-specs.ts";
import { locateFiles } from "./locate-files.ts";
import { EMPTY_MAPPING, headerRenamer, type Mapping } from "./mapping.ts";
import { readRecords } from "./read-records.ts";
import { KeyDigests } from "./key-digests.ts";
import { RejectReport } from "./reject-report.ts";
import { identifierValue, toAccount, toAddress, toDevice, toEmployee, toPayment, toRefund } from "./to-entities.ts";
import { validateRecord, type CellValue, type KnownKeys } from "./validate-record.ts";

export interface FileReport {
  kind: FileKind;
  file: string | null;
  read: number;
  loaded: number;
  rejected: number;
  /** Rows not loaded because another row had the same key (identical, or replaced by a later one). */
  duplicates: number;
  /** Of the duplicates: keys whose later row differed and won. */
  replaced: number;
  /** Loaded rows with a placeholder identifier (`test@test.com`, `000-000-0000`, a constant device id) that was not linked. */
  placeholders: number;
}

export interface ImportReport {
  folder: string;
  files: FileReport[];
  rejectFile: string;
  read: number;
  loaded: number;
  rejected: number;
  placeholders: number;
  ms: number;
  rowsPerSecond: number;
}

export interface ImportProgress {
  kind: FileKind;
  read: number;
  totalRead: number;
  rowsPerSecond: number;
}

/** What became of one input record (for audits and tests: every line is accounted for). */
export interface RecordOutcome {
  kind: FileKind;
  firstLine: number;
  lastLine: number;
  outcome: "loaded" | "rejected" | "duplicate";
}

export interface ImportOptions {
  folder: string;
  store: GraphStore;
  rejectFile: string;
  mapping?: Mapping;
  batchSize?: number;
  /** Also flush once the pending rows hold this many characters of input (default 32M), so wide rows do not grow a batch without bound. */
  batchChars?: number;
  onProgress?: (progress: ImportProgress) => void;
  onRecord?: (outcome: RecordOutcome) => void;
}

type Pending = { [K in UpsertKind]: Map<string, UpsertBatch[K][number]> };
const emptyPending = (): Pending => Object.fromEntries(UPSERT_ORDER.map((k) => [k, new Map()])) as unknown as Pending;

export async function importFolder(options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const onRecord = options.onRecord;
  const mapping = options.mapping ?? EMPTY_MAPPING;
  const files = locateFiles(options.folder, mapping);
  // Each engine statement has a fixed cost (tens to hundreds of ms) whatever its size, so batches
  // are large; bounded by rows and by characters, memory follows the batch, not the file.
  const batchSize = options.batchSize ?? 200_000;
  const batchChars = options.batchChars ?? 32 * 1024 * 1024;
  const known: KnownKeys = { accounts: new Set(), employees: new Set() };
  const rejects = new RejectReport(options.rejectFile);
  const seen: Seen = { addresses: new Set(), countries: new Map(), payments: new Set() };
  const reports: FileReport[] = [];
  let totalRead = 0;
  await options.store.ensureSchema();
  try {
    for (const kind of FILE_KINDS) {
      const file = files[kind];
      const report: FileReport = { kind, file, read: 0, loaded: 0, rejected: 0, duplicates: 0, replaced: 0, placeholders: 0 };
      reports.push(report);
      if (!file) continue;
      const name = path.basename(file);
      const seenKeys = new KeyDigests();
      let pending = emptyPending();
      let pendingRows = 0;
      let pendingChars = 0;
      const flush = async () => {
        for (const k of UPSERT_ORDER) {
          const rows = [...pending[k].values()];
          if (rows.length > 0) {
            await options.store.upsert(k, rows as never);
            await checkpoint(`import:${kind}:wrote-${k}`);
          }
        }
        pending = emptyPending();
        pendingRows = 0;
        pendingChars = 0;
      };
      let missing: string[] = [];
      for await (const event of readRecords(file, { rename: headerRenamer(mapping, kind) })) {
        if (event.type === "header") {
          missing = file.toLowerCase().endsWith(".csv") ? missingColumns(kind, event.columns) : [];
          continue;
        }
        report.read++;
        totalRead++;
        if (event.type === "unreadable") {
          if (onRecord) onRecord(outcomeOf(kind, event, "rejected"));
          report.rejected++;
          const lines = event.lastLine && event.lastLine > event.line ? `lines ${event.line}–${event.lastLine}` : `line ${event.line}`;
          await rejects.add({ file: name, line: event.line, column: "", reason: `${lines} ${event.reason}` });
          continue;
        }
        if (missing.length > 0) {
          if (onRecord) onRecord(outcomeOf(kind, event, "rejected"));
          report.rejected++;
          await rejects.add({ file: name, line: event.line, column: missing.join(" "), reason: `required column ${missing.join(", ")} is missing from the header` });
          continue;
        }
        const checked = validateRecord(event.values, FILE_SPECS[kind], known);
        if (!checked.ok) {
          if (onRecord) onRecord(outcomeOf(kind, event, "rejected"));
          report.rejected++;
          for (const p of checked.problems) await rejects.add({ file: name, line: event.line, column: p.column, reason: `${p.column} ${p.reason}` });
          continue;
        }
        const staged = stage(kind, checked.values, pending, seen);
        const verdict = seenKeys.remember(staged.key, staged.content);
        if (onRecord) onRecord(outcomeOf(kind, event, verdict === "new" ? "loaded" : "duplicate"));
        if (kind === "accounts" || kind === "employees") known[kind].add(staged.key);
        if (verdict === "new") {
          report.loaded++;
          if (staged.placeholder) report.placeholders++;
        } else {
          report.duplicates++;
          if (verdict === "changed") report.replaced++;
        }
        pendingChars += event.chars;
        if (++pendingRows >= batchSize || pendingChars >= batchChars) await flush();
        if (totalRead % 10_000 === 0) options.onProgress?.({ kind, read: report.read, totalRead, rowsPerSecond: rate(totalRead, started) });
      }
      await flush();
      options.onProgress?.({ kind, read: report.read, totalRead, rowsPerSecond: rate(totalRead, started) });
      await checkpoint(`import:${kind}:done`);
    }
  } finally {
    await rejects.close();
  }
  const ms = performance.now() - started;
  return {
    folder: options.folder, files: reports, rejectFile: options.rejectFile,
    read: sum(reports, "read"), loaded: sum(reports, "loaded"), rejected: sum(reports, "rejected"), placeholders: sum(reports, "placeholders"),
    ms: Math.round(ms), rowsPerSecond: rate(totalRead, started),
  };
}

/** What staging remembers across files: address ids already named, and account countries (for phones in identifiers.csv). */
interface Seen {
  addresses: Set<string>;
  countries: Map<string, string | null>;
  /** Payments named by payments.csv, whose type and last4 an identifiers.csv row must not clear. */
  payments: Set<string>;
}

interface Staged {
  key: string;
  content: number;
  /** The row carried a placeholder identifier, which was not linked. */
  placeholder: boolean;
}

/** Stages an Email, Phone, IP or Payment use of `accountId`; false when the value is a placeholder. */
function stageIdentifier(pending: Pending, kind: "email" | "phone" | "ip", accountId: string, raw: string | null, country: string | null, useKey: string): boolean {
  if (raw === null) return true;
  const value = identifierValue(kind, raw, country);
  if (value === null) return false;
  const [node, rel] = kind === "email" ? (["Email", "HAS_EMAIL"] as const) : kind === "phone" ? (["Phone", "HAS_PHONE"] as const) : (["IP", "USES_IP"] as const);
  pending[node].set(value, { id: value });
  pending[rel].set(useKey, { accountId, identifierId: value });
  return true;
}

/** Puts a record's graph rows in the pending batch; returns its dedup key and content hash. */
function stage(kind: FileKind, values: Record<string, CellValue>, pending: Pending, seen: Seen): Staged {
  switch (kind) {
    case "accounts": {
      const row = toAccount(values);
      pending.Account.set(row.id, row);
      seen.countries.set(row.id, row.country);
      // Keyed by account: a later row of the same account replaces its contact identifiers.
      const email = stageIdentifier(pending, "email", row.id, text(values.email), row.country, `${row.id}\u0000account`);
      const phone = stageIdentifier(pending, "phone", row.id, text(values.phone), row.country, `${row.id}\u0000account`);
      return { key: row.id, content: hash53(JSON.stringify(row)), placeholder: !email || !phone };
    }
    case "employees": {
      const row = toEmployee(values);
      pending.Employee.set(row.id, row);
      return { key: row.id, content: hash53(JSON.stringify(row)), placeholder: false };
    }
    case "addresses": {
      const { address, shipsTo } = toAddress(values);
      // The first spelling seen names the address; later variants only link to it.
      if (!seen.addresses.has(address.id)) {
        seen.addresses.add(address.id);
        pending.Address.set(address.id, address);
      }
      const key = `${shipsTo.accountId}\u0000${shipsTo.addressId}\u0000${shipsTo.type}`;
      pending.SHIPS_TO.set(key, shipsTo);
      return { key, content: 0, placeholder: false };
    }
    case "devices": {
      const { device, uses } = toDevice(values);
      const key = `${uses.accountId}\u0000${uses.deviceId}`;
      const real = identifierValue("device", device.id, null) !== null;
      if (real) {
        pending.Device.set(device.id, device);
        pending.USES.set(key, uses);
      }
      const ip = stageIdentifier(pending, "ip", uses.accountId, device.ip, null, `${uses.accountId}\u0000${device.ip ?? ""}`);
      return { key, content: hash53(JSON.stringify([device, uses])), placeholder: !real || !ip };
    }
    case "payments": {
      const { payment, paysWith } = toPayment(values);
      const key = `${paysWith.accountId}\u0000${payment.id}`;
      const real = identifierValue("payment", payment.id, null) !== null;
      if (real) {
        seen.payments.add(payment.id);
        pending.Payment.set(payment.id, payment);
        pending.PAYS_WITH.set(key, paysWith);
      }
      return { key, content: hash53(JSON.stringify([payment, paysWith])), placeholder: !real };
    }
    case "identifiers": {
      const accountId = text(values.account_id)!;
      const type = text(values.type) as "email" | "phone" | "ip" | "payment";
      const raw = text(values.value)!;
      const key = `${accountId}\u0000${type}\u0000${raw.trim()}`;
      if (type === "payment") {
        const real = identifierValue("payment", raw, null) !== null;
        if (real) {
          if (!seen.payments.has(raw.trim())) pending.Payment.set(raw.trim(), { id: raw.trim(), type: null, last4: null });
          pending.PAYS_WITH.set(`${accountId}\u0000${raw.trim()}`, { accountId, identifierId: raw.trim(), firstSeen: null });
        }
        return { key, content: 0, placeholder: !real };
      }
      const real = stageIdentifier(pending, type, accountId, raw, seen.countries.get(accountId) ?? null, key);
      return { key, content: 0, placeholder: !real };
    }
    case "refunds": {
      const row = toRefund(values);
      pending.Refund.set(row.id, row);
      return { key: row.id, content: hash53(JSON.stringify(row)), placeholder: false };
    }
  }
}

// Module-level helpers: closures made per record cost measurable time at 100k+ rows.
const text = (v: CellValue | undefined) => (v === null || v === undefined ? null : String(v));

function outcomeOf(kind: FileKind, event: { line: number; lastLine?: number }, outcome: RecordOutcome["outcome"]): RecordOutcome {
  return { kind, firstLine: event.line, lastLine: event.lastLine ?? event.line, outcome };
}

function missingColumns(kind: FileKind, header: string[]): string[] {
  const present = new Set(header);
  return FILE_SPECS[kind].filter((c) => c.required && !present.has(c.name)).map((c) => c.name);
}

const rate = (rows: number, started: number) => Math.round(rows / Math.max((performance.now() - started) / 1000, 1e-3));
const sum = (reports: FileReport[], key: "read" | "loaded" | "rejected" | "placeholders") => reports.reduce((s, r) => s + r[key], 0);
