/**
 * `ringlens rings` and `ringlens insiders`: export the current analysis as CSV (one row per
 * member or attached account, fixed leading columns) or JSON, to stdout or a file. Values are exact by
 * default, since ids must join back to the source systems; --spreadsheet-safe neutralises
 * cells a spreadsheet would run as formulas.
 */
import fs from "node:fs";
import { stringify } from "csv-stringify/sync";
import type { Config } from "../config.ts";
import { createStore } from "../store/create-store.ts";
import type { GraphStore } from "../store/graph-store.ts";
import { RinglensError } from "../errors.ts";
import { spreadsheetSafe } from "../csv/spreadsheet-safe.ts";
import { cypher } from "../cypher/cypher-files.ts";
import type { AttachedAccount, RingLink } from "../domain/analysis-types.ts";

const LEVELS = ["low", "medium", "high"] as const;

export interface ExportFlags {
  format?: string;
  out?: string;
  minLevel?: string;
  /** Neutralise cells a spreadsheet would run as formulas (CSV only). */
  spreadsheetSafe?: boolean;
}

export async function readMemberships(store: GraphStore, minLevel: (typeof LEVELS)[number]) {
  const levels = LEVELS.slice(LEVELS.indexOf(minLevel));
  const { rows } = await store.query(cypher("reads/export-memberships"), { levels: [...levels] }, { timeoutMs: 600_000 });
  return rows.map((r) => ({
    account_id: String(r.account_id),
    ring_id: String(r.ring_id),
    score: Number(r.score),
    flagged: r.level === "high" || r.level === "medium",
    level: String(r.level),
    size: Number(r.size),
  }));
}

/**
 * The rows of `ringlens rings`: every member (role "member"), then every attached account (role
 * "attached", its reason in `note`), each with the ring's links to other rings in `linked_rings`
 * ("R-… via Device:…; …").
 */
export async function readRingRows(store: GraphStore, minLevel: (typeof LEVELS)[number]) {
  const levels = LEVELS.slice(LEVELS.indexOf(minLevel));
  const members = await readMemberships(store, minLevel);
  const { rows } = await store.query(cypher("reads/export-ring-ties"), { levels: [...levels] }, { timeoutMs: 600_000 });
  const linked = new Map<string, string>();
  const attachedRows: Record<string, unknown>[] = [];
  for (const r of rows) {
    const links = JSON.parse(String(r.links ?? "[]")) as RingLink[];
    const text = links.map((l) => `${l.ringId} via ${l.via.map((v) => `${v.kind}:${v.identifierId}`).join(", ")}`).join("; ");
    linked.set(String(r.ring_id), text);
    for (const a of JSON.parse(String(r.attached ?? "[]")) as AttachedAccount[]) {
      attachedRows.push({
        account_id: a.accountId,
        ring_id: String(r.ring_id),
        score: Number(r.score),
        flagged: r.level === "high" || r.level === "medium",
        level: String(r.level),
        size: Number(r.size),
        role: "attached",
        note: a.reason,
        linked_rings: text,
      });
    }
  }
  return [...members.map((m) => ({ ...m, role: "member", note: "", linked_rings: linked.get(m.ring_id) ?? "" })), ...attachedRows];
}

export async function readInsiders(store: GraphStore) {
  const { rows } = await store.query(cypher("reads/export-insiders"), {}, { timeoutMs: 600_000 });
  return rows.map((r) => ({
    employee_id: String(r.employee_id),
    ring_id: String(r.ring_id),
    score: Number(r.score),
    share: Number(r.share),
    lift: Number(r.lift),
    reason: String(r.reason),
  }));
}

export async function runExport(
  what: "rings" | "insiders",
  flags: ExportFlags,
  config: Config,
  out: NodeJS.WritableStream,
): Promise<number> {
  const format = flags.format ?? "csv";
  if (format !== "csv" && format !== "json")
    throw new RinglensError("invalid-input", `${what}: --format must be csv or json, not "${format}"`);
  const minLevel = (flags.minLevel ?? "low") as (typeof LEVELS)[number];
  if (!LEVELS.includes(minLevel))
    throw new RinglensError("invalid-input", `rings: --min-level must be low, medium or high, not "${flags.minLevel}"`);
  const store = await createStore(config, { command: what, readOnly: true });
  try {
    const rows: Record<string, unknown>[] = what === "rings" ? await readRingRows(store, minLevel) : await readInsiders(store);
    const columns =
      what === "rings"
        ? ["account_id", "ring_id", "score", "flagged", "level", "size", "role", "note", "linked_rings"]
        : ["employee_id", "ring_id", "score", "share", "lift", "reason"];
    const cast = { boolean: (b: boolean) => String(b), ...(flags.spreadsheetSafe ? { string: spreadsheetSafe } : {}) };
    const text = format === "json" ? `${JSON.stringify(rows, null, 1)}\n` : stringify(rows, { header: true, columns, cast });
    if (flags.out) {
      fs.writeFileSync(flags.out, text);
      process.stderr.write(`${what}: ${rows.length} rows written to ${flags.out}\n`);
    } else {
      out.write(text);
    }
    return 0;
  } finally {
    await store.close();
  }
}
