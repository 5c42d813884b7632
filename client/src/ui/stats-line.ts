/**
 * The header's one-line summary of what is loaded ("12,400 accounts · 38 rings · …"), from
 * GET /api/stats. Silent when the API has no answer: the ring list reports errors already.
 */
import type { Api } from "../api/api-client.ts";
import { formatInt } from "./format.ts";

const SHOWN = ["Account", "Refund", "Employee", "Ring"];
// Every group of linked accounts is a Ring; `flagged` (from the last analysis) says how many matter.

export async function showStats(target: HTMLElement, api: Api): Promise<void> {
  try {
    const { counts, lastAnalysis } = await api.stats();
    const parts = SHOWN.filter((kind) => typeof counts[kind] === "number").map(
      (kind) => `${formatInt(counts[kind]!)} ${kind.toLowerCase()}s`,
    );
    if (lastAnalysis) parts.push(`${formatInt(lastAnalysis.flagged)} flagged`);
    target.textContent = parts.join(" · ");
  } catch {
    target.textContent = "";
  }
}
