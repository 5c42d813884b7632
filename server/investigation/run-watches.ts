/**
 * Saved-query watches: each runs its saved query (cypher/queries/) with its parameters after
 * an analysis, and a row it never returned before raises a `watch` alert. Rows are remembered
 * as digests of their JSON, so a watch's memory is a few bytes per row.
 */
import { hash53 } from "../domain/hash.ts";
import { alertId } from "../domain/investigation/raise-alerts.ts";
import type { AlertDraft, WatchRecord } from "../domain/investigation/case-types.ts";
import { bindParams, type Catalogue } from "../queries/catalogue.ts";
import { RinglensError } from "../errors.ts";
import type { GraphStore } from "../store/graph-store.ts";

/** A watch remembers at most this many rows: the newest digests are kept. */
const MAX_SEEN = 100_000;

/** What a watch's query returns now, as row digests, with the rows. */
export async function watchRows(
  store: GraphStore,
  catalogue: Catalogue,
  query: string,
  params: Record<string, unknown>,
  timeoutMs: number,
) {
  const definition = catalogue.get(query);
  if (!definition) throw new RinglensError("not-found", `watch: no saved query named ${query}; list them at GET /api/queries`);
  const { rows } = await store.query(definition.text, bindParams(definition, params), { timeoutMs });
  return rows.map((row) => ({ digest: hash53(JSON.stringify(row)).toString(36), row }));
}

/** Runs every watch; returns its alert drafts and each watch's digests to remember. */
export async function runWatches(
  store: GraphStore,
  catalogue: Catalogue,
  watches: readonly WatchRecord[],
  timeoutMs: number,
): Promise<{ drafts: AlertDraft[]; seen: Map<string, string[]> }> {
  const drafts: AlertDraft[] = [];
  const seen = new Map<string, string[]>();
  for (const watch of watches) {
    const rows = await watchRows(store, catalogue, watch.query, watch.params, timeoutMs);
    const before = new Set(watch.seen);
    const fresh = rows.filter((r) => !before.has(r.digest));
    if (fresh.length === 0) continue;
    const digests = fresh.map((r) => r.digest).sort();
    drafts.push({
      id: alertId("watch", watch.id, ...digests),
      kind: "watch",
      caseId: null,
      ringId: null,
      accountId: null,
      identifier: null,
      watchId: watch.id,
      message: `watch ${watch.name} (${watch.query}) returned ${fresh.length} new row(s)`,
      detail: { query: watch.query, params: watch.params, newRows: fresh.length, rows: fresh.slice(0, 20).map((r) => r.row) },
    });
    seen.set(watch.id, [...watch.seen, ...digests].slice(-MAX_SEEN));
  }
  return { drafts, seen };
}
