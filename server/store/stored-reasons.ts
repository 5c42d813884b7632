/**
 * A ring's reasons as both stores keep them (Ring.reasons, JSON text): one `[code, value,
 * contribution]` tuple a reason, with the label only where it is not the code's usual one
 * (REASON_LABELS). Every ring has all nine reasons, and as objects with their labels they were
 * ~800 bytes a ring, most of the write-back's bytes. Reading takes both forms, so a store written
 * before keeps its rings readable. Pure.
 */
import type { Reason } from "../domain/analysis-types.ts";
import { REASON_LABELS } from "../domain/rings/risk-score.ts";

type StoredReason = [code: string, value: number, contribution: number, label?: string];

/** @example storedReasons([{ code: "velocity", label: "Most refunds in 7 days", value: 17, contribution: 8 }]) // '[["velocity",17,8]]' */
export function storedReasons(reasons: readonly Reason[]): string {
  return JSON.stringify(
    reasons.map(
      ({ code, label, value, contribution }): StoredReason =>
        label === REASON_LABELS.get(code) ? [code, value, contribution] : [code, value, contribution, label],
    ),
  );
}

/** The reasons of a stored ring, labels restored; an unknown code without a label shows its code. */
export function readStoredReasons(text: string): Reason[] {
  return (JSON.parse(text) as (StoredReason | Reason)[]).map((r) => {
    if (!Array.isArray(r)) return r;
    const [code, value, contribution, label] = r;
    return { code, label: label ?? REASON_LABELS.get(code) ?? code, value, contribution };
  });
}
