/**
 * Whether an analysis in this process fits its heap, asked before anything is read: a heap that
 * overflows kills the process minutes in, with V8's "Reached heap limit" and no word of what to
 * do. The need is the analysis' measured peak heap per item it reads (an account, identifier,
 * link or refund): 1,744 MB for the 14.7M items of 1M accounts (2026-12-02, `ringlens analyze`
 * at L), 125 bytes an item.
 */
import os from "node:os";
import v8 from "node:v8";
import { RinglensError } from "../errors.ts";
import { CONTACT_LINK_KINDS, IDENTIFIER_KINDS } from "../domain/model.ts";

export const HEAP_BYTES_PER_ITEM = 125;
const MB = 2 ** 20;

/** What an in-process analysis reads, counted from the store's node and relationship counts. */
export function analysisItems(counts: Readonly<Record<string, number>>): number {
  const names = [
    "Account",
    "Refund",
    ...IDENTIFIER_KINDS.flatMap((k) => [k.label, k.rel]),
    ...CONTACT_LINK_KINDS.map((k) => k.rel),
    "Handle",
  ];
  return names.reduce((n, name) => n + (counts[name] ?? 0), 0);
}

/**
 * The error to stop with when the analysis would not fit a heap of `heapLimit` bytes, or null.
 * @example analysisHeapProblem({ Account: 5e6, … }, 4 * 2 ** 30) // RinglensError "… needs about 8,700 MB …"
 */
export function analysisHeapProblem(
  counts: Readonly<Record<string, number>>,
  heapLimit: number = v8.getHeapStatistics().heap_size_limit,
  machine: number = os.totalmem(),
): RinglensError | null {
  const items = analysisItems(counts);
  const need = items * HEAP_BYTES_PER_ITEM;
  if (need <= heapLimit) return null;
  const mb = (bytes: number) => Math.ceil(bytes / MB).toLocaleString("en");
  // A quarter more than the estimate, in whole GB: the estimate is a measured peak, not a bound.
  const suggest = Math.ceil((need * 1.25) / 2 ** 30) * 1024;
  const room =
    suggest * MB < machine * 0.9
      ? `run it with a larger heap: NODE_OPTIONS=--max-old-space-size=${suggest} ringlens analyze (this machine has ${mb(machine)} MB)`
      : `this machine (${mb(machine)} MB) has not that much to give: analyse on a larger one, or where the data is (--store neo4j --in-store, with Graph Data Science)`;
  return new RinglensError(
    "unavailable",
    `analysis: the store's ${items.toLocaleString("en")} accounts, identifiers, links and refunds need about ${mb(need)} MB of Node heap in this process, which may use ${mb(heapLimit)} MB; ${room}`,
    { items, needMb: Math.ceil(need / MB), heapLimitMb: Math.floor(heapLimit / MB) },
  );
}
