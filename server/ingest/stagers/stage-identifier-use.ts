/**
 * Stages an account's use of an email, phone or IP: the identifier node under its normalised
 * value and the account's edge to it, unless the value is a placeholder (which must not link).
 * Shared by the accounts, devices and identifiers stagers.
 */
import type { PendingRows } from "../pending-batch.ts";
import { identifierValue, usableIdentifier } from "../to-entities.ts";

type UseKind = "email" | "phone" | "ip";

const NODE_AND_EDGE = {
  email: ["Email", "HAS_EMAIL"],
  phone: ["Phone", "HAS_PHONE"],
  ip: ["IP", "USES_IP"],
} as const satisfies Record<UseKind, readonly [keyof PendingRows, keyof PendingRows]>;

/**
 * False when `raw` is a placeholder and nothing was staged; true when staged or `raw` is null.
 * `useKey` keys the edge: the same key from a later row replaces it.
 *
 * @example stageIdentifierUse(rows, "phone", "A1", "(212) 555-2368", "US", "A1\u0000account") // true
 */
export function stageIdentifierUse(
  rows: PendingRows,
  kind: UseKind,
  accountId: string,
  raw: string | null,
  country: string | null,
  useKey: string,
): boolean {
  if (raw === null) return true;
  return stageUsable(rows, kind, accountId, identifierValue(kind, raw, country), useKey);
}

/**
 * As stageIdentifierUse, for a value the caller has normalised already (an account's own email
 * and phone, normalised once for the Account row: libphonenumber-js costs ~14 µs a number).
 */
export function stageNormalisedUse(
  rows: PendingRows,
  kind: UseKind,
  accountId: string,
  raw: string | null,
  normalised: string | null,
  useKey: string,
): boolean {
  if (raw === null || normalised === null) return true;
  return stageUsable(rows, kind, accountId, usableIdentifier(kind, raw, normalised), useKey);
}

function stageUsable(rows: PendingRows, kind: UseKind, accountId: string, value: string | null, useKey: string): boolean {
  if (value === null) return false;
  const [node, edge] = NODE_AND_EDGE[kind];
  rows[node].set(value, { id: value });
  rows[edge].set(useKey, { accountId, identifierId: value });
  return true;
}
