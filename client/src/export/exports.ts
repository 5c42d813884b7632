/**
 * The three exports the toolbar offers: PNG of the canvas, CSV of the open ring's members and
 * attached accounts (formula-safe), JSON of the graph on screen (graphology's serialised format, data
 * attributes and positions, as the API sends it plus x,y).
 */
import type { Attributes } from "graphology-types";
import type Sigma from "sigma";
import type { RingDetail } from "../../../wire/wire-types.ts";
import type { DataGraph } from "../graph/data-graph.ts";
import { download, safeFileName } from "./download.ts";
import { canvasPng } from "./export-png.ts";
import { toCsv } from "./to-csv.ts";

const MEMBER_COLUMNS = ["id", "name", "email", "country", "createdAt", "refundCount", "refundValue", "role", "note"];

export async function exportPng<N extends Attributes, E extends Attributes>(sigma: Sigma<N, E>, name: string): Promise<void> {
  download(await canvasPng(sigma), `${safeFileName(name)}.png`);
}

export function membersCsv(ring: RingDetail): string {
  return toCsv(MEMBER_COLUMNS, [
    ...ring.members.map((m) => ({ ...m, role: "member", note: "" })),
    // Attached accounts are listed, not members: their role and reason say so.
    ...ring.attached.map((a) => ({ id: a.accountId, role: "attached", note: a.reason })),
  ]);
}

export function exportMembersCsv(ring: RingDetail): void {
  download(new Blob([membersCsv(ring)], { type: "text/csv;charset=utf-8" }), `${safeFileName(`ring-${ring.id}-members`)}.csv`);
}

export function graphJson(graph: DataGraph, meta: Record<string, unknown>): string {
  return JSON.stringify({ ...meta, exportedAt: new Date().toISOString(), graph: graph.export() }, null, 2);
}

export function exportGraphJson(graph: DataGraph, name: string, meta: Record<string, unknown>): void {
  download(new Blob([graphJson(graph, meta)], { type: "application/json" }), `${safeFileName(name)}.json`);
}
