/**
 * The alerts an analysis raises about cases, from the rings before and after it (pure):
 *   - linked-to-confirmed: an account that was not a member of a confirmed ring before this
 *     analysis and now shares a linking identifier (any kind the link policy links, hubs
 *     excepted) with one of its earlier members; names the account, ring and identifier.
 *   - ring-grew: a ring under investigation or confirmed gained members.
 *   - dismissed-changed: a dismissed ring gained or lost members, or absorbed another.
 * Alert ids are digests of what they are about, so the same finding is never raised twice.
 */
import { hash53 } from "../hash.ts";
import type { LinkFact } from "../analysis-types.ts";
import type { AlertDraft, CaseStatus } from "./case-types.ts";
import type { RingLineage } from "./ring-lineage.ts";

export interface AlertInput {
  /** Cases after they followed their rings (ringId is the new ring's). */
  cases: readonly { id: string; ringId: string; status: CaseStatus }[];
  lineage: ReadonlyMap<string, RingLineage>;
  /** Members of each previous ring. */
  previousMembers: ReadonlyMap<string, readonly string[]>;
  /** Read once, and only when a confirmed case needs it. */
  links: () => Iterable<LinkFact>;
  /** Identifier labels the link policy links. */
  linking: ReadonlySet<string>;
  /** `kind:id` of hub identifiers, which link nobody. */
  hubs: ReadonlySet<string>;
}

export const alertId = (...parts: string[]) => `AL-${hash53(parts.join("\u001f")).toString(36)}`;

export function raiseCaseAlerts(input: AlertInput): AlertDraft[] {
  const out: AlertDraft[] = [];
  let byIdentifier: Map<string, string[]> | null = null;
  let byAccount: Map<string, string[]> | null = null;
  for (const c of input.cases) {
    const lineage = input.lineage.get(c.ringId);
    if (!lineage) continue;
    const base = { caseId: c.id, ringId: c.ringId, accountId: null, identifier: null, watchId: null };
    if ((c.status === "investigating" || c.status === "confirmed") && lineage.added.length > 0) {
      out.push({
        ...base,
        id: alertId("ring-grew", c.id, ...lineage.added),
        kind: "ring-grew",
        message: `ring ${c.ringId} (case ${c.id}, ${c.status}) gained ${lineage.added.length} member(s): ${lineage.added.slice(0, 5).join(", ")}`,
        detail: { added: lineage.added, previousId: lineage.previousId },
      });
    }
    if (c.status === "dismissed" && (lineage.added.length + lineage.removed.length > 0 || lineage.mergedFrom.length > 0)) {
      out.push({
        ...base,
        id: alertId("dismissed-changed", c.id, ...lineage.added, "|", ...lineage.removed, "|", ...lineage.mergedFrom),
        kind: "dismissed-changed",
        message: `dismissed ring ${c.ringId} (case ${c.id}) changed: +${lineage.added.length} −${lineage.removed.length} members${lineage.mergedFrom.length ? `, merged from ${lineage.mergedFrom.join(", ")}` : ""}`,
        detail: { added: lineage.added, removed: lineage.removed, mergedFrom: lineage.mergedFrom },
      });
    }
    if (c.status === "confirmed") {
      byIdentifier ??= indexLinks(input, "identifier");
      byAccount ??= indexLinks(input, "account");
      out.push(...linkedToConfirmed(c, lineage, input.previousMembers, byIdentifier, byAccount));
    }
  }
  return out;
}

/** The accounts a ring was known to hold: the members of the previous rings it descends from. */
export function knownMembers(lineage: RingLineage, previousMembers: ReadonlyMap<string, readonly string[]>): Set<string> {
  const known = new Set<string>();
  for (const prev of [lineage.previousId, ...lineage.mergedFrom]) if (prev) for (const a of previousMembers.get(prev) ?? []) known.add(a);
  return known;
}

function linkedToConfirmed(
  c: { id: string; ringId: string },
  lineage: RingLineage,
  previousMembers: ReadonlyMap<string, readonly string[]>,
  byIdentifier: Map<string, string[]>,
  byAccount: Map<string, string[]>,
): AlertDraft[] {
  const known = knownMembers(lineage, previousMembers);
  const found = new Map<string, { identifier: string; member: string }>();
  for (const member of [...known].sort()) {
    for (const identifier of byAccount.get(member) ?? []) {
      for (const account of byIdentifier.get(identifier) ?? []) {
        if (!known.has(account) && !found.has(account)) found.set(account, { identifier, member });
      }
    }
  }
  return [...found].map(([account, { identifier, member }]) => {
    const cut = identifier.indexOf(":");
    const kind = identifier.slice(0, cut);
    const id = identifier.slice(cut + 1);
    return {
      id: alertId("linked-to-confirmed", c.id, account),
      kind: "linked-to-confirmed" as const,
      caseId: c.id,
      ringId: c.ringId,
      accountId: account,
      identifier: { kind, id },
      watchId: null,
      message: `account ${account} links to confirmed ring ${c.ringId} (case ${c.id}) through ${kind} ${id}, shared with member ${member}`,
      detail: { member },
    };
  });
}

/** Linking, non-hub identifiers as `kind:id`, by identifier (its accounts) or by account (its identifiers); sorted. */
function indexLinks(input: AlertInput, by: "identifier" | "account"): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const l of input.links()) {
    if (!input.linking.has(l.kind)) continue;
    const identifier = `${l.kind}:${l.identifierId}`;
    if (input.hubs.has(identifier)) continue;
    const [key, value] = by === "identifier" ? [identifier, l.accountId] : [l.accountId, identifier];
    const list = out.get(key);
    if (list) list.push(value);
    else out.set(key, [value]);
  }
  for (const list of out.values()) list.sort();
  return out;
}
