/**
 * Accounts sharing identifiers, for one account or every pair: runs the saved query
 * `shared-identifiers` (so the API and the catalogue answer the same way) with identifier
 * kinds checked against IDENTIFIER_KINDS. Values travel as parameters.
 */
import { RinglensError } from "../errors.ts";
import { identifierKind, type IdentifierLabel } from "../domain/model.ts";
import { DEFAULT_LINK_POLICY, linkingLabels } from "../domain/rings/link-policy.ts";
import type { Catalogue } from "../queries/catalogue.ts";
import { bindParams } from "../queries/catalogue.ts";
import type { GraphStore } from "../store/graph-store.ts";

export interface SharedPair {
  account: string;
  other: string;
  sharedCount: number;
  /** Jaccard index of the two accounts' identifier sets (over the kinds asked for). */
  jaccard: number;
}

export interface SharedRequest {
  /** null: every pair, each once (account < other). */
  account: string | null;
  /** Identifier labels or names; empty: the kinds that link by default. */
  kinds: string[];
  limit: number;
}

/** Checks kind names against IDENTIFIER_KINDS; the default is the kinds that link by default. */
export function sharedKinds(kinds: string[]): IdentifierLabel[] {
  // Shared identifiers are the accounts' own; contact links are read through contacts.
  if (kinds.length === 0)
    return linkingLabels({ ...DEFAULT_LINK_POLICY }).filter((l): l is IdentifierLabel => identifierKind(l) !== undefined);
  return kinds.map((k) => {
    const kind = identifierKind(k);
    if (!kind) throw new RinglensError("invalid-input", `shared identifiers: unknown identifier kind "${k}"`, { param: "kinds" });
    return kind.label;
  });
}

/** @example await sharedIdentifiers(store, catalogue, { account: "A1", kinds: [], limit: 100 }, 10_000) */
export async function sharedIdentifiers(
  store: GraphStore,
  catalogue: Catalogue,
  request: SharedRequest,
  timeoutMs: number,
): Promise<SharedPair[]> {
  const query = catalogue.get("shared-identifiers");
  if (!query)
    throw new RinglensError("unavailable", "shared identifiers: the saved query shared-identifiers is missing from cypher/queries/");
  const params = bindParams(query, { account: request.account ?? "", kinds: sharedKinds(request.kinds), limit: request.limit });
  const { rows } = await store.query(query.text, params, { timeoutMs });
  return rows.map((r) => ({
    account: String(r.account),
    other: String(r.other),
    sharedCount: Number(r.sharedCount),
    jaccard: Number(r.jaccard),
  }));
}
