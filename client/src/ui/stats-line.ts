/**
 * The header's one-line summary of what is loaded ("12,400 accounts · 38 rings · …"), from
 * GET /api/stats. Silent when the API has no answer: the ring list reports errors already.
 */
import type { Api } from "../api/api-client.ts";
import { formatInt } from "./format.ts";

const SHOWN = ["Account", "Refund", "Employee", "Ring"];

export async function showStats(target: HTMLElement, api: Api): Promise<void> {
  try {
    const { counts } = await api.stats();
    target.textContent = SHOWN.filter((kind) => typeof counts[kind] === "number")
      .map((kind) => `${formatInt(counts[kind]!)} ${kind.toLowerCase()}s`)
      .join(" · ");
  } catch {
    target.textContent = "";
  }
}
